import cliProgress from 'cli-progress';
import type { IngestProgress } from '../ingest/ingest.js';

/** Shows ingest progress: a bar with articles/s and ETA on a terminal, a plain log line per batch otherwise. */
export interface ProgressReporter {
  update(progress: IngestProgress): void;
  /** Prints something (an error) without breaking the bar. */
  interrupt(print: () => void): void;
  stop(): void;
}

/** Makes the reporter for standard error. */
export function progressReporter(label: string): ProgressReporter {
  if (!process.stderr.isTTY) {
    return {
      update: (p) => process.stderr.write(`${label}: ${p.articles} articles from ${p.inputsDone}/${p.inputsTotal} inputs, ${p.added} new, ${rate(p)} articles/s\n`),
      interrupt: (print) => print(),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar({
    format: `${label} [{bar}] {value}/{total} inputs | {articles} articles | {speed} articles/s | ETA {eta_formatted}`,
    stream: process.stderr,
    hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update(p) {
      if (!started) {
        bar.start(p.inputsTotal, 0, { articles: 0, speed: 0 });
        started = true;
      }
      bar.update(p.inputsDone, { articles: p.articles, speed: rate(p) });
    },
    interrupt(print) {
      if (started) process.stderr.write('\n');
      print();
    },
    stop: () => bar.stop(),
  };
}

function rate(p: IngestProgress): number {
  return p.seconds > 0 ? Math.round(p.articles / p.seconds) : 0;
}

/**
 * The closing line of an ingest: new texts (`new`), records already stored (`already stored`: the same text
 * with the same URL or outlet), failures, and new copies of stored texts (another outlet or URL).
 */
export function summarise(p: IngestProgress): string {
  const already = p.skipped > 0 && p.added === 0 && p.copies === 0 ? ` (all ${p.skipped} were already stored; nothing added)` : '';
  const unread = p.unread > 0 ? `, ${p.unread} unchanged files stored before not read again (--reread reads them)` : '';
  return `ingested ${p.articles} articles from ${p.inputsTotal} inputs: ${p.added} new, ${p.skipped} already stored, ${p.failed} failed, ${p.copies} new copies of stored texts (another outlet or URL), ${p.seconds.toFixed(1)} s, ${rate(p)} articles/s${unread}${already}`;
}
