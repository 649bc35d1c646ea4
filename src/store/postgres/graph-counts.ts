import type { PgDb } from './dialect.js';

/** The counters of a pair or a month that an article raises. */
type Column = 'articles' | 'mentions' | 'stories' | 'copies';

/**
 * The derived counts an article adds (entity pairs, entity months, entities' story and copy counts), held until
 * {@link GraphCounts.flush} writes them in one statement per table. A batch keeps one for all its records (a
 * record's own is added to it once the record's savepoint is released), so the ~210 pairs of each of its articles
 * are one multi-row upsert per batch, not several per article.
 * Note: nothing the indexer reads while storing an article depends on these counters (an entity is matched by its
 * `articles` count, which is written at once), so holding them to the end of the batch changes no stored value.
 */
export class GraphCounts {
  private readonly pairs = new Map<string, [number, number, number, number, number]>();
  private readonly months = new Map<string, [number, string, number, number, number]>();
  private readonly entities = new Map<number, [number, number, number]>();

  /** Adds `n` to a pair's counter (`articles`, `stories` or `copies`). */
  pair(a: number, b: number, column: Exclude<Column, 'mentions'>, n: number): void {
    const key = `${a},${b}`;
    const row = this.pairs.get(key) ?? [a, b, 0, 0, 0];
    row[column === 'articles' ? 2 : column === 'stories' ? 3 : 4] += n;
    this.pairs.set(key, row);
  }

  /** Adds `n` to an entity's month counter (`mentions`, `stories` or `copies`). */
  month(entity: number, month: string, column: Exclude<Column, 'articles'>, n: number): void {
    const key = `${entity}\u0000${month}`;
    const row = this.months.get(key) ?? [entity, month, 0, 0, 0];
    row[column === 'mentions' ? 2 : column === 'stories' ? 3 : 4] += n;
    this.months.set(key, row);
  }

  /** Adds `n` to an entity's `stories` or `copies`. */
  entity(id: number, column: 'stories' | 'copies', n: number): void {
    const row = this.entities.get(id) ?? [id, 0, 0];
    row[column === 'stories' ? 1 : 2] += n;
    this.entities.set(id, row);
  }

  /** Takes over another's counts (a record's, once it is stored). */
  add(other: GraphCounts): void {
    for (const [a, b, ...n] of other.pairs.values()) (['articles', 'stories', 'copies'] as const).forEach((c, i) => n[i] && this.pair(a, b, c, n[i]!));
    for (const [id, m, ...n] of other.months.values()) (['mentions', 'stories', 'copies'] as const).forEach((c, i) => n[i] && this.month(id, m, c, n[i]!));
    for (const [id, ...n] of other.entities.values()) (['stories', 'copies'] as const).forEach((c, i) => n[i] && this.entity(id, c, n[i]!));
  }

  /** Writes the counts held, one statement per table (rows in key order, so concurrent writers lock them alike), and forgets them. */
  async flush(db: PgDb): Promise<void> {
    const sorted = <T extends readonly unknown[]>(rows: Iterable<T>, compare: (a: T, b: T) => number): T[] => [...rows].sort(compare);
    const cols = (rows: ReadonlyArray<readonly unknown[]>, width: number): unknown[][] => Array.from({ length: width }, (_, i) => rows.map((r) => r[i]));
    if (this.entities.size > 0) {
      const rows = sorted(this.entities.values(), (x, y) => x[0] - y[0]);
      await db.run('UPDATE entities e SET stories = e.stories + t.s, copies = e.copies + t.c FROM unnest(?::integer[], ?::integer[], ?::integer[]) AS t (id, s, c) WHERE e.id = t.id', ...cols(rows, 3));
    }
    if (this.months.size > 0) {
      const rows = sorted(this.months.values(), (x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
      await db.run('INSERT INTO entity_months (entity_id, month, mentions, stories, copies) SELECT * FROM unnest(?::integer[], ?::text[], ?::integer[], ?::integer[], ?::integer[]) ON CONFLICT (entity_id, month) DO UPDATE SET mentions = entity_months.mentions + excluded.mentions, stories = entity_months.stories + excluded.stories, copies = entity_months.copies + excluded.copies', ...cols(rows, 5));
    }
    if (this.pairs.size > 0) {
      const rows = sorted(this.pairs.values(), (x, y) => x[0] - y[0] || x[1] - y[1]);
      await db.run('INSERT INTO entity_pairs (entity_id, other_id, articles, stories, copies) SELECT * FROM unnest(?::integer[], ?::integer[], ?::integer[], ?::integer[], ?::integer[]) ON CONFLICT (entity_id, other_id) DO UPDATE SET articles = entity_pairs.articles + excluded.articles, stories = entity_pairs.stories + excluded.stories, copies = entity_pairs.copies + excluded.copies', ...cols(rows, 5));
    }
    this.pairs.clear();
    this.months.clear();
    this.entities.clear();
  }
}

/** Runs `write` with the counts given, or with counts of its own written when it is done. */
export async function withCounts<T>(db: PgDb, counts: GraphCounts | undefined, write: (counts: GraphCounts) => Promise<T>): Promise<T> {
  if (counts) return write(counts);
  const own = new GraphCounts();
  const result = await write(own);
  await own.flush(db);
  return result;
}
