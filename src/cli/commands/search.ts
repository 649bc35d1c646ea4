import { renderSnippet } from '../../store/store.js';
import { dbPath, EXIT, writeLine } from '../io.js';
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
    .option('--limit <n>', 'results to show', positiveInt, 10)
    .option('--json', 'print JSON lines')
    .action(async (words: string[], opts: { db?: string; limit: number; json?: boolean }) => {
      // Note: the database driver is imported when the command runs, so that `extract` starts without it.
      const { openSqliteStore } = await import('../../store/sqlite/store.js');
      const store = openSqliteStore(dbPath(opts.db));
      try {
        const { items } = store.search(words.join(' '), { limit: opts.limit });
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
        store.close();
      }
    });
};
