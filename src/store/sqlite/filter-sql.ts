import type { CountBy, FactFilter } from '../graph.js';
import type { EventSql } from './event-sql.js';

/** A WHERE clause under construction: conditions and their parameters, in order. */
export class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a condition with its parameters. */
  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  /** Adds another clause's conditions. */
  merge(other: EventSql | null): this {
    if (other && other.where !== '1') this.add(other.where, ...other.params);
    return this;
  }

  /** The clause, `1` when it has no condition. */
  sql(): EventSql {
    return { where: this.parts.length > 0 ? this.parts.join(' AND ') : '1', params: this.params };
  }
}

/** `from` and `to` on a date expression: inclusive, `to` taking everything it prefixes (`2024` takes `2024-12-31`). */
export function dateWhere(f: Pick<FactFilter, 'from' | 'to'>, date: string): EventSql {
  const w = new Where();
  if (f.from) w.add(`${date} >= ?`, f.from);
  if (f.to) w.add(`${date} < ?`, `${f.to}\uffff`);
  return w.sql();
}

/** The conditions (on `events e`) of an event's PLOVER type, quad class and mode, as the filter names them. */
function eventKindWhere(f: Pick<FactFilter, 'plover' | 'quad' | 'mode'>): EventSql {
  const w = new Where();
  if (f.plover) w.add('e.plover = ?', f.plover);
  if (f.quad) w.add('e.quad = ?', f.quad);
  if (f.mode) w.add('e.mode = ?', f.mode);
  return w.sql();
}

/**
 * The outlet condition of a quote or event row (`alias` of `table`): by copies, its own article was carried by the
 * outlet; by story (one row per fact), any article of its fact was.
 */
export function outletWhere(outlet: string, table: 'quotes' | 'events', alias: string, count: CountBy | undefined): EventSql {
  // Note: sets computed once (not a lookup per row): a rare outlet's rows are otherwise looked for through the whole table.
  const carried = 'SELECT article_seq FROM copies WHERE outlet = ?';
  const own = `${alias}.article_seq IN (${carried})`;
  if (count === 'copies') return { where: own, params: [outlet] };
  return { where: `(${own} OR ${alias}.fact_id IN (SELECT o.fact_id FROM ${table} o WHERE o.article_seq IN (${carried})))`, params: [outlet, outlet] };
}

/**
 * The filter's conditions on an article (`articles a`): published in the range, carried by the outlet, mentioning
 * an entity of the type, holding an event of the PLOVER type, quad class and mode.
 */
export function articleWhere(f: FactFilter): EventSql {
  const w = new Where().merge(dateWhere(f, 'a.published'));
  if (f.outlet) w.add('a.seq IN (SELECT article_seq FROM copies WHERE outlet = ?)', f.outlet);
  if (f.type) w.add('EXISTS (SELECT 1 FROM mentions m JOIN entities n ON n.id = m.entity_id WHERE m.article_seq = a.seq AND n.type = ?)', f.type);
  const kind = eventKindWhere(f);
  if (kind.where !== '1') w.add(`EXISTS (SELECT 1 FROM events e WHERE e.article_seq = a.seq AND ${kind.where})`, ...kind.params);
  return w.sql();
}

/**
 * The filter's conditions on a quote (`quotes q` joined to its article `a`): dated (its own date, else its article's
 * publication) in the range, carried by the outlet, said by an entity of the type, and the source of an event of the
 * PLOVER type, quad class and mode.
 */
export function quoteWhere(f: FactFilter, count: CountBy | undefined): EventSql {
  const w = new Where().merge(dateWhere(f, 'coalesce(q.date, a.published)'));
  if (f.outlet) w.merge(outletWhere(f.outlet, 'quotes', 'q', count));
  if (f.type) w.add('q.speaker_id IN (SELECT id FROM entities WHERE type = ?)', f.type);
  const kind = eventKindWhere(f);
  if (kind.where !== '1') w.add(`EXISTS (SELECT 1 FROM events e WHERE e.article_seq = q.article_seq AND e.quote_local = q.local_id AND ${kind.where})`, ...kind.params);
  return w.sql();
}

/** The filter's conditions on an event (`events e`) beyond those of `eventWhere`: the outlet, an actor's type, the quad class. */
export function eventExtraWhere(f: FactFilter, count: CountBy | undefined): EventSql {
  const w = new Where();
  if (f.outlet) w.merge(outletWhere(f.outlet, 'events', 'e', count));
  if (f.type) w.add('EXISTS (SELECT 1 FROM event_actors x JOIN entities n ON n.id = x.entity_id WHERE x.event_id = e.id AND n.type = ?)', f.type);
  if (f.quad) w.add('e.quad = ?', f.quad);
  return w.sql();
}

/** The filter's conditions on an entity (`entities e`): mentioned in an article published in the range and carried by the outlet. */
export function entityWhere(f: FactFilter): EventSql {
  const inArticle = articleWhere({ ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}), ...(f.outlet ? { outlet: f.outlet } : {}) });
  if (inArticle.where === '1') return inArticle;
  // Note: the entities of the articles selected, as one set: an EXISTS per entity went through every mention of the
  // most reported entities to find a rare outlet (a second with 20,000 articles).
  return { where: `e.id IN (SELECT m.entity_id FROM mentions m WHERE m.article_seq IN (SELECT a.seq FROM articles a WHERE ${inArticle.where}))`, params: inArticle.params };
}
