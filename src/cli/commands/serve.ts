import { dbOption, positiveInt } from '../options.js';
import { describeLocation, openStore, storeLocation, storeOption } from '../store-option.js';
import { serveOptions, serveSettings, type ServeFlags } from '../serve-options.js';
import type { DefineCommand } from './index.js';

/** `wiregraph serve`: the read-only API and the article list page. */
export const defineServe: DefineCommand = (program) => {
  const command = program
    .command('serve')
    .description('serve the read-only API and the article list page')
    .addOption(dbOption())
    .addOption(storeOption())
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port', positiveInt, 8080);
  for (const option of serveOptions()) command.addOption(option);
  command.action(async (opts: { db?: string; store?: string; host: string; port: number } & ServeFlags) => {
    // Note: the server and the database driver are imported when the command runs, so that `extract` starts without them.
    const location = storeLocation(opts);
    const [{ listen }, store] = await Promise.all([import('../../server/server.js'), openStore(location)]);
    const { address } = await listen(store, opts.host, opts.port, serveSettings(opts));
    process.stdout.write(`wiregraph: ${await store.count()} articles in ${describeLocation(location)}, serving on ${address.replace('127.0.0.1', 'localhost')}\n`);
  });
};
