import { join } from 'node:path';
import { DEFAULT_MAX_BYTES } from '../../read/source.js';
import { dbPath, reportError } from '../io.js';
import { dbOption, positiveInt } from '../options.js';
import { packageRoot } from '../../data-dir.js';
import { serveOptions, serveSettings, type ServeFlags } from '../serve-options.js';
import type { DefineCommand } from './index.js';

/** `wiregraph start` (what `npm start` runs): ingest the bundled sample, then serve it. */
export const defineStart: DefineCommand = (program) => {
  const command = program
    .command('start')
    .description('ingest the bundled sample (idempotently) into the database and serve it on localhost')
    .addOption(dbOption())
    .option('--port <n>', 'port', positiveInt, 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1');
  for (const option of serveOptions()) command.addOption(option);
  command.action(async (opts: { db?: string; port: number; host: string } & ServeFlags) => {
    // Note: the server and the database driver are imported when the command runs, so that `extract` starts without them.
    const [{ listen }, { openSqliteStore }, { ingest }, { summarise }] = await Promise.all([import('../../server/server.js'), import('../../store/sqlite/store.js'), import('../../ingest/ingest.js'), import('../progress.js')]);
    const store = openSqliteStore(dbPath(opts.db));
    const result = await ingest([join(packageRoot(), 'data', 'sample')], store, {
      kind: 'auto', date: null, maxBytes: DEFAULT_MAX_BYTES, batchSize: 500,
      onError: (error, input) => reportError(error, input),
    });
    process.stdout.write(`${summarise(result)}\n`);
    const { address } = await listen(store, opts.host, opts.port, serveSettings(opts));
    process.stdout.write(`wiregraph: ${store.count()} articles in ${dbPath(opts.db)}; open ${address.replace('127.0.0.1', 'localhost')}\n`);
  });
};
