import type Database from 'better-sqlite3';
import type { Entity, Event } from '../../article/layers.js';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { normaliseName } from '../../text/normalise.js';
import { organisationCore } from '../../text/org-name.js';
import { quadClass } from '../graph.js';
import { coActorMentions } from './co-actors.js';
import { aliasWriter, documentAcronyms, entityAliases, type AliasSource } from './entity-aliases.js';

/**
 * Who reports an event known only from a quote: the event's `reportedBy`, else (a document made before events
 * named their reporter) the quote's speaker words, else its innermost channel.
 */
export function reporterOf(e: Pick<Event, 'quote'> & { readonly reportedBy?: Event['reportedBy'] }, doc: Pick<WiregraphDoc, 'quotes'>): string | null {
  if (e.reportedBy !== undefined) return e.reportedBy?.name ?? null;
  if (!e.quote) return null;
  const q = doc.quotes.find((x) => x.id === e.quote);
  return q?.speakerText ?? q?.sources[0]?.text ?? null;
}

/** How an article's entity is matched to a global one, and why. */
export function globalKey(e: Pick<Entity, 'type' | 'name' | 'links'>): { key: string; reason: string } {
  const { wikidata, cameo } = e.links;
  // Note: a country and its people are one actor (`North Korea`, `North Korean`, `Pyongyang` acting as the state).
  if ((e.type === 'GPE' || e.type === 'NORP') && cameo && /^[A-Z]{3}$/u.test(cameo)) return { key: `country:${cameo}`, reason: 'cameo' };
  if (wikidata) return { key: `wd:${wikidata}`, reason: 'wikidata' };
  if (e.type === 'ORG' && cameo && /^(?:IGO|NGO|NGM|IMG|MNC)/u.test(cameo)) return { key: `cameo:${cameo}`, reason: 'cameo' };
  // Note: an organisation by its name's core, so that `Apple Inc.`, `Apple Computer` and `Apple` are one.
  const norm = normaliseName(e.name);
  return { key: `name:${e.type}:${e.type === 'ORG' ? organisationCore(norm) : norm}`, reason: 'name' };
}

/** The types a name is given by a recogniser alone, which one entity's articles may disagree on. */
export const PLAIN_TYPES = new Set(['PERSON', 'ORG', 'LOC', 'MISC']);

/**
 * Prepares the vote of an entity's type across its articles: the type most of its merges give it, ties to the
 * type of its earliest merge (`Boeing` is an ORG in most stories, a LOC or a person in a few). A one-word name
 * taken for a person is the recogniser's weakest guess where other articles type it otherwise: news names a person
 * in full, and a lone word that acts like one (`Chrysler said`) is most often a company, so such a vote counts a
 * tenth for a person and the rest for an organisation. Null when the entity has no merge.
 */
export function typeVote(db: Database.Database): (id: number) => string | null {
  const votes = db.prepare("SELECT type, instr(trim(name), ' ') = 0 AS single, count(*) AS n, min(id) AS first FROM merges WHERE entity_id = ? GROUP BY type, single");
  return (id) => votedType(votes.all(id) as TypeVotes);
}

/** An entity's merges counted by type and by whether their name is one word, with the first merge of each. */
export type TypeVotes = ReadonlyArray<{ readonly type: string; readonly single: number | boolean; readonly n: number; readonly first: number }>;

/** The type {@link typeVote} gives for an entity's counted merges; null when it has none. */
export function votedType(rows: TypeVotes): string | null {
  if (rows.length === 0) return null;
  const mixed = rows.some((r) => r.type !== 'PERSON');
  const score = new Map<string, { votes: number; first: number }>();
  const add = (type: string, votes: number, first: number): void => {
    const held = score.get(type);
    score.set(type, { votes: (held?.votes ?? 0) + votes, first: Math.min(held?.first ?? first, first) });
  };
  for (const r of rows) {
    if (mixed && r.type === 'PERSON' && r.single) {
      add('PERSON', r.n / 10, r.first);
      add('ORG', (r.n * 9) / 10, r.first);
    } else add(r.type, r.n, r.first);
  }
  return [...score].sort((a, b) => b[1].votes - a[1].votes || a[1].first - b[1].first)[0]![0];
}

/** The month an article's graph counts go to: its published (else dateline) date's `YYYY-MM`, or `undated`. */
export function monthOf(doc: Pick<WiregraphDoc, 'meta'>): string {
  const published = doc.meta.published ?? doc.meta.dateline?.date ?? null;
  return published && /^\d{4}-\d{2}/u.test(published) ? published.slice(0, 7) : 'undated';
}

/** Co-occurrence counts only between an article's most mentioned entities: at most this many (210 pairs). */
export const PAIRED_ENTITIES = 15;

/**
 * The entities of an article whose pairs are counted: the {@link PAIRED_ENTITIES} most mentioned, ties by id,
 * so that the same set is found again from the stored mentions (when a copy of the text is added).
 */
export function pairedEntities(mentionsPerEntity: Iterable<readonly [number, number]>): number[] {
  return [...mentionsPerEntity].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, PAIRED_ENTITIES).map(([id]) => id);
}

