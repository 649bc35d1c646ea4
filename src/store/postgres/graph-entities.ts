import type { Entity } from '../../article/layers.js';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { normaliseName } from '../../text/normalise.js';
import { organisationCore } from '../../text/org-name.js';
import { documentAcronyms, entityAliases, type StoredAlias } from '../sqlite/entity-aliases.js';
import { countryOf, globalKey, PLAIN_TYPES, sentenceAt, type GraphIndexOptions } from '../sqlite/graph-index.js';
import type { PgDb } from './dialect.js';
import { voteType } from './graph-index.js';

/** A stored entity as matching reads it; one object per entity while an article is indexed, kept as the rows are written. */
type EntityRow = { key: string; id: number; type: string; wikidata: string | null; country: string | null; cameo: string | null };

const ROW = 'e.key, e.id, e.type, e.wikidata, e.country, e.cameo';

/**
 * What indexing one article knows and has yet to write: the stored entities under the keys it may look up (read in
 * one statement, then kept as it writes them), and its merges and aliases, written in one statement each whenever
 * a query reads them (a type vote, an alias lookup) and at the end, so that every read sees what SQLite's would.
 */
class ArticleEntities {
  private readonly rows = new Map<string, EntityRow>();
  private readonly merges: unknown[][] = [];
  private readonly aliases = new Map<string, { entity: number; norm: string; alias: string; uses: number }>();

  constructor(private readonly db: PgDb, private readonly seq: number) {}

  /** Reads the stored entities under some keys. */
  async prefetch(keys: readonly string[]): Promise<void> {
    for (const r of await this.db.all<EntityRow>(`SELECT ${ROW} FROM entities e WHERE e.key = ANY(?::text[])`, [...new Set(keys)])) this.rows.set(r.key, r);
  }

  /** The one object of an entity read from the table (kept, so that what the article writes is seen by its next reads). */
  remember(row: EntityRow): EntityRow {
    const known = this.rows.get(row.key);
    if (known) return Object.assign(known, row);
    this.rows.set(row.key, row);
    return row;
  }

  byKey(key: string): EntityRow | undefined {
    return this.rows.get(key);
  }

  merge(values: readonly unknown[]): void {
    this.merges.push([...values]);
  }

  alias(entity: number, aliases: readonly StoredAlias[]): void {
    for (const a of aliases) {
      const held = this.aliases.get(`${entity}\u0000${a.norm}`);
      if (held) held.uses++;
      else this.aliases.set(`${entity}\u0000${a.norm}`, { entity, norm: a.norm, alias: a.alias, uses: 1 });
    }
  }

  /** Writes what is held back when an alias held is of this name, as a lookup of the name must see it. */
  async flushFor(norm: string): Promise<void> {
    for (const a of this.aliases.values()) if (a.norm === norm) return this.flush();
  }

  /** Writes the merges and aliases held back. */
  async flush(): Promise<void> {
    if (this.merges.length > 0) {
      const cols = Array.from({ length: 11 }, (_, i) => this.merges.map((m) => m[i]));
      await this.db.run('INSERT INTO merges (article_seq, local_id, entity_id, original_entity_id, name, type, reason, role, wikidata, country, cameo, aliases) SELECT ?::integer, l, e, e, n, t, r, ro, w, c, ca, a FROM unnest(?::text[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS x (l, e, n, t, r, ro, w, c, ca, a, o) ORDER BY o', this.seq, ...cols.filter((_, i) => i !== 2));
      this.merges.length = 0;
    }
    if (this.aliases.size > 0) {
      const list = [...this.aliases.values()];
      await this.db.run('INSERT INTO entity_aliases (entity_id, norm, alias, uses) SELECT e, n, a, u FROM unnest(?::integer[], ?::text[], ?::text[], ?::integer[]) WITH ORDINALITY AS x (e, n, a, u, o) ORDER BY o ON CONFLICT (entity_id, norm) DO UPDATE SET uses = entity_aliases.uses + excluded.uses', list.map((a) => a.entity), list.map((a) => a.norm), list.map((a) => a.alias), list.map((a) => a.uses));
      this.aliases.clear();
    }
  }
}

/** The global entity an article's entity is matched to (a stored one, or none), and why, as `sqlite/graph-index.ts` matches it. */
async function matchEntity(db: PgDb, state: ArticleEntities, e: Entity, found: { key: string; reason: string }, known: readonly StoredAlias[]): Promise<{ row: EntityRow | undefined; reason: string }> {
  const { key } = found;
  const row = state.byKey(key);
  if (row || found.reason !== 'name' || !PLAIN_TYPES.has(e.type)) return { row, reason: found.reason };
  // Note: a name typed otherwise in another article is the same entity (the most stored one), its type voted. The
  // key's prefix is tested with substr, not LIKE, which the planner would read from the key's index (every name).
  const other = await db.get<EntityRow>(`SELECT ${ROW} FROM entities e WHERE e.norm IN (?, ?) AND substr(e.key, 1, 5) = 'name:' AND e.type IN ('PERSON', 'ORG', 'LOC', 'MISC') ORDER BY e.articles DESC, e.id LIMIT 1`, normaliseName(e.name), key.slice(key.indexOf(':', 5) + 1));
  if (other) return { row: state.remember(other), reason: 'name-other-type' };
  if (e.type === 'PERSON') return { row: undefined, reason: found.reason };
  // Note: an organisation under another of the names the article gives it, as on SQLite (`graphIndexer`'s byAlias).
  for (const { norm } of known) {
    const keyed = state.byKey(`name:ORG:${organisationCore(norm)}`);
    if (keyed) return { row: keyed, reason: 'alias' };
    await state.flushFor(norm);
    const holders = await db.all<EntityRow>(`SELECT DISTINCT ${ROW} FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE a.norm = ? AND a.uses > 0 AND e.type IN ('ORG', 'LOC', 'MISC') AND substr(e.key, 1, 5) = 'name:' LIMIT 2`, norm);
    if (holders.length === 1) return { row: state.remember(holders[0]!), reason: 'alias' };
  }
  return { row: undefined, reason: found.reason };
}

