import { gunzipSync, gzipSync } from 'node:zlib';
import { WiregraphError } from '../../../errors.js';

/** The format line that opens a word-cluster file (`data/lexicon/clusters.tsv.gz`). */
export const CLUSTERS_FORMAT = 'wiregraph-clusters/1';

/** Word -> its cluster's path in a binary tree of clusters, as a bit string (`0110...`), Brown-style. */
export type WordClusters = ReadonlyMap<string, string>;

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
export function encodeClusters(clusters: WordClusters, generatedBy: string): Buffer {
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
  const clusters = new Map<string, string>();
  for (const line of text.split('\n').slice(1)) {
    const tab = line.indexOf('\t');
    if (tab > 0) clusters.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return clusters;
}
