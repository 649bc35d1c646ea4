import { readFile } from 'node:fs/promises';
import { WiregraphError } from '../errors.js';
import { httpUrl } from '../read/fetch.js';

/**
 * Reads a feeds list: one feed URL per line; blank lines and `#` comments (whole lines, or after a URL) skipped;
 * each URL once, in order.
 * @throws WiregraphError `WG_INPUT_NOT_FOUND` for a list that cannot be read, `WG_BAD_OPTION` for a line that is
 *   no http(s) URL (with its line number)
 */
export async function readFeedList(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new WiregraphError('WG_INPUT_NOT_FOUND', `The feeds list ${path} does not exist or cannot be read.`, { input: path });
  });
  const urls: string[] = [];
  text.split(/\r?\n/u).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/u, '').trim();
    if (line === '') return;
    try {
      const url = httpUrl(line, path).href;
      if (!urls.includes(url)) urls.push(url);
    } catch (e) {
      const why = e instanceof WiregraphError ? e.message : String(e);
      throw new WiregraphError('WG_BAD_OPTION', `Line ${i + 1} of the feeds list is not a feed URL: ${why}`, { input: path, line: i + 1 });
    }
  });
  return urls;
}

/**
 * Parses a polling interval: a number with `s`, `m` or `h` (`90s`, `15m`, `1h`); a bare number is minutes.
 * @throws WiregraphError `WG_BAD_OPTION`
 */
export function parseInterval(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/u.exec(value.trim());
  const n = match ? Number(match[1]) * { s: 1_000, m: 60_000, h: 3_600_000 }[(match[2] ?? 'm') as 's' | 'm' | 'h'] : NaN;
  if (!Number.isFinite(n) || n < 1_000) {
    throw new WiregraphError('WG_BAD_OPTION', `--every expects an interval of at least one second such as 90s, 15m or 1h, got ${JSON.stringify(value)}.`);
  }
  return n;
}
