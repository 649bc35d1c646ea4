/**
 * Cross-article entity resolution (issue 15): hand-labelled pairs of mentions that must or must not resolve to
 * one entity, scored through the product path. The pairs' articles are ingested into a temporary SQLite store the
 * way `wiregraph ingest` does (the reader, the default pipeline, the store's resolver), then each mention is read
 * back as the stored mention over its span, and two mentions are "resolved together" when they became one entity.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/ingest/ingest.js';
import { DEFAULT_MAX_BYTES } from '../src/read/source.js';
import { openSqliteStore } from '../src/store/sqlite/store.js';
import type { Row } from './scores.js';

/** A mention as the pairs name it: the article, the mention's text, and a stretch of the text holding it. */
export interface PairMention {
  readonly article: string;
  readonly text: string;
  readonly context: string;
}

/** One labelled pair. */
export interface ResolutionPair {
  readonly split: 'dev' | 'test';
  readonly a: PairMention;
  readonly b: PairMention;
  /** True when the two must resolve to one entity. */
  readonly same: boolean;
  readonly reason: string;
}

interface Group {
  readonly id: string;
  readonly split: 'dev' | 'test';
  readonly thing: string;
  readonly distinct?: boolean;
  readonly mentions: ReadonlyArray<readonly [string, string, string]>;
}

interface GroupsFile {
  readonly groups: readonly Group[];
  readonly apart: ReadonlyArray<{ readonly a: string; readonly b: string; readonly reason: string; readonly limit?: number }>;
}

const mention = ([article, text, context]: readonly [string, string, string]): PairMention => ({ article, text, context });

/**
 * The pairs of the groups file: every two mentions of a group together (apart for a group of distinct things),
 * and the mentions of each `apart` pair of groups apart (the first `limit` of their cross product, if given).
 */
export function expandPairs(file: GroupsFile): ResolutionPair[] {
  const byId = new Map(file.groups.map((g) => [g.id, g]));
  const pairs: ResolutionPair[] = [];
  for (const g of file.groups) {
    for (let i = 0; i < g.mentions.length; i++) {
      for (let j = i + 1; j < g.mentions.length; j++) {
        const reason = g.distinct ? `different things: ${g.thing}` : `same thing: ${g.thing}`;
        pairs.push({ split: g.split, a: mention(g.mentions[i]!), b: mention(g.mentions[j]!), same: !g.distinct, reason });
      }
    }
  }
  for (const apart of file.apart) {
    const a = byId.get(apart.a);
    const b = byId.get(apart.b);
    if (!a || !b || a.split !== b.split) throw new Error(`resolution pairs: groups ${apart.a} and ${apart.b} must exist, in one split`);
    const cross = a.mentions.flatMap((x) => b.mentions.map((y) => [x, y] as const));
    for (const [x, y] of cross.slice(0, apart.limit ?? cross.length)) pairs.push({ split: a.split, a: mention(x), b: mention(y), same: false, reason: `apart: ${apart.reason}` });
  }
  return pairs;
}

/** Reads the pairs file (JSON lines). */
export function readResolutionPairs(path: string | URL): ResolutionPair[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as ResolutionPair);
}

/** Where the pairs' articles are read from. */
export interface ResolutionSources {
  /** The bundled sample folder (data/sample), ingested whole. */
  readonly sample: string;
  /** ../shared/data/news/bbc, from which the named files are ingested; null when absent (their pairs are skipped). */
  readonly bbc: string | null;
  /** Where to keep the store for a look at it afterwards; a temporary folder (removed) otherwise. */
  readonly storePath?: string;
}

/** Which entity each asked-for mention became: the entity of the stored mention overlapping its span most. */
export type MentionEntities = Map<string, number | null>;

const mentionKey = (m: PairMention): string => `${m.article}\u0000${m.context}\u0000${m.text}`;

/** The handle the pairs use for a stored source (`wikinews-100911`, `seed`, `bbc/tech/001.txt`). */
function handleOf(source: string, jsonlIds: ReadonlyMap<string, string[]>): string | null {
  const line = /^(.*\.jsonl):(\d+)$/u.exec(source);
  if (line) return jsonlIds.get(line[1]!)?.[Number(line[2]) - 1] ?? null;
  const bbc = /bbc\/([a-z]+\/\d+\.txt)$/u.exec(source);
  if (bbc) return `bbc/${bbc[1]}`;
  return /\/seed\/[^/]+\.txt$/u.test(source) ? 'seed' : null;
}

/**
 * Ingests the articles the pairs name and reads back the entity of each of their mentions.
 * @throws Error when a mention's context or text is not in its article (a mistake in the pairs)
 */
