import type Database from 'better-sqlite3';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { compare, decodeFingerprint, encodeFingerprint, fingerprint, originatorOf, type Comparison, type Fingerprint, type StoryOptions } from '../../stories/index.js';
import type { CopyRole } from '../store.js';
import { factIndexer } from './graph-facts.js';
import { monthOf } from './graph-index.js';
import { relatedIndexer } from './story-related.js';

/** Candidates compared with a new article: the stored articles sharing most lookup keys with it. */
// Note: a copy shares most of its keys with its source, so the right story is almost always first; a few more
// cover an article whose keys are split between a story's copy and its version.
export const STORY_CANDIDATES = 5;

/** Where a new article goes: the story it joins (with how it relates to the article it matched), or a new one. */
interface Placement {
  readonly story: number | null;
  readonly relation: 'copy' | 'version' | null;
}

/** The writes of the stories tables, prepared once; call them inside the transaction that stores the article. */
export interface StoryIndexer {
  /**
   * Fingerprints a new article, stores its fingerprint and keys, and puts it in a story (an existing or a new one).
   * @returns the story, and the article's originator (for its copies)
   */
  place(seq: number, doc: WiregraphDoc, options: Partial<StoryOptions>): { story: number; originator: string | null };
  /** Starts a story of its own for an article that cannot be fingerprinted (kept out of every lookup). */
  alone(seq: number, originator: string | null): number;
  /** Updates a story after a copy (of a new text or of one in the story) joined it: roles, first copy, originator, counts. */
  joined(story: number, copy: number, newText: boolean, options: Partial<StoryOptions>): void;
}

interface RoleRow {
  readonly id: number;
  readonly seq: number;
  readonly role: CopyRole;
  readonly relation: 'copy' | 'version' | null;
}

/** The statements of {@link storyIndexer}. */
function prepareStatements(db: Database.Database) {
  const insertFingerprint = db.prepare('INSERT INTO fingerprints (article_seq, data) VALUES (?, ?)');
  // Note: all keys in one statement (json_each), not one call per key: a third of the time of placing an article.
  const insertKeys = db.prepare('INSERT INTO story_keys (key, article_seq) SELECT DISTINCT value, ? FROM json_each(?)');
  const candidates = db.prepare(
    'SELECT article_seq AS seq, count(*) AS shared FROM story_keys WHERE key IN (SELECT value FROM json_each(?)) GROUP BY article_seq ORDER BY shared DESC, seq DESC LIMIT ?',
  );
  const fingerprintOf = db.prepare('SELECT f.data, a.story_id AS story, a.relation FROM fingerprints f JOIN articles a ON a.seq = f.article_seq WHERE f.article_seq = ?');
  const setRelation = db.prepare('UPDATE articles SET relation = ? WHERE seq = ?');
  const newStory = db.prepare('INSERT INTO stories (created_at) VALUES (?)');
  const setStory = db.prepare('UPDATE articles SET story_id = ?, relation = ?, originator = ? WHERE seq = ?');
  const ROLE = 'SELECT c.id, c.article_seq AS seq, c.role, a.relation FROM copies c JOIN articles a ON a.seq = c.article_seq';
  const firstCopy = db.prepare(`${ROLE} WHERE c.story_id = ? ORDER BY c.published IS NULL, c.published, c.id LIMIT 1`);
  const copyRow = db.prepare(`${ROLE} WHERE c.id = ?`);
  const copiesOfText = db.prepare(`${ROLE} WHERE c.article_seq = ?`);
  const credited = db.prepare('SELECT originator FROM copies c WHERE story_id = ? AND originator IS NOT NULL ORDER BY c.published IS NULL, c.published, c.id LIMIT 1');
  const storyRow = db.prepare('SELECT first_copy AS first FROM stories WHERE id = ?');
  const firstSeq = db.prepare('SELECT article_seq AS seq FROM copies WHERE id = ?');
  const setRole = db.prepare('UPDATE copies SET role = ? WHERE id = ?');
  const setSummary = db.prepare('UPDATE stories SET first_copy = ?, originator = ?, copies = copies + 1, articles = articles + ? WHERE id = ?');

  return { insertFingerprint, insertKeys, candidates, fingerprintOf, setRelation, newStory, setStory, firstCopy, copyRow, copiesOfText, credited, storyRow, firstSeq, setRole, setSummary };
}

