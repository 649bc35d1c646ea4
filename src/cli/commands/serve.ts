import { listen } from '../../server/server.js';
import { openSqliteStore } from '../../store/sqlite/store.js';
import { dbPath } from '../io.js';
import { dbOption, positiveInt } from '../options.js';
import type { DefineCommand } from './index.js';

/** `wiregraph serve`: the read-only API and the article list page. */
export const defineServe: DefineCommand = (program) => {
  program
    .command('serve')
    .description('serve the read-only API and the article list page')
    .addOption(dbOption())
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port', positiveInt, 8080)
    .action(async (opts: { db?: string; host: string; port: number }) => {
      const store = openSqliteStore(dbPath(opts.db));
      const { address } = await listen(store, opts.host, opts.port);
      process.stdout.write(`wiregraph: ${store.count()} articles, serving on ${address.replace('127.0.0.1', 'localhost')}\n`);
    });
};
