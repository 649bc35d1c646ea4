import { readFileSync } from 'node:fs';
import { EWT_TO_CONLL } from './pos/features.js';

/** A sentence of a dependency treebank: words, Penn tags, and the gold tree. */
export interface TreebankSentence {
  readonly words: readonly string[];
  /** Penn Treebank tags in the tagger's conventions (EWT's own tags mapped by {@link EWT_TO_CONLL}). */
  readonly tags: readonly string[];
  /** The head of each word, 0-based; -1 for the root's dependent. */
  readonly heads: readonly number[];
  /** The relation of each word to its head (UD relations with subtypes: `nsubj:pass`). */
  readonly relations: readonly string[];
}

/**
 * Reads a CoNLL-U treebank: multi-word token lines (`3-4`) and empty nodes (`8.1`) are left out, so each row is
 * a syntactic word whose head points at another row.
 */
export function readConllu(path: string): TreebankSentence[] {
  return parseConllu(readFileSync(path, 'utf8'));
}

/** Parses CoNLL-U text (see {@link readConllu}). */
export function parseConllu(text: string): TreebankSentence[] {
  const out: TreebankSentence[] = [];
  for (const block of text.split(/\n\s*\n/u)) {
    const rows = block.split('\n').filter((l) => /^\d+\t/u.test(l)).map((l) => l.split('\t'));
    if (rows.length === 0) continue;
    out.push({
      words: rows.map((r) => r[1]!),
      tags: rows.map((r) => EWT_TO_CONLL[r[4]!] ?? r[4]!),
      heads: rows.map((r) => Number(r[6]) - 1),
      relations: rows.map((r) => r[7]!),
    });
  }
  return out;
}

/** True when no two arcs of the tree cross (heads 0-based, -1 for the root's dependent, which stands above every word). */
export function isProjective(heads: readonly number[]): boolean {
  const n = heads.length;
  // Note: the root is placed before the first word, as position -1, so its arc spans every word to its left.
  for (let i = 0; i < n; i++) {
    const h = heads[i]!;
    const lo = Math.min(i, h);
    const hi = Math.max(i, h);
    for (let k = lo + 1; k < hi; k++) {
      const hk = heads[k]!;
      if (hk < lo || hk > hi) return false;
    }
  }
  return true;
}
