import type { CountBy, EventFilter, FactFilter, EventModes, EventRow } from '../graph.js';
import { dateWhere, eventExtraWhere } from './filter-sql.js';

/** The column a count is kept in (entities, their months and pairs). */
export const column = (count: CountBy | undefined): 'stories' | 'copies' => (count === 'copies' ? 'copies' : 'stories');

/** A WHERE clause and its parameters. */
export interface EventSql {
  readonly where: string;
  readonly params: unknown[];
}

/**
 * What one event row weighs in a network or timeline: nothing to add by story (only each fact's first
 * occurrence is selected), the copies of its article's text by copy.
 */
export function weightOf(count: CountBy | undefined): string {
  return column(count) === 'copies' ? '(SELECT a.copies FROM articles a WHERE a.seq = e.article_seq)' : '1';
}

/** What a query counts by default: what happened. */
export const ASSERTED: EventModes = ['asserted'];

/** The SQL condition (on `events e`) for the modes taken: one `mode`, else `modes`, else the query's default. */
export function modeWhere(f: Pick<EventFilter, 'mode' | 'modes'>, fallback: EventModes): EventSql | null {
  const modes = f.mode ? [f.mode] : f.modes ?? fallback;
  if (modes === 'all') return null;
  return { where: `e.mode IN (${modes.map(() => '?').join(', ')})`, params: [...modes] };
}

/**
 * The WHERE clause (on `events e`) for an event filter (its {@link FactFilter} part through `filter-sql.ts`); by
 * story, only the first occurrence of each fact.
 * @param modes - the modes taken when the filter names none
 */
export function eventWhere(f: EventFilter, count: CountBy | undefined, modes: EventModes): EventSql {
  const where: string[] = column(count) === 'stories' ? ['e.lead = 1'] : [];
  const params: unknown[] = [];
  const byMode = modeWhere(f, modes);
  if (byMode) {
    where.push(byMode.where);
    params.push(...byMode.params);
  }
  if (f.minConfidence !== undefined) {
    where.push('e.confidence >= ?');
    params.push(f.minConfidence);
  }
  if (f.near) {
    // Note: an equirectangular distance (degrees scaled by the cosine of the centre's latitude), close to the great
    // circle over the radii a map asks for, and plain arithmetic for SQLite; a latitude band first, for the index.
    const degrees = f.near.km / 111.195;
    const scale = Math.cos((f.near.lat * Math.PI) / 180);
    where.push('e.lat BETWEEN ? AND ? AND (e.lat - ?) * (e.lat - ?) + (e.lon - ?) * (e.lon - ?) * ? <= ?');
    params.push(f.near.lat - degrees, f.near.lat + degrees, f.near.lat, f.near.lat, f.near.lon, f.near.lon, scale * scale, degrees * degrees);
  }
  if (f.actor !== undefined) {
    where.push('e.id IN (SELECT event_id FROM event_actors WHERE entity_id = ?)');
    params.push(f.actor);
  }
  if (f.counterpart !== undefined) {
    where.push('e.id IN (SELECT event_id FROM event_actors WHERE entity_id = ?)');
    params.push(f.counterpart);
  }
  for (const [id, role] of [[f.sourceActor, 'source'], [f.targetActor, 'target']] as const) {
    if (id === undefined) continue;
    where.push(`e.id IN (SELECT event_id FROM event_actors WHERE entity_id = ? AND role = '${role}')`);
    params.push(id);
  }
  if (f.plover) {
    where.push('e.plover = ?');
    params.push(f.plover);
  }
  if (f.cameo) {
    where.push('e.root = ? AND e.cameo LIKE ?');
    params.push(f.cameo.slice(0, 2), `${f.cameo}%`);
  }
  const dated = dateWhere(f, 'e.date');
  const extra = eventExtraWhere(f, count);
  for (const clause of [dated, extra]) {
    if (clause.where === '1') continue;
    where.push(clause.where);
    params.push(...clause.params);
  }
  return { where: where.length > 0 ? where.join(' AND ') : '1', params };
}

/**
 * The period (SQL, on a date column) an event counts in: its month (`2025-09` for `2025-09-13`), a week's
 * (`2025-W37`) by the month of its Thursday, else its year (a year alone, a season `2004-FA`, a half `2006-H2`).
 */
export function periodSql(date: string): string {
  // Note: 4 January is always in ISO week 1; the Monday of its week, plus (week - 1) weeks and 3 days, is the week's Thursday.
  const thursday = `date(substr(${date}, 1, 4) || '-01-04', 'weekday 0', '-6 days', '+' || ((CAST(substr(${date}, 7, 2) AS INTEGER) - 1) * 7 + 3) || ' days')`;
  return `CASE WHEN ${date} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]*' THEN substr(${date}, 1, 7)
    WHEN ${date} GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]*' THEN strftime('%Y-%m', ${thursday})
    ELSE substr(${date}, 1, 4) END`;
}

/** An event row's confidence, reporter and quote, from the columns {@link graphQueries}' event list reads. */
export function reportOf(r: Record<string, unknown>): Pick<EventRow, 'confidence' | 'reportedBy' | 'quote'> {
  const quote = r['quoteId'] === null ? null : {
    id: r['quoteId'] as number,
    kind: r['quoteKind'] as string,
    speaker: r['quoteSpeaker'] as number | null,
    speakerText: r['quoteSpeakerText'] as string | null,
    channels: JSON.parse(r['quoteChannels'] as string) as string[],
    start: r['quoteStart'] as number,
    end: r['quoteEnd'] as number,
  };
  const name = r['reportedBy'] as string | null;
  return { confidence: r['confidence'] as number, reportedBy: name === null ? null : { name, entity: quote?.speaker ?? null }, quote };
}
