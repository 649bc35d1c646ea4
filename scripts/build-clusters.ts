/**
 * Builds the recogniser's word clusters, `data/lexicon/clusters.tsv.gz`, from the unlabelled news text under
 * ../shared/data (see scripts/lib/news-text.ts; no CoNLL-2003 text). Note: Brown clustering proper is
 * quadratic in the cluster count and too slow to build here, so this makes the same kind of tree another
 * way: each word is a vector of positive PMI with its neighbours (two words either side, by position),
 * reduced to its 100 main singular directions, and the words are split in two by spherical 2-means again and again,
 * 20 levels deep; a word's path from the root (`0` left, `1` right) is its bit string, whose prefixes are
 * features as Brown clusters' are.
 * Run: `npx tsc -p tsconfig.json && node dist/scripts/build-clusters.js`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/data-dir.js';
import { clusterKey, encodeClusters } from '../src/stages/entities/ner/clusters.js';
import { readNewsCorpora } from './lib/news-text.js';

const shared = process.env['WIREGRAPH_SHARED'] ?? join(packageRoot(), '..', 'shared');
const MIN_COUNT = Number(process.env['MIN_COUNT'] ?? 3);
const CONTEXTS = 8000;
const OFFSETS = [-2, -1, 1, 2] as const;
const DIMS = 100;
const DEPTH = 20;
const ITERATIONS = 8;

let seed = 7;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const gaussian = (): number => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());

const corpora = readNewsCorpora(shared);
const sequences = corpora.flatMap((c) => c.sequences.map((s) => s.map(clusterKey)));
const tokenCount = sequences.reduce((n, s) => n + s.length, 0);
for (const c of corpora) process.stdout.write(`${c.name}: ${c.sequences.reduce((n, s) => n + s.length, 0)} tokens\n`);

/** Counts of each key in the sequences, optionally lower-cased. */
function countWords(lower: boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sequences) for (const w of s) {
    const k = lower ? w.toLowerCase() : w;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

const vocabulary = [...countWords(false)].filter(([, n]) => n >= MIN_COUNT).sort((a, b) => b[1] - a[1]).map(([w]) => w);
const wordId = new Map(vocabulary.map((w, i) => [w, i]));
const contextWords = [...countWords(true)].sort((a, b) => b[1] - a[1]).slice(0, CONTEXTS).map(([w]) => w);
// Note: context ids: one per frequent lower-cased word, then the sentence boundary, then every other word.
const contextId = new Map(contextWords.map((w, i) => [w, i]));
const BOUNDARY = CONTEXTS;
const OTHER = CONTEXTS + 1;
const PER_OFFSET = CONTEXTS + 2;

/** Per vocabulary word: context feature (offset slot * PER_OFFSET + context id) -> count. */
function cooccurrences(): Map<number, number>[] {
  const rows = vocabulary.map(() => new Map<number, number>());
  for (const s of sequences) {
    const ctx = s.map((w) => contextId.get(w.toLowerCase()) ?? OTHER);
    s.forEach((w, i) => {
      const id = wordId.get(w);
      if (id === undefined) return;
      const row = rows[id]!;
      OFFSETS.forEach((d, slot) => {
        const j = i + d;
        const c = slot * PER_OFFSET + (j < 0 || j >= s.length ? BOUNDARY : ctx[j]!);
        row.set(c, (row.get(c) ?? 0) + 1);
      });
    });
  }
  return rows;
}

/** The words' positive PMI rows (context counts smoothed to the power 0.75), as a sparse matrix by rows. */
interface Sparse {
  readonly starts: Int32Array;
  readonly columns: Int32Array;
  readonly values: Float32Array;
  readonly width: number;
}

function ppmi(rows: Map<number, number>[]): Sparse {
  const width = OFFSETS.length * PER_OFFSET;
  const contextTotals = new Float64Array(width);
  for (const row of rows) for (const [c, n] of row) contextTotals[c]! += n;
  const smoothed = contextTotals.map((n) => n ** 0.75);
  const smoothedSum = smoothed.reduce((a, b) => a + b, 0);
  const starts = new Int32Array(rows.length + 1);
  const columns: number[] = [];
  const values: number[] = [];
  rows.forEach((row, i) => {
    let total = 0;
    for (const n of row.values()) total += n;
    for (const [c, n] of row) {
      const pmi = Math.log((n * smoothedSum) / (total * smoothed[c]!));
      if (pmi > 0) columns.push(c), values.push(pmi);
    }
    starts[i + 1] = columns.length;
  });
  return { starts, columns: Int32Array.from(columns), values: Float32Array.from(values), width };
}

/** A dense matrix: `rows` arrays of `k` numbers. */
type Dense = Float64Array[];

/** A times D (A sparse n x m, D dense m x k), or A transposed times D (D dense n x k) when `transposed`. */
function times(a: Sparse, d: Dense, k: number, transposed = false): Dense {
  const n = a.starts.length - 1;
  const out = Array.from({ length: transposed ? a.width : n }, () => new Float64Array(k));
  for (let i = 0; i < n; i++) {
    for (let p = a.starts[i]!; p < a.starts[i + 1]!; p++) {
      const v = a.values[p]!;
      const [from, to] = transposed ? [d[i]!, out[a.columns[p]!]!] : [d[a.columns[p]!]!, out[i]!];
      for (let j = 0; j < k; j++) to[j]! += v * from[j]!;
    }
  }
  return out;
}

/** Orthonormalises the columns of a dense matrix in place (modified Gram-Schmidt). */
function orthonormalise(m: Dense, k: number): Dense {
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < j; i++) {
      let s = 0;
      for (const row of m) s += row[j]! * row[i]!;
      for (const row of m) row[j]! -= s * row[i]!;
    }
    let norm = 0;
    for (const row of m) norm += row[j]! * row[j]!;
    norm = Math.sqrt(norm) || 1;
    for (const row of m) row[j]! /= norm;
  }
  return m;
}

