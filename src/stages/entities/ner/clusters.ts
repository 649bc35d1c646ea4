import { gunzipSync, gzipSync } from 'node:zlib';
import { WiregraphError } from '../../../errors.js';
import { hashRange } from '../../../pipeline/weights.js';

/** The format line that opens a word-cluster file (`data/lexicon/clusters.tsv.gz`). */
export const CLUSTERS_FORMAT = 'wiregraph-clusters/1';

/** Word -> its cluster's path in a binary tree of clusters, as a bit string (`0110...`), Brown-style. */
export interface WordClusters {
  get(word: string): string | undefined;
  readonly size: number;
}

/** The path prefix lengths that are features, as in Ratinov and Roth (2009). */
export const CLUSTER_PREFIXES = [4, 6, 10, 20] as const;

/** The form a word is looked up by: digits folded to `0`, so that numbers share clusters. */
export function clusterKey(word: string): string {
  return word.replace(/\d/gu, '0');
}

/** A word's cluster path: its own form, else its lower-cased form, else undefined. */
export function clusterOf(clusters: WordClusters, word: string): string | undefined {
  const key = clusterKey(word);
  return clusters.get(key) ?? clusters.get(key.toLowerCase());
}

/** Writes a cluster file: a `#` header line naming the format and what made it, then `word<TAB>bits` lines, gzipped. */
export function encodeClusters(clusters: ReadonlyMap<string, string>, generatedBy: string): Buffer {
  const lines = [`# ${CLUSTERS_FORMAT} ${generatedBy.replace(/\n/gu, ' ')}`];
  for (const [word, bits] of clusters) lines.push(`${word}\t${bits}`);
  return gzipSync(`${lines.join('\n')}\n`, { level: 9 });
}

/**
 * Reads a cluster file written by {@link encodeClusters}.
 * @throws WiregraphError `WG_MODEL_FORMAT` when the bytes are not such a file
 */
export function decodeClusters(bytes: Uint8Array, name: string): WordClusters {
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch (e) {
    throw new WiregraphError('WG_MODEL_FORMAT', `${name} is not gzip (${(e as Error).message}); run scripts/build-clusters.ts again.`);
  }
  if (!text.startsWith(`# ${CLUSTERS_FORMAT} `)) throw new WiregraphError('WG_MODEL_FORMAT', `${name} is not a ${CLUSTERS_FORMAT} file; run scripts/build-clusters.ts again.`);
  return new ClusterTable(text);
}

/**
 * The words of a cluster file, found through an open-addressing hash over the file's text itself: no string per
 * word is made until it is looked up. Note: a Map of the 50,000 words took 30 ms of every cold start.
 */
class ClusterTable implements WordClusters {
  readonly #text: string;
  /** Per word: where its line starts, its tab and its line's end. */
  readonly #lines: Int32Array;
  readonly #slots: Int32Array;
  readonly size: number;

  constructor(text: string) {
    this.#text = text;
    const lines: number[] = [];
    for (let at = text.indexOf('\n') + 1; at > 0 && at < text.length; ) {
      const end = text.indexOf('\n', at);
      const stop = end < 0 ? text.length : end;
      const tab = text.indexOf('\t', at);
      if (tab > at && tab < stop) lines.push(at, tab, stop);
      at = stop + 1;
    }
    this.#lines = Int32Array.from(lines);
    this.size = lines.length / 3;
    let size = 2;
    while (size < this.size * 2) size <<= 1;
    this.#slots = new Int32Array(size).fill(-1);
    for (let i = 0; i < this.size; i++) {
      let h = hashRange(text, this.#lines[i * 3]!, this.#lines[i * 3 + 1]!) & (size - 1);
      while (this.#slots[h] !== -1) h = (h + 1) & (size - 1);
      // Note: a word has one line in a file (encodeClusters writes a Map); were it repeated, its first line would win.
      this.#slots[h] = i;
    }
  }

  get(word: string): string | undefined {
    const mask = this.#slots.length - 1;
    for (let h = hashRange(word, 0, word.length) & mask; ; h = (h + 1) & mask) {
      const i = this.#slots[h]!;
      if (i === -1) return undefined;
      const start = this.#lines[i * 3]!;
      const tab = this.#lines[i * 3 + 1]!;
      if (tab - start === word.length && this.#text.startsWith(word, start)) return this.#text.slice(tab + 1, this.#lines[i * 3 + 2]!);
    }
  }
}