/** The index of the sentence holding an offset. */
export function sentenceAt(sentences: WiregraphDoc['sentences'], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** What the graph indexer is given besides the documents. */
export interface GraphIndexOptions {
  /** The knowledge base's names for linked entities, kept as their aliases. */
  readonly aliases?: AliasSource;
  /** How an article's entity is matched to a global one ({@link globalKey}); tests give another. */
  readonly keyOf?: (e: Entity, doc: WiregraphDoc) => { key: string; reason: string };
}

/**
 * Prepares the statements that add an article's layers to the graph tables. Call the result inside the
 * transaction that stores the article, so that an article is in the graph exactly when it is stored.
 */
export function graphIndexer(db: Database.Database, options: GraphIndexOptions = {}): (seq: number, doc: WiregraphDoc) => void {
  const keyOf = options.keyOf ?? globalKey;
  const aliases = aliasWriter(db);
  const findEntity = db.prepare('SELECT id, type, wikidata, country, cameo FROM entities WHERE key = ?');
  // Note: a name typed otherwise in another article is the same entity (the most stored one), its type voted.
  const findByName = db.prepare("SELECT id, type, wikidata, country, cameo FROM entities WHERE norm IN (?, ?) AND key LIKE 'name:%' AND type IN ('PERSON', 'ORG', 'LOC', 'MISC') ORDER BY articles DESC, id LIMIT 1");
  const setType = db.prepare('UPDATE entities SET type = ? WHERE id = ?');
  const findByAlias = db.prepare("SELECT DISTINCT e.id, e.type, e.wikidata, e.country, e.cameo FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE a.norm = ? AND a.uses > 0 AND e.type IN ('ORG', 'LOC', 'MISC') AND e.key LIKE 'name:%' LIMIT 2");
  /**
   * An organisation stored under another of the names the article gives it (`GM` for `General Motors (GM)`): one
   * whose key is that name's, else the one organisation (or place or other name: the recogniser's types of a
   * company vary) holding it as an alias, none when two hold it. Never a person, whose surname is no alias.
   */
  const byAlias = (norms: readonly string[]): { id: number; type: string; wikidata: string | null; country: string | null; cameo: string | null } | undefined => {
    for (const norm of norms) {
      const keyed = findEntity.get(`name:ORG:${organisationCore(norm)}`) as ReturnType<typeof byAlias>;
      if (keyed) return keyed;
      const holders = findByAlias.all(norm) as Array<NonNullable<ReturnType<typeof byAlias>>>;
      if (holders.length === 1) return holders[0];
    }
    return undefined;
  };
  const voteType = typeVote(db);
  const insertEntity = db.prepare('INSERT INTO entities (key, type, name, norm, wikidata, country, cameo) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const preferName = db.prepare("UPDATE entities SET name = ?, norm = ?, type = 'GPE' WHERE id = ? AND type = 'NORP'");
  const fillLinks = db.prepare('UPDATE entities SET wikidata = coalesce(wikidata, ?), country = coalesce(country, ?), cameo = coalesce(cameo, ?) WHERE id = ?');
  const count = db.prepare('UPDATE entities SET mentions = mentions + ?, articles = articles + 1 WHERE id = ?');
  const insertMerge = db.prepare('INSERT INTO merges (article_seq, local_id, entity_id, original_entity_id, name, type, reason, role, wikidata, country, cameo, aliases) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const addMonth = db.prepare('INSERT INTO entity_months (entity_id, month, mentions) VALUES (?, ?, ?) ON CONFLICT (entity_id, month) DO UPDATE SET mentions = mentions + excluded.mentions');
  const addRole = db.prepare('INSERT INTO entity_roles (entity_id, role, first, last, articles) VALUES (?, ?, ?, ?, 1) ON CONFLICT (entity_id, role) DO UPDATE SET articles = articles + 1, first = min(coalesce(first, excluded.first), coalesce(excluded.first, first)), last = max(coalesce(last, excluded.last), coalesce(excluded.last, last))');
  const addQuote = db.prepare('UPDATE entities SET quotes = quotes + 1 WHERE id = ?');
  const addEvent = db.prepare('UPDATE entities SET events = events + 1 WHERE id = ?');
  const addPair = db.prepare('INSERT INTO entity_pairs (entity_id, other_id, articles) VALUES (?, ?, 1) ON CONFLICT (entity_id, other_id) DO UPDATE SET articles = articles + 1');
  const insertMention = db.prepare('INSERT INTO mentions (article_seq, entity_id, local_id, sentence, start, end, text, kind, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertQuote = db.prepare('INSERT INTO quotes (article_seq, local_id, speaker_id, speaker_local, speaker_text, kind, cue, content, start, end, sentence, date, channels) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertEvent = db.prepare('INSERT INTO events (article_seq, local_id, cameo, root, plover, quad, mode, date, sentence, start, end, trigger, quote_local, reported_by, confidence, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertActor = db.prepare('INSERT INTO event_actors (event_id, role, entity_id, local_id, code, country, text) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertTimex = db.prepare('INSERT INTO timexes (article_seq, start, end, text, type, value) VALUES (?, ?, ?, ?, ?, ?)');
  const markIndexed = db.prepare('INSERT OR IGNORE INTO graph_indexed (article_seq) VALUES (?)');
  const coActors = coActorMentions(db);

  return (seq, doc) => {
    const published = doc.meta.published ?? doc.meta.dateline?.date ?? null;
    const dated = published && /^\d{4}-\d{2}/u.test(published) ? published : null;
    const global = new Map<string, number>();
    const perGlobal = new Map<number, number>();
    const acronyms = documentAcronyms(doc);
    for (const e of doc.entities) {
      const found = keyOf(e, doc);
      const { key } = found;
      let { reason } = found;
      type Row = { id: number; type: string; wikidata: string | null; country: string | null; cameo: string | null };
      let row = findEntity.get(key) as Row | undefined;
      if (!row && reason === 'name' && PLAIN_TYPES.has(e.type)) {
        row = findByName.get(normaliseName(e.name), key.slice(key.indexOf(':', 5) + 1)) as Row | undefined;
        if (row) reason = 'name-other-type';
      }
      const known = entityAliases(e, acronyms, options.aliases);
      if (!row && reason === 'name' && PLAIN_TYPES.has(e.type) && e.type !== 'PERSON') {
        row = byAlias(known.map((a) => a.norm));
        if (row) reason = 'alias';
      }
      if (!row) {
        const id = Number(insertEntity.run(key, e.type, e.name, normaliseName(e.name), e.links.wikidata, countryOf(e), e.links.cameo).lastInsertRowid);
        row = { id, type: e.type, ...e.links };
      } else {
        // Note: written only when something changes: a state's name over its people's, a link the entity lacked.
        if (e.type === 'GPE' && row.type === 'NORP') preferName.run(e.name, normaliseName(e.name), row.id);
        const { wikidata, cameo } = e.links;
        const country = countryOf(e);
        if ((wikidata && !row.wikidata) || (country && !row.country) || (cameo && !row.cameo)) fillLinks.run(wikidata, country, cameo, row.id);
      }
      global.set(e.id, row.id);
      perGlobal.set(row.id, (perGlobal.get(row.id) ?? 0) + e.mentions.length);
      insertMerge.run(seq, e.id, row.id, row.id, e.name, e.type, reason, e.role, e.links.wikidata, e.links.country, e.links.cameo, JSON.stringify(known));
      if (e.type !== row.type && PLAIN_TYPES.has(e.type) && PLAIN_TYPES.has(row.type)) {
        const voted = voteType(row.id);
        if (voted && voted !== row.type) setType.run(voted, row.id);
      }
      aliases.add(row.id, known);
      if (e.role) addRole.run(row.id, e.role, dated, dated);
      for (const m of e.mentions) {
        const point = m.geo ?? e.geo ?? null;
        insertMention.run(seq, row.id, e.id, sentenceAt(doc.sentences, m.start), m.start, m.end, m.text, m.kind, point?.lat ?? null, point?.lon ?? null);
      }
    }
    const month = monthOf(doc);
    for (const [id, mentions] of perGlobal) {
      count.run(mentions, id);
      addMonth.run(id, month, mentions);
    }
    const top = pairedEntities(coActors(seq));
    for (const a of top) for (const b of top) if (a !== b) addPair.run(a, b);
    for (const q of doc.quotes) {
      const speaker = q.speaker ? global.get(q.speaker) : undefined;
      if (speaker !== undefined) addQuote.run(speaker);
      insertQuote.run(seq, q.id, q.speaker ? global.get(q.speaker) ?? null : null, q.speaker, q.speakerText, q.kind, q.cue.text, q.content.text, q.content.start, q.content.end, sentenceAt(doc.sentences, q.content.start), q.date, JSON.stringify((q.sources ?? []).map((c) => c.text)));
    }
    for (const e of doc.events) {
      const id = Number(insertEvent.run(seq, e.id, e.cameo, e.cameo.slice(0, 2), e.plover, quadClass(e.cameo), e.mode, e.date, e.sentence, e.trigger.start, e.trigger.end, e.trigger.text, e.quote, reporterOf(e, doc), e.confidence ?? 1, e.place?.geo?.lat ?? null, e.place?.geo?.lon ?? null).lastInsertRowid);
      const involved = new Set<number>();
      for (const [role, side] of [['source', e.source], ['target', e.target]] as const) {
        for (const a of side) {
          const entity = a.entity ? global.get(a.entity) ?? null : null;
          if (entity !== null) involved.add(entity);
          insertActor.run(id, role, entity, a.entity, a.code, a.country, a.text);
        }
      }
      // Note: an entity's counter counts what happened; planned, hypothetical and negated events are stored, not counted.
      if (e.mode === 'asserted') for (const entity of involved) addEvent.run(entity);
    }
    for (const t of doc.timexes) insertTimex.run(seq, t.start, t.end, t.text, t.type, t.value);
    markIndexed.run(seq);
  };
}

/** An entity's country: its link, else (for a place) the country of its point. */
export function countryOf(e: WiregraphDoc['entities'][number]): string | null {
  return e.links.country ?? e.geo?.country ?? null;
}