/** Stores an article's entities (matched to global ones, with their merges, aliases, roles and mentions). */
export async function indexEntities(db: PgDb, seq: number, doc: WiregraphDoc, options: GraphIndexOptions): Promise<{ global: Map<string, number>; perGlobal: Map<number, number> }> {
  const keyOf = options.keyOf ?? globalKey;
  const published = doc.meta.published ?? doc.meta.dateline?.date ?? null;
  const dated = published && /^\d{4}-\d{2}/u.test(published) ? published : null;
  const global = new Map<string, number>();
  const perGlobal = new Map<number, number>();
  const acronyms = documentAcronyms(doc);
  const mentions: unknown[][] = [[], [], [], [], [], [], [], [], []];
  const state = new ArticleEntities(db, seq);
  const planned = doc.entities.map((e) => ({ e, found: keyOf(e, doc), known: entityAliases(e, acronyms, options.aliases) }));
  await state.prefetch(planned.flatMap(({ found, known }) => [found.key, ...known.map((a) => `name:ORG:${organisationCore(a.norm)}`)]));
  for (const { e, found, known } of planned) {
    const matched = await matchEntity(db, state, e, found, known);
    let row = matched.row;
    if (!row) {
      const id = (await db.get<{ id: number }>('INSERT INTO entities (key, type, name, norm, wikidata, country, cameo) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id', found.key, e.type, e.name, normaliseName(e.name), e.links.wikidata, countryOf(e), e.links.cameo))!.id;
      row = state.remember({ key: found.key, id, type: e.type, wikidata: e.links.wikidata, country: countryOf(e), cameo: e.links.cameo });
    } else {
      if (e.type === 'GPE' && row.type === 'NORP') {
        await db.run("UPDATE entities SET name = ?, norm = ?, type = 'GPE' WHERE id = ? AND type = 'NORP'", e.name, normaliseName(e.name), row.id);
        row.type = 'GPE';
      }
      const { wikidata, cameo } = e.links;
      const country = countryOf(e);
      if ((wikidata && !row.wikidata) || (country && !row.country) || (cameo && !row.cameo)) {
        await db.run('UPDATE entities SET wikidata = coalesce(wikidata, ?), country = coalesce(country, ?), cameo = coalesce(cameo, ?) WHERE id = ?', wikidata, country, cameo, row.id);
        Object.assign(row, { wikidata: row.wikidata ?? wikidata, country: row.country ?? country, cameo: row.cameo ?? cameo });
      }
    }
    global.set(e.id, row.id);
    perGlobal.set(row.id, (perGlobal.get(row.id) ?? 0) + e.mentions.length);
    state.merge([e.id, row.id, row.id, e.name, e.type, matched.reason, e.role, e.links.wikidata, e.links.country, e.links.cameo, JSON.stringify(known)]);
    if (e.type !== row.type && PLAIN_TYPES.has(e.type) && PLAIN_TYPES.has(row.type)) {
      await state.flush();
      const voted = await voteType(db, row.id);
      if (voted && voted !== row.type) {
        await db.run('UPDATE entities SET type = ? WHERE id = ?', voted, row.id);
        row.type = voted;
      }
    }
    state.alias(row.id, known);
    if (e.role) await db.run('INSERT INTO entity_roles (entity_id, role, first, last, articles) VALUES (?, ?, ?, ?, 1) ON CONFLICT (entity_id, role) DO UPDATE SET articles = entity_roles.articles + 1, first = least(coalesce(entity_roles.first, excluded.first), coalesce(excluded.first, entity_roles.first)), last = greatest(coalesce(entity_roles.last, excluded.last), coalesce(excluded.last, entity_roles.last))', row.id, e.role, dated, dated);
    for (const m of e.mentions) {
      const point = m.geo ?? e.geo ?? null;
      [row.id, e.id, sentenceAt(doc.sentences, m.start), m.start, m.end, m.text, m.kind, point?.lat ?? null, point?.lon ?? null].forEach((v, i) => mentions[i]!.push(v));
    }
  }
  await state.flush();
  if (mentions[0]!.length > 0) {
    await db.run('INSERT INTO mentions (article_seq, entity_id, local_id, sentence, start, "end", text, kind, lat, lon) SELECT ?::integer, * FROM unnest(?::integer[], ?::text[], ?::integer[], ?::integer[], ?::integer[], ?::text[], ?::text[], ?::double precision[], ?::double precision[])', seq, ...mentions);
  }
  return { global, perGlobal };
}