export async function resolveMentions(pairs: readonly ResolutionPair[], sources: ResolutionSources): Promise<MentionEntities> {
  const jsonl = join(sources.sample, 'wikinews', 'meantime-wikinews.jsonl');
  const jsonlIds = new Map([[jsonl, readFileSync(jsonl, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { id: string }).id)]]);
  const wanted = new Set(pairs.flatMap((p) => [p.a.article, p.b.article]));
  const bbcFiles = sources.bbc ? [...wanted].filter((h) => h.startsWith('bbc/')).sort().map((h) => join(sources.bbc!, h.slice(4))) : [];
  const dir = sources.storePath ? null : mkdtempSync(join(tmpdir(), 'wiregraph-resolution-'));
  try {
    const path = sources.storePath ?? join(dir!, 'store.db');
    rmSync(path, { force: true });
    const store = openSqliteStore(path);
    try {
      await ingest([sources.sample, ...bbcFiles], store, { kind: 'auto', date: null, maxBytes: DEFAULT_MAX_BYTES, batchSize: 500 });
    } finally {
      store.close();
    }
    return readMentionEntities(path, pairs, jsonlIds);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads the stored mentions of the pairs' articles back. */
function readMentionEntities(path: string, pairs: readonly ResolutionPair[], jsonlIds: ReadonlyMap<string, string[]>): MentionEntities {
  const db = new Database(path, { readonly: true });
  try {
    const seqOf = new Map<string, number>();
    for (const c of db.prepare('SELECT article_seq AS seq, source FROM copies').all() as Array<{ seq: number; source: string }>) {
      const handle = handleOf(c.source, jsonlIds);
      if (handle && !seqOf.has(handle)) seqOf.set(handle, c.seq);
    }
    const textOf = db.prepare('SELECT text FROM articles WHERE seq = ?');
    const mentionsOf = db.prepare('SELECT entity_id AS entity, start, end FROM mentions WHERE article_seq = ? AND end > ? AND start < ?');
    const out: MentionEntities = new Map();
    for (const m of pairs.flatMap((p) => [p.a, p.b])) {
      const key = mentionKey(m);
      if (out.has(key)) continue;
      const seq = seqOf.get(m.article);
      if (seq === undefined) continue;
      const text = (textOf.get(seq) as { text: string }).text;
      const span = locate(text, m);
      if (!span) throw new Error(`resolution pairs: "${m.text}" in "${m.context}" is not in ${m.article}`);
      const { start, end } = span;
      let best: { entity: number; overlap: number } | null = null;
      for (const r of mentionsOf.all(seq, start, end) as Array<{ entity: number; start: number; end: number }>) {
        const overlap = Math.min(end, r.end) - Math.max(start, r.start);
        if (!best || overlap > best.overlap) best = { entity: r.entity, overlap };
      }
      out.set(key, best?.entity ?? null);
    }
    return out;
  } finally {
    db.close();
  }
}

/** A pattern for a phrase that matches it across any run of white space (a context may span a paragraph break). */
const loose = (phrase: string): RegExp => new RegExp(phrase.trim().split(/\s+/u).map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('\\s+'), 'u');

/** The span of a mention's text at its context's first occurrence in the article. */
function locate(text: string, m: PairMention): { start: number; end: number } | null {
  const context = loose(m.context).exec(text);
  const inside = context ? loose(m.text).exec(context[0]) : null;
  if (!context || !inside) return null;
  const start = context.index + inside.index;
  return { start, end: start + inside[0].length };
}

/** Precision and recall of "resolved together" on one half of the pairs. */
export interface ResolutionScores {
  readonly pairs: number;
  readonly positives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Must-not pairs kept apart, of all must-not pairs. */
  readonly apartRight: number;
  readonly negatives: number;
  /** Pairs whose articles were not read (their corpus is absent). */
  readonly skipped: number;
  /** Mentions that became no entity. */
  readonly unfound: number;
  /** The pairs decided wrongly. */
  readonly wrong: readonly ResolutionPair[];
}

/** Scores the pairs of one split against the entities their mentions became. */
export function scoreResolution(pairs: readonly ResolutionPair[], entities: MentionEntities): ResolutionScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let apartRight = 0;
  let skipped = 0;
  const wrong: ResolutionPair[] = [];
  const unfound = new Set<string>();
  for (const p of pairs) {
    const [ka, kb] = [mentionKey(p.a), mentionKey(p.b)];
    if (!entities.has(ka) || !entities.has(kb)) {
      skipped++;
      continue;
    }
    const [ea, eb] = [entities.get(ka)!, entities.get(kb)!];
    for (const [k, e] of [[ka, ea], [kb, eb]] as const) if (e === null) unfound.add(k);
    const together = ea !== null && ea === eb;
    if (together && p.same) tp++;
    else if (together) fp++;
    else if (p.same) fn++;
    else apartRight++;
    if (together !== p.same) wrong.push(p);
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { pairs: pairs.length - skipped, positives: tp + fn, precision, recall, f1, apartRight, negatives: apartRight + fp, skipped, unfound: unfound.size, wrong };
}

/** The eval table's rows: one per half, development first. */
export async function resolutionRows(pairsPath: string | URL, sources: ResolutionSources): Promise<Row[]> {
  const pairs = readResolutionPairs(pairsPath);
  const entities = await resolveMentions(pairs, sources);
  return (['dev', 'test'] as const).map((split) => {
    const s = scoreResolution(pairs.filter((p) => p.split === split), entities);
    const skipped = s.skipped > 0 ? `; ${s.skipped} skipped (corpus absent)` : '';
    return {
      layer: 'entities', corpus: `resolution pairs, ${split === 'dev' ? 'development' : 'test'} half`, metric: 'resolved together (product path)',
      p: s.precision, r: s.recall, f1: s.f1, n: s.positives,
      note: `${s.apartRight}/${s.negatives} must-not pairs apart; ${s.unfound} mentions without an entity${skipped}`,
    };
  });
}
