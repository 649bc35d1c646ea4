import type { AsyncArticleStore } from '../../store/async.js';
import type { StoryDetail } from '../../store/store.js';
import { forTerminal, jsonForTerminal } from '../terminal.js';
import { EXIT, writeLine } from '../io.js';
import { openStore, storeLocation, storeOption } from '../store-option.js';
import { dbOption } from '../options.js';
import type { DefineCommand } from './index.js';

/** Stories read per page. */
const PAGE = 200;

/** A story as one `--json` line: `{id, originator, first, copies: [{article, outlet, url, published, headline, role}], related}`. */
export function storyLine(story: StoryDetail): string {
  const copies = story.copies.map(({ article, outlet, url, published, headline, role }) => ({ article, outlet, url, published, headline, role }));
  return JSON.stringify({ id: story.id, originator: story.originator, first: story.first, copies, related: story.related.map((r) => r.id) });
}

/** A story for people: a header line, one line per copy in time order, and a line of its related stories when it has any. */
export function storyText(story: StoryDetail): string {
  const texts = new Set(story.copies.map((c) => c.article)).size;
  const header = `story ${story.id}: ${story.copies.length} ${story.copies.length === 1 ? 'copy' : 'copies'} of ${texts} ${texts === 1 ? 'text' : 'texts'}, originated by ${story.originator ?? 'unknown'}`;
  const outletWidth = Math.min(24, Math.max(6, ...story.copies.map((c) => (c.outlet ?? '-').length)));
  const lines = story.copies.map((c) =>
    `  ${(c.published ?? '(undated)').padEnd(16)}  ${c.role.padEnd(8)}  ${(c.outlet ?? '-').slice(0, outletWidth).padEnd(outletWidth)}  ${c.article}  ${c.headline ?? '(no headline)'}${c.url ? `  ${c.url}` : ''}`,
  );
  const related = story.related.length === 0 ? [] : [`  related: ${story.related.map((r) => `story ${r.id} (${r.originator ?? 'unknown'}, ${r.score.toFixed(2)})`).join(', ')}`];
  return [header, ...lines, ...related].join('\n');
}

/** Every story with at least `minCopies` copies, biggest first, with its copies (no diffs). */
export async function* allStories(store: AsyncArticleStore, minCopies: number): AsyncGenerator<StoryDetail> {
  let cursor: string | null = null;
  do {
    const page = await store.stories({ limit: PAGE, cursor, minCopies });
    for (const summary of page.items) {
      const story = await store.story(summary.id, { diffs: false });
      if (story) yield story;
    }
    cursor = page.nextCursor;
  } while (cursor);
}

/** `wiregraph stories`: the stored stories with their copies, biggest first. */
export const defineStories: DefineCommand = (program, setStatus) => {
  program
    .command('stories')
    .description('list stored stories (copies and versions of one wire story) with their copies, biggest first')
    .addOption(dbOption())
    .addOption(storeOption())
    .option('--json', 'print one JSON object per story and line')
    .option('--all', 'include stories with a single copy')
    .action(async (opts: { db?: string; store?: string; json?: boolean; all?: boolean }) => {
      const store = await openStore(storeLocation(opts));
      try {
        let shown = 0;
        for await (const story of allStories(store, opts.all ? 1 : 2)) {
          await writeLine(opts.json ? jsonForTerminal(storyLine(story)) : `${shown > 0 ? '\n' : ''}${forTerminal(storyText(story))}`);
          shown++;
        }
        if (!opts.json && shown === 0) await writeLine(opts.all ? 'no stories stored' : 'no story has two or more copies (--all lists every story)');
        setStatus(EXIT.ok);
      } finally {
        await store.close();
      }
    });
};
