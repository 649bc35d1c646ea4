import { renderSnippet } from '../../store/store.js';
import { EXIT, writeLine } from '../io.js';
import { openStore, storeLocation, storeOption } from '../store-option.js';
import { dbOption, positiveInt } from '../options.js';
import { forTerminal, jsonForTerminal } from '../terminal.js';
import type { DefineCommand } from './index.js';

/** `wiregraph search QUERY`: full-text search with highlighted snippets; any string is safe. */
export const defineSearch: DefineCommand = (program, setStatus) => {
  program
    .command('search')
    .description('full-text search over stored articles, with highlighted snippets')
    .argument('<query...>', 'words; "a phrase"; word* for a prefix')
    .addOption(dbOption())
    .addOption(storeOption())
    .option('--limit <n>', 'results to show', positiveInt, 10)
    .option('--json', 'print JSON lines')
    .action(async (words: string[], opts: { db?: string; store?: string; limit: number; json?: boolean }) => {
      const store = await openStore(storeLocation(opts));
      try {
        const { items } = await store.search(words.join(' '), { limit: opts.limit });
        const tty = process.stdout.isTTY;
        for (const hit of items) {
          if (opts.json) {
            await writeLine(jsonForTerminal(JSON.stringify({ ...hit, snippet: renderSnippet(hit.snippet, '[', ']') })));
            continue;
          }
          // Note: the text is made safe before the highlight's own escapes go in, so only those reach the terminal.
          const snippet = renderSnippet(hit.snippet, tty ? '\u001b[1m' : '[', tty ? '\u001b[22m' : ']', forTerminal);
          await writeLine(`${forTerminal(`${hit.id}  ${hit.published ?? '----------'}  ${hit.headline ?? '(no headline)'}`)}\n    ${snippet.replace(/\s+/gu, ' ')}`);
        }
        if (!opts.json && items.length === 0) await writeLine('no matches');
        setStatus(EXIT.ok);
      } finally {
        await store.close();
      }
    });
};
