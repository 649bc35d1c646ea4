import { parseDateOption } from '../../api/extract.js';
import type { FeedReport } from '../../watch/poll.js';
import { dbPath, EXIT, reportError } from '../io.js';
import { dbOption, dictionaryOptions, fetchOptions, fetchSettings, type FetchFlags, minConfidenceOption, pipelineOptions, positiveInt } from '../options.js';
import { forTerminal } from '../terminal.js';
import { DEFAULT_MAX_BYTES } from '../../read/source.js';
import type { DefineCommand } from './index.js';

/** `wiregraph watch FEEDS.txt`: poll a list of feeds and store their new items, every interval or once. */
export const defineWatch: DefineCommand = (program, setStatus) => {
  const command = program
    .command('watch')
    .description('poll the feeds listed in a file (one URL per line, # comments) with conditional requests, storing new items only; state is kept in the database, so a restart re-ingests nothing')
    .argument('<feeds>', 'a file of feed URLs, one per line')
    .addOption(dbOption())
    .option('--every <interval>', 'time between rounds: 90s, 15m, 1h (a bare number is minutes)', '15m')
    .option('--once', 'poll each feed once and exit (for cron)')
    .option('--date <date>', 'article date (YYYY-MM-DD[THH:MM]) for items that carry none')
    .option('--max-bytes <n>', 'the cap on one feed, and on one item', positiveInt, DEFAULT_MAX_BYTES);
  for (const option of [...fetchOptions(), ...dictionaryOptions(), minConfidenceOption()]) command.addOption(option);
  command.action(async (feedsFile: string, opts: { db?: string; every: string; once?: boolean; date?: string; maxBytes: number; actors: string[]; verbs: string[]; minConfidence?: number } & FetchFlags) => {
    const [{ parseInterval, readFeedList }, { watch }, { openSqliteStore }] = await Promise.all([import('../../watch/feeds-file.js'), import('../../watch/watch.js'), import('../../store/sqlite/store.js')]);
    const everyMs = parseInterval(opts.every);
    // Note: the list and the dictionaries are read before the database is opened, so that a bad one changes nothing.
    await readFeedList(feedsFile);
    const pipeline = pipelineOptions({ ...opts, workers: 1 }).pipeline;
    const date = parseDateOption(opts.date);
    const store = openSqliteStore(dbPath(opts.db));
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
    try {
      const summary = await watch(feedsFile, store, {
        ...fetchSettings(opts),
        everyMs,
        once: opts.once ?? false,
        date,
        maxBytes: opts.maxBytes,
        ...(pipeline ? { pipeline } : {}),
        signal: stop.signal,
        onReport: printReport,
      });
      process.stdout.write(`watched ${summary.rounds} rounds, ${summary.polls} polls: ${summary.added} new, ${summary.copies} new copies, ${summary.notModified} not modified, ${summary.failedPolls} failed\n`);
      setStatus(summary.failedPolls > 0 ? EXIT.someFailed : EXIT.ok);
    } finally {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      store.close();
    }
  });
};

/** One line per poll on standard output; a failure's error on standard error too. */
function printReport(r: FeedReport): void {
  const what = {
    fetched: `${r.items} items, ${r.newItems} new: ${r.added} stored, ${r.copies} copies, ${r.failed} failed`,
    'not-modified': 'not modified (304)',
    'backed-off': `skipped: its host failed lately, asked again after ${r.retryAt}`,
    failed: `failed (${r.error?.code}); its host is asked again after ${r.retryAt}`,
  }[r.outcome];
  process.stdout.write(`${forTerminal(r.url)}: ${what}\n`);
  if (r.error) reportError(r.error, r.url);
}
