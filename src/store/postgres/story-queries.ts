import { compare, decodeFingerprint, paragraphDiff, type Fingerprint } from '../../stories/index.js';
import type { CopySummary, Page, StoryCopy, StoryCopyDiff, StoryDetail, StoryPageOptions, StoryRef, StorySummary } from '../store.js';
import { one, type Query } from './sql.js';
import { relatedIds, relatedOf } from './story-related.js';

interface CopyRow extends StoryCopy {
  readonly id: number;
  readonly seq: number;
}

// Note: time order, undated copies last, ties in the order they were stored (as on SQLite).
const TIME_ORDER = 'ORDER BY c.published ASC NULLS LAST, c.id';
const COPY_COLUMNS = 'c.id, a.seq, a.id AS article, c.outlet, c.url, c.published, c.headline, c.role';
/** Earlier copies compared with a copy to find the one it is diffed against (as on SQLite). */
const LOOK_BACK = 64;

function encodeStoryCursor(copies: number, id: number): string {
  return Buffer.from(`s${copies}:${id}`).toString('base64url');
}

function decodeStoryCursor(cursor: string | null | undefined): { copies: number; id: number } | null {
  if (!cursor) return null;
  const m = /^s(\d{1,12}):(\d{1,15})$/u.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? { copies: Number(m[1]), id: Number(m[2]) } : null;
}

const toCopy = ({ article, outlet, url, published, headline, role }: CopyRow): StoryCopy => ({ article, outlet, url, published, headline, role });

/** The copy of an earlier text that copy `i` is diffed against: the most similar of the latest {@link LOOK_BACK}. */
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

/** Each copy with the copy it is diffed against and the paragraphs it changed. */
async function lineage(q: Query, rows: readonly CopyRow[]): Promise<StoryCopyDiff[]> {
  const seqs = [...new Set(rows.map((r) => r.seq))];
  const stored = await q<{ seq: number; text: string; data: Buffer | null }>('SELECT a.seq, a.text, f.data FROM articles a LEFT JOIN fingerprints f ON f.article_seq = a.seq WHERE a.seq = ANY($1::integer[])', [seqs]);
  const texts = new Map(stored.map((r) => [r.seq, { text: r.text, fingerprint: r.data ? decodeFingerprint(new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)) : null }]));
  const latestOfText = new Map<number, number>();
  return rows.map((row, i) => {
    const same = latestOfText.get(row.seq);
    latestOfText.set(row.seq, i);
    if (i === 0) return { ...toCopy(row), against: null, diff: [] };
    const against = same ?? closestEarlier(rows, i, texts);
    return { ...toCopy(row), against, diff: paragraphDiff(texts.get(rows[against]!.seq)!.text, texts.get(row.seq)!.text) };
  });
}

/** The story reads of the PostgreSQL store, by an article's row number. */
export function pgStoryQueries(q: Query) {
  const copiesOfStory = (id: number) => q<CopyRow>(`SELECT ${COPY_COLUMNS} FROM copies c JOIN articles a ON a.seq = c.article_seq WHERE c.story_id = $1 ${TIME_ORDER}`, [id]);
  return {
    async copiesOf(seq: number): Promise<CopySummary[]> {
      const rows = await q<CopyRow & { source: string }>(`SELECT ${COPY_COLUMNS}, c.source FROM copies c JOIN articles a ON a.seq = c.article_seq WHERE a.seq = $1 ${TIME_ORDER}`, [seq]);
      return rows.map((r) => ({ ...toCopy(r), source: r.source }));
    },
    async storyOf(seq: number): Promise<StoryRef | null> {
      const s = await one<{ id: number; copies: number; originator: string | null }>(q, 'SELECT s.id, s.copies, s.originator FROM articles a JOIN stories s ON s.id = a.story_id WHERE a.seq = $1', [seq]);
      if (!s) return null;
      const rows = await copiesOfStory(s.id);
      return { id: s.id, copies: s.copies, originator: s.originator, position: rows.findIndex((r) => r.seq === seq) + 1 };
    },
    async stories({ limit, cursor, minCopies = 1 }: StoryPageOptions): Promise<Page<StorySummary>> {
      const after = decodeStoryCursor(cursor) ?? { copies: Number.MAX_SAFE_INTEGER, id: 2_147_483_647 };
      const rows = await q<Omit<StorySummary, 'related'>>(
        `SELECT s.id, s.originator, a.id AS first, c.headline, c.published, s.copies, s.articles FROM stories s
         LEFT JOIN copies c ON c.id = s.first_copy LEFT JOIN articles a ON a.seq = c.article_seq
         WHERE s.copies >= $1 AND (s.copies < $2 OR (s.copies = $2 AND s.id < $3)) ORDER BY s.copies DESC, s.id DESC LIMIT $4`,
        [minCopies, Math.min(after.copies, 2_147_483_647), Math.min(after.id, 2_147_483_647), limit + 1],
      );
      const page = rows.slice(0, limit);
      const related = await relatedIds(q, page.map((s) => s.id));
      const items = page.map((s) => ({ ...s, related: related.get(s.id) ?? [] }));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? encodeStoryCursor(last.copies, last.id) : null };
    },
    async storyCount(minCopies = 1): Promise<number> {
      return Number((await one<{ n: string }>(q, 'SELECT count(*) AS n FROM stories WHERE copies >= $1', [minCopies]))!.n);
    },
    async story(id: number, diffs: boolean): Promise<StoryDetail | null> {
      if (!Number.isInteger(id) || id < 1 || id > 2_147_483_647) return null;
      const s = await one<{ id: number; originator: string | null; first: string | null }>(q, 'SELECT s.id, s.originator, a.id AS first FROM stories s LEFT JOIN copies c ON c.id = s.first_copy LEFT JOIN articles a ON a.seq = c.article_seq WHERE s.id = $1', [id]);
      if (!s) return null;
      const rows = await copiesOfStory(id);
      const copies = diffs ? await lineage(q, rows) : rows.map((row) => ({ ...toCopy(row), against: null, diff: [] }));
      return { id: s.id, originator: s.originator, first: s.first, copies, related: await relatedOf(q, id) };
    },
  };
}