/** Prepares the story statements for a database. */
export function storyIndexer(db: Database.Database): StoryIndexer {
  const { insertFingerprint, insertKeys, candidates, fingerprintOf, setRelation, newStory, setStory, firstCopy, copyRow, copiesOfText, credited, storyRow, firstSeq, setRole, setSummary } = prepareStatements(db);
  // Note: the story-level graph (facts, counts by story and by copy) is written with the story, in its transaction.
  const facts = factIndexer(db);
  // Note: a new story is linked to related ones (same event, other agencies) as it starts, in the same transaction.
  const related = relatedIndexer(db);
  const started = (doc: WiregraphDoc | null): number => {
    const story = Number(newStory.run(new Date().toISOString()).lastInsertRowid);
    if (doc) related.started(story, doc);
    return story;
  };

  const placementOf = (f: Fingerprint, keys: string, seq: number, options: Partial<StoryOptions>): Placement => {
    if (f.keys.length === 0) return { story: null, relation: null };
    let best: { story: number; comparison: Comparison } | null = null;
    const found = candidates.all(keys, STORY_CANDIDATES + 1) as Array<{ seq: number }>;
    for (const candidate of found) {
      if (candidate.seq === seq) continue;
      const row = fingerprintOf.get(candidate.seq) as { data: Buffer; story: number | null } | undefined;
      if (!row || row.story === null) continue;
      const comparison = compare(f, decoded(row.data), options);
      if (comparison.relation === 'different') continue;
      if (!best || better(comparison, best.comparison)) best = { story: row.story, comparison };
    }
    return best ? { story: best.story, relation: best.comparison.relation as 'copy' | 'version' } : { story: null, relation: null };
  };

  const reRole = (rows: readonly RoleRow[], first: RoleRow): void => {
    for (const row of rows) {
      const role = roleOf(row, first);
      if (role !== row.role) setRole.run(role, row.id);
    }
  };

  /**
   * The text that started a story has no relation until an earlier published text takes its place as the
   * first: then it gets its relation to that one (a text of one story that compares as different is a version).
   */
  const relateFounder = (founder: number, first: number, options: Partial<StoryOptions>): void => {
    const rows = [founder, first].map((seq) => fingerprintOf.get(seq) as { data: Buffer; relation: 'copy' | 'version' | null } | undefined);
    const [mine, theirs] = rows;
    if (!mine || !theirs || mine.relation !== null) return;
    const relation = compare(decoded(mine.data), decoded(theirs.data), options).relation;
    setRelation.run(relation === 'copy' ? 'copy' : 'version', founder);
  };

  const joined = (story: number, copy: number, newText: boolean, options: Partial<StoryOptions>): void => {
    const first = firstCopy.get(story) as RoleRow;
    const before = (storyRow.get(story) as { first: number | null }).first;
    if (before !== first.id) {
      // Note: a new first copy changes the roles of its own text's copies and of the former first text's only.
      const former = before === null ? null : (firstSeq.get(before) as { seq: number }).seq;
      if (former !== null && former !== first.seq) relateFounder(former, first.seq, options);
      for (const seq of new Set([first.seq, ...(former === null ? [] : [former])])) reRole(copiesOfText.all(seq) as RoleRow[], first);
    }
    const joining = copyRow.get(copy) as RoleRow;
    reRole([joining], first);
    facts.copied(joining.seq, 1);
    const originator = (credited.get(story) as { originator: string } | undefined)?.originator ?? null;
    setSummary.run(first.id, originator, newText ? 1 : 0, story);
  };

  return {
    place(seq, doc, options) {
      const f = fingerprint(doc.text, options);
      insertFingerprint.run(seq, Buffer.from(encodeFingerprint(f)));
      const keys = JSON.stringify(f.keys);
      insertKeys.run(seq, keys);
      const placement = placementOf(f, keys, seq, options);
      const story = placement.story ?? started(doc);
      const originator = originatorOf(doc);
      setStory.run(story, placement.relation, originator, seq);
      facts.placed(seq, story, monthOf(doc));
      return { story, originator };
    },
    alone(seq, originator) {
      // Note: its related keys are filled with the stored stories' (fillStored), from its stored document.
      const story = started(null);
      setStory.run(story, null, originator, seq);
      facts.placedStored(seq, story);
      return story;
    },
    joined,
  };
}

function decoded(data: Buffer): Fingerprint {
  return decodeFingerprint(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

/** Prefers a copy to a version, then the closer match. */
function better(a: Comparison, b: Comparison): boolean {
  if (a.relation !== b.relation) return a.relation === 'copy';
  return a.similarity !== b.similarity ? a.similarity > b.similarity : a.containment > b.containment;
}

/**
 * A copy's role: the earliest published copy is the `original`; another copy of the same text is a `copy`;
 * a copy of another text takes the relation its text was found in when it joined the story, or, for the text
 * that started the story, its relation to the text that became first.
 */
function roleOf(row: RoleRow, first: RoleRow): CopyRole {
  if (row.id === first.id) return 'original';
  if (row.seq === first.seq) return 'copy';
  return row.relation ?? first.relation ?? 'copy';
}
