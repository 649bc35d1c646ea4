import type Database from 'better-sqlite3';
import { compare, decodeFingerprint, paragraphDiff, type Fingerprint } from '../../stories/index.js';
import { relatedQueries } from './story-related.js';
import type { CopySummary, Page, StoryCopy, StoryCopyDiff, StoryDetail, StoryPageOptions, StoryRef, StorySummary } from '../store.js';

/** The story reads of {@link ArticleStore}, given how the store finds an article's row by id or prefix. */
export interface StoryQueries {
  copiesOf(seq: number): CopySummary[];
  storyOf(seq: number): StoryRef | null;
  stories(options: StoryPageOptions): Page<StorySummary>;
  storyCount(minCopies?: number): number;
  story(id: number, diffs: boolean): StoryDetail | null;
}

interface CopyRow extends StoryCopy {
  readonly id: number;
  readonly seq: number;
}

// Note: time order, undated copies last, ties in the order they were stored; roles follow the same order.
const TIME_ORDER = 'ORDER BY c.published IS NULL, c.published, c.id';
const COPY_COLUMNS = 'c.id, a.seq, a.id AS article, c.outlet, c.url, c.published, c.headline, c.role';

/** Encodes a position in the stories list (copies, then id, both descending). */
function encodeStoryCursor(copies: number, id: number): string {
  return Buffer.from(`s${copies}:${id}`).toString('base64url');
}

function decodeStoryCursor(cursor: string | null | undefined): { copies: number; id: number } | null {
  if (!cursor) return null;
  const m = /^s(\d{1,12}):(\d{1,15})$/u.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? { copies: Number(m[1]), id: Number(m[2]) } : null;
}

const toCopy = ({ article, outlet, url, published, headline, role }: CopyRow) => ({ article, outlet, url, published, headline, role });

/** Prepares the story reads for a database. */
export function storyQueries(db: Database.Database): StoryQueries {
  const copiesOfArticle = db.prepare(`SELECT ${COPY_COLUMNS}, c.source FROM copies c JOIN articles a ON a.seq = c.article_seq WHERE a.seq = ? ${TIME_ORDER}`);
  const copiesOfStory = db.prepare(`SELECT ${COPY_COLUMNS} FROM copies c JOIN articles a ON a.seq = c.article_seq WHERE c.story_id = ? ${TIME_ORDER}`);
  const storyOfArticle = db.prepare('SELECT s.id, s.copies, s.originator, s.first_copy AS first FROM articles a JOIN stories s ON s.id = a.story_id WHERE a.seq = ?');
  const storyById = db.prepare('SELECT s.id, s.originator, a.id AS first FROM stories s LEFT JOIN copies c ON c.id = s.first_copy LEFT JOIN articles a ON a.seq = c.article_seq WHERE s.id = ?');
  const page = db.prepare(
    `SELECT s.id, s.originator, a.id AS first, c.headline, c.published, s.copies, s.articles FROM stories s
     LEFT JOIN copies c ON c.id = s.first_copy LEFT JOIN articles a ON a.seq = c.article_seq
     WHERE s.copies >= ? AND (s.copies < ? OR (s.copies = ? AND s.id < ?)) ORDER BY s.copies DESC, s.id DESC LIMIT ?`,
  );
  const count = db.prepare('SELECT count(*) AS n FROM stories WHERE copies >= ?');
  const related = relatedQueries(db);
  const textOf = db.prepare('SELECT a.text, f.data FROM articles a LEFT JOIN fingerprints f ON f.article_seq = a.seq WHERE a.seq = ?');

  const lineage = (rows: readonly CopyRow[]): StoryCopyDiff[] => {
    const texts = new Map<number, { text: string; fingerprint: Fingerprint | null }>();
    for (const row of rows) {
      if (texts.has(row.seq)) continue;
      const r = textOf.get(row.seq) as { text: string; data: Buffer | null };
      texts.set(row.seq, { text: r.text, fingerprint: r.data ? decodeFingerprint(new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)) : null });
    }
    const latestOfText = new Map<number, number>();
    return rows.map((row, i) => {
      const same = latestOfText.get(row.seq);
      latestOfText.set(row.seq, i);
      if (i === 0) return { ...toCopy(row), against: null, diff: [] };
      const against = same ?? closestEarlier(rows, i, texts);
      return { ...toCopy(row), against, diff: paragraphDiff(texts.get(rows[against]!.seq)!.text, texts.get(row.seq)!.text) };
    });
  };

  return {
    copiesOf: (seq) => (copiesOfArticle.all(seq) as Array<CopyRow & { source: string }>).map((r) => ({ ...toCopy(r), source: r.source })),
    storyOf(seq) {
      const s = storyOfArticle.get(seq) as { id: number; copies: number; originator: string | null } | undefined;
      if (!s) return null;
      const rows = copiesOfStory.all(s.id) as CopyRow[];
      return { id: s.id, copies: s.copies, originator: s.originator, position: rows.findIndex((r) => r.seq === seq) + 1 };
    },
    stories({ limit, cursor, minCopies = 1 }) {
      const after = decodeStoryCursor(cursor) ?? { copies: Number.MAX_SAFE_INTEGER, id: Number.MAX_SAFE_INTEGER };
      const rows = page.all(minCopies, after.copies, after.copies, after.id, limit + 1) as Array<Omit<StorySummary, 'related'>>;
      const items = rows.slice(0, limit).map((s) => ({ ...s, related: related.relatedIds(s.id) }));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? encodeStoryCursor(last.copies, last.id) : null };
    },
    storyCount: (minCopies = 1) => (count.get(minCopies) as { n: number }).n,
    story(id, diffs) {
      const s = storyById.get(id) as { id: number; originator: string | null; first: string | null } | undefined;
      if (!s) return null;
      const rows = copiesOfStory.all(id) as CopyRow[];
      const copies = diffs ? lineage(rows) : rows.map((row) => ({ ...toCopy(row), against: null, diff: [] }));
      return { id: s.id, originator: s.originator, first: s.first, copies, related: related.relatedOf(id) };
    },
  };
}

/** Earlier copies of other texts compared with a copy to find the one it is diffed against. */
// Note: a bound, so that reading a story of thousands of copies stays linear; the closest is nearly always recent.
const LOOK_BACK = 64;

/**
 * The earlier copy that copy `i` (a text with no earlier copy) is diffed against: the most similar (by
 * fingerprint) of the {@link LOOK_BACK} latest earlier copies, the latest on a tie; the copy just before
 * without fingerprints.
 */
function closestEarlier(rows: readonly CopyRow[], i: number, texts: ReadonlyMap<number, { fingerprint: Fingerprint | null }>): number {
  const mine = texts.get(rows[i]!.seq)!.fingerprint;
  let best = i - 1;
  let bestScore = -1;
  for (let j = i - 1; j >= Math.max(0, i - LOOK_BACK); j--) {
    const theirs = texts.get(rows[j]!.seq)!.fingerprint;
    if (!mine || !theirs) continue;
    const score = compare(mine, theirs).similarity;
    if (score > bestScore) {
      best = j;
      bestScore = score;
    }
  }
  return best;
}