/** Eigenvectors (columns) and eigenvalues of a small symmetric matrix, by cyclic Jacobi rotations. */
function eigen(s: Dense): { vectors: Dense; values: number[] } {
  const k = s.length;
  const a = s.map((r) => Float64Array.from(r));
  const v = Array.from({ length: k }, (_, i) => Float64Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p]![q]! ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) {
      if (Math.abs(a[p]![q]!) < 1e-30) continue;
      const theta = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1);
      const sn = t * c;
      for (let r = 0; r < k; r++) {
        const [arp, arq] = [a[r]![p]!, a[r]![q]!];
        a[r]![p] = c * arp - sn * arq;
        a[r]![q] = sn * arp + c * arq;
      }
      for (let r = 0; r < k; r++) {
        const [apr, aqr] = [a[p]![r]!, a[q]![r]!];
        a[p]![r] = c * apr - sn * aqr;
        a[q]![r] = sn * apr + c * aqr;
      }
      for (let r = 0; r < k; r++) {
        const [vrp, vrq] = [v[r]![p]!, v[r]![q]!];
        v[r]![p] = c * vrp - sn * vrq;
        v[r]![q] = sn * vrp + c * vrq;
      }
    }
  }
  return { vectors: v, values: a.map((r, i) => r[i]!) };
}

/**
 * Each word's row of the PMI matrix in its top DIMS singular directions (randomised SVD with one power
 * iteration), scaled by the square root of the singular values, unit length.
 */
function embed(rows: Map<number, number>[]): Float32Array[] {
  const a = ppmi(rows);
  const k = DIMS;
  const omega = Array.from({ length: a.width }, () => Float64Array.from({ length: k }, gaussian));
  let q = orthonormalise(times(a, omega, k), k);
  q = orthonormalise(times(a, times(a, q, k, true), k), k);
  const b = times(a, q, k, true);
  const gram = Array.from({ length: k }, (_, i) => Float64Array.from({ length: k }, (_, j) => {
    let s = 0;
    for (const row of b) s += row[i]! * row[j]!;
    return s;
  }));
  const { vectors, values } = eigen(gram);
  const scale = values.map((l) => Math.max(l, 0) ** 0.25);
  return q.map((row) => {
    const e = new Float32Array(k);
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += row[i]! * vectors[i]![j]!;
      e[j] = s * scale[j]!;
    }
    return unit(e);
  });
}

function unit(v: Float32Array): Float32Array {
  let norm = 0;
  for (let k = 0; k < v.length; k++) norm += v[k]! * v[k]!;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < v.length; k++) v[k]! /= norm;
  return v;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

/** Splits members in two by spherical 2-means, seeded with a random member and the member least like it. */
function split(vectors: readonly Float32Array[], members: readonly number[]): [number[], number[]] {
  const first = members[Math.floor(random() * members.length)]!;
  let second = members[0]!;
  let lowest = Infinity;
  for (const m of members) {
    const s = dot(vectors[m]!, vectors[first]!);
    if (s < lowest) [second, lowest] = [m, s];
  }
  let centres: Float32Array[] = [Float32Array.from(vectors[first]!), Float32Array.from(vectors[second]!)];
  let sides: [number[], number[]] = [[], []];
  for (let it = 0; it < ITERATIONS; it++) {
    sides = [[], []];
    for (const m of members) sides[dot(vectors[m]!, centres[0]!) >= dot(vectors[m]!, centres[1]!) ? 0 : 1].push(m);
    if (sides[0].length === 0 || sides[1].length === 0) break;
    centres = sides.map((side) => {
      const c = new Float32Array(DIMS);
      for (const m of side) for (let k = 0; k < DIMS; k++) c[k]! += vectors[m]![k]!;
      return unit(c);
    });
  }
  return sides;
}

/** Every word's path in the tree of splits. */
function paths(vectors: readonly Float32Array[]): string[] {
  const out = vectors.map(() => '');
  const stack: Array<{ members: number[]; path: string }> = [{ members: vectors.map((_, i) => i), path: '' }];
  while (stack.length > 0) {
    const { members, path } = stack.pop()!;
    for (const m of members) out[m] = path;
    if (members.length < 2 || path.length >= DEPTH) continue;
    const [left, right] = split(vectors, members);
    if (left.length === 0 || right.length === 0) continue;
    stack.push({ members: left, path: `${path}0` }, { members: right, path: `${path}1` });
  }
  return out;
}

const started = performance.now();
const vectors = embed(cooccurrences());
const bits = paths(vectors);
const clusters = new Map(vocabulary.map((w, i) => [w, bits[i]!]));
const bytes = encodeClusters(clusters, `built by scripts/build-clusters.ts: ${vocabulary.length} words (seen ${MIN_COUNT}+ times in ${tokenCount} tokens of ${corpora.map((c) => c.name).join(', ')}), bisecting spherical 2-means over positive-PMI context vectors, ${DEPTH} levels`);
mkdirSync(join(packageRoot(), 'data', 'lexicon'), { recursive: true });
const out = join(packageRoot(), 'data', 'lexicon', 'clusters.tsv.gz');
writeFileSync(out, bytes);
process.stdout.write(`wrote ${out}: ${clusters.size} words, ${(bytes.length / 1048576).toFixed(2)} MiB, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
