import { WiregraphError } from '../../errors.js';
import { jsonForTerminal } from '../terminal.js';
import { EXIT, writeLine } from '../io.js';
import { openStore, storeLocation, storeOption } from '../store-option.js';
import { dbOption } from '../options.js';
import type { DefineCommand } from './index.js';

/** `wiregraph show ID`: one stored article as `wiregraph/1`. */
export const defineShow: DefineCommand = (program, setStatus) => {
  program
    .command('show')
    .description('print one stored article as wiregraph/1 (an id or a unique prefix of at least 4 characters)')
    .argument('<id>')
    .addOption(dbOption())
    .addOption(storeOption())
    .option('--pretty', 'indent the JSON')
    .action(async (id: string, opts: { db?: string; store?: string; pretty?: boolean }) => {
      const store = await openStore(storeLocation(opts));
      try {
        const doc = await store.get(id);
        if (!doc) throw new WiregraphError('WG_NOT_FOUND', `No stored article has id ${JSON.stringify(id)} (or the prefix is not unique); find ids with "wiregraph search".`);
        await writeLine(jsonForTerminal(JSON.stringify(doc, null, opts.pretty ? 2 : undefined)));
        setStatus(EXIT.ok);
      } finally {
        await store.close();
      }
    });
};
