import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { compare, decodeFingerprint, encodeFingerprint, fingerprint, originatorOf, type Comparison, type Fingerprint, type StoryOptions } from '../../stories/index.js';
import type { CopyRole } from '../store.js';
import { monthOf } from '../sqlite/graph-index.js';
import type { PgDb } from './dialect.js';
import type { GraphCounts } from './graph-counts.js';
import { factsCopied, factsPlaced } from './graph-facts.js';
import type { CoActors } from './graph-index.js';
import { one, type Query } from './sql.js';
import { relatedStarted } from './story-related.js';

/** Candidates compared with a new article: the stored articles sharing most lookup keys with it (as on SQLite). */
const STORY_CANDIDATES = 5;

interface RoleRow {
  readonly id: number;
  readonly seq: number;
  readonly role: CopyRole;
  readonly relation: 'copy' | 'version' | null;
}

const ROLE = 'SELECT c.id, c.article_seq AS seq, c.role, a.relation FROM copies c JOIN articles a ON a.seq = c.article_seq';
const TIME_ORDER = 'ORDER BY c.published ASC NULLS LAST, c.id';

function decoded(data: Buffer): Fingerprint {
  return decodeFingerprint(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

/** Prefers a copy to a version, then the closer match. */
function better(a: Comparison, b: Comparison): boolean {
  if (a.relation !== b.relation) return a.relation === 'copy';
  return a.similarity !== b.similarity ? a.similarity > b.similarity : a.containment > b.containment;
}

/** A copy's role, as on SQLite (`sqlite/story-index.ts`): the earliest published copy is the original. */
function roleOf(row: RoleRow, first: RoleRow): CopyRole {
  if (row.id === first.id) return 'original';
  if (row.seq === first.seq) return 'copy';
  return row.relation ?? first.relation ?? 'copy';
}

/** The story in which a new article goes, and how it relates to the article it matched; null story for a new one. */
async function placementOf(q: Query, f: Fingerprint, seq: number, options: Partial<StoryOptions>): Promise<{ story: number | null; relation: 'copy' | 'version' | null }> {
  if (f.keys.length === 0) return { story: null, relation: null };
  const found = await q<{ seq: number }>(
    'SELECT article_seq AS seq, count(*) AS shared FROM story_keys WHERE key = ANY($1::text[]) GROUP BY article_seq ORDER BY shared DESC, seq DESC LIMIT $2',
    [f.keys, STORY_CANDIDATES + 1],
  );
  let best: { story: number; comparison: Comparison } | null = null;
  for (const candidate of found) {
    if (candidate.seq === seq) continue;
    const row = await one<{ data: Buffer; story: number | null }>(q, 'SELECT f.data, a.story_id AS story FROM fingerprints f JOIN articles a ON a.seq = f.article_seq WHERE f.article_seq = $1', [candidate.seq]);
    if (!row || row.story === null) continue;
    const comparison = compare(f, decoded(row.data), options);
    if (comparison.relation === 'different') continue;
    if (!best || better(comparison, best.comparison)) best = { story: row.story, comparison };
  }
  return best ? { story: best.story, relation: best.comparison.relation as 'copy' | 'version' } : { story: null, relation: null };
}

/**
 * Fingerprints a new article, stores its fingerprint and keys, and puts it in a story (a stored one or a new one).
 * Call it inside the transaction that stores the article.
 * @returns the story, and the article's originator (for its copies)
 */
export async function placeArticle(q: Query, db: PgDb, seq: number, doc: WiregraphDoc, options: Partial<StoryOptions>, coActors?: CoActors, counts?: GraphCounts): Promise<{ story: number; originator: string | null }> {
  const f = fingerprint(doc.text, options);
  await q('INSERT INTO fingerprints (article_seq, data) VALUES ($1, $2)', [seq, Buffer.from(encodeFingerprint(f))]);
  await q('INSERT INTO story_keys (key, article_seq) SELECT DISTINCT k, $1::integer FROM unnest($2::text[]) AS k', [seq, f.keys]);
  const placement = await placementOf(q, f, seq, options);
  let story = placement.story;
  if (story === null) {
    story = (await one<{ id: number }>(q, 'INSERT INTO stories (created_at) VALUES ($1) RETURNING id', [new Date().toISOString()]))!.id;
    // Note: a new story is linked to related ones (same event, other agencies) as it starts, in the same transaction.
    await relatedStarted(q, story, doc);
  }
  const originator = originatorOf(doc);
  await q('UPDATE articles SET story_id = $1, relation = $2, originator = $3 WHERE seq = $4', [story, placement.relation, originator, seq]);
  // Note: the story-level graph (facts, counts by story and by copy) is written with the story, in its transaction.
  await factsPlaced(db, seq, story, monthOf(doc), coActors, counts);
  return { story, originator };
}

/** Sets the roles of copies that changed against the story's first copy. */
async function reRole(q: Query, rows: readonly RoleRow[], first: RoleRow): Promise<void> {
  for (const row of rows) {
    const role = roleOf(row, first);
    if (role !== row.role) await q('UPDATE copies SET role = $1 WHERE id = $2', [role, row.id]);
  }
}

/** The text that started a story gets its relation to an earlier published text that took its place as the first. */
async function relateFounder(q: Query, founder: number, first: number, options: Partial<StoryOptions>): Promise<void> {
  const row = (seq: number) => one<{ data: Buffer; relation: 'copy' | 'version' | null }>(q, 'SELECT f.data, a.relation FROM fingerprints f JOIN articles a ON a.seq = f.article_seq WHERE f.article_seq = $1', [seq]);
  const [mine, theirs] = [await row(founder), await row(first)];
  if (!mine || !theirs || mine.relation !== null) return;
  const relation = compare(decoded(mine.data), decoded(theirs.data), options).relation;
  await q('UPDATE articles SET relation = $1 WHERE seq = $2', [relation === 'copy' ? 'copy' : 'version', founder]);
}

/** Updates a story after a copy (of a new text or of one in the story) joined it: roles, first copy, originator, counts. */
export async function copyJoined(q: Query, db: PgDb, story: number, copy: number, newText: boolean, options: Partial<StoryOptions>, coActors?: CoActors, counts?: GraphCounts): Promise<void> {
  const first = (await one<RoleRow>(q, `${ROLE} WHERE c.story_id = $1 ${TIME_ORDER} LIMIT 1`, [story]))!;
  const before = (await one<{ first: number | null }>(q, 'SELECT first_copy AS first FROM stories WHERE id = $1', [story]))!.first;
  if (before !== first.id) {
    // Note: a new first copy changes the roles of its own text's copies and of the former first text's only.
    const former = before === null ? null : (await one<{ seq: number }>(q, 'SELECT article_seq AS seq FROM copies WHERE id = $1', [before]))!.seq;
    if (former !== null && former !== first.seq) await relateFounder(q, former, first.seq, options);
    for (const seq of new Set([first.seq, ...(former === null ? [] : [former])])) await reRole(q, await q<RoleRow>(`${ROLE} WHERE c.article_seq = $1`, [seq]), first);
  }
  const joining = (await one<RoleRow>(q, `${ROLE} WHERE c.id = $1`, [copy]))!;
  await reRole(q, [joining], first);
  await factsCopied(db, joining.seq, 1, coActors, counts);
  const credited = await one<{ originator: string }>(q, `SELECT c.originator FROM copies c WHERE c.story_id = $1 AND c.originator IS NOT NULL ${TIME_ORDER} LIMIT 1`, [story]);
  await q('UPDATE stories SET first_copy = $1, originator = $2, copies = copies + 1, articles = articles + $3 WHERE id = $4', [first.id, credited?.originator ?? null, newText ? 1 : 0, story]);
}
