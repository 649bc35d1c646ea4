import type { EventMode } from '../../article/layers.js';
import { WiregraphError } from '../../errors.js';
import type { AsyncGraphStore } from '../../store/async.js';
import { QUAD_CLASSES, type CountBy, type EventFilter, type EventModes, type FactFilter, type QuadClass } from '../../store/graph.js';
import { countQuerySchema } from '../schemas.js';

/** An entity id in a path or query. */
export const idSchema = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } as const;
const MODES = ['asserted', 'planned', 'hypothetical', 'negated'] as const;
/** `modes`: `all`, or modes separated by commas (`planned,negated`). */
export const modesSchema = { type: 'string', pattern: `^(?:all|(?:${MODES.join('|')})(?:,(?:${MODES.join('|')}))*)$` } as const;
/** The modes a `modes` parameter names. */
export const modesOf = (value: string): EventModes => (value === 'all' ? 'all' : [...new Set(value.split(','))] as EventMode[]);
/** A year, a month or a day; {@link checkDate} refuses a day its month does not have. */
const dateSchema = { type: 'string', pattern: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$' } as const;

/** The entity types. */
export const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC'] as const;

/** The analyst's filters (see `FactFilter`), which every list route takes. */
export const factFilterSchema = {
  from: { ...dateSchema, description: 'From this year, month or day (inclusive)' },
  to: { ...dateSchema, description: 'To this year, month or day (inclusive)' },
  outlet: { type: 'string', minLength: 1, maxLength: 200, description: 'Carried by a copy from this outlet' },
  type: { type: 'string', enum: ENTITY_TYPES, description: 'With an entity of this type (an actor, the speaker, a mention)' },
  plover: { type: 'string', pattern: '^[A-Z_]{3,20}$', description: 'With an event of this PLOVER type' },
  quad: { type: 'string', enum: QUAD_CLASSES, description: 'With an event of this quad class' },
  mode: { type: 'string', enum: MODES, description: 'With an event of this mode' },
} as const;

/** The analyst's filters as validated. */
export interface FactQuery {
  from?: string;
  to?: string;
  outlet?: string;
  type?: string;
  plover?: string;
  quad?: QuadClass;
  mode?: EventMode;
}

/**
 * The store's {@link FactFilter} of a query, once its dates are days of the calendar.
 * @throws WiregraphError `WG_BAD_OPTION` for an impossible date, or a range that ends before it begins
 */
export function factFilterOf(q: FactQuery): FactFilter {
  checkDate('from', q.from);
  checkDate('to', q.to);
  const common = Math.min(q.from?.length ?? 0, q.to?.length ?? 0);
  if (q.from && q.to && q.from.slice(0, common) > q.to.slice(0, common)) throw new WiregraphError('WG_BAD_OPTION', `querystring/from: ${q.from} is after to (${q.to}); give the earlier date as from.`);
  const out: { -readonly [K in keyof FactFilter]: FactFilter[K] } = {};
  for (const key of ['from', 'to', 'outlet', 'type', 'plover', 'quad', 'mode'] as const) if (q[key]) (out as Record<string, string>)[key] = q[key];
  return out;
}

/** The event filter's query parameters, shared by events, the network and the timeline. */
export const eventFilterSchema = {
  ...factFilterSchema,
  actor: idSchema,
  counterpart: idSchema,
  sourceActor: { ...idSchema, description: 'Events with this entity among their sources (with targetActor: the events of one network edge)' },
  targetActor: { ...idSchema, description: 'Events with this entity among their targets' },
  cameo: { type: 'string', pattern: '^\\d{2,4}$' },
  modes: modesSchema,
  minConfidence: { type: 'number', minimum: 0, maximum: 1 },
  near: { type: 'string', pattern: '^-?\\d{1,2}(\\.\\d+)?,-?\\d{1,3}(\\.\\d+)?$', description: 'Events placed within km of this point: LAT,LON in degrees' },
  km: { type: 'number', exclusiveMinimum: 0, maximum: 20000, description: 'With near: the radius in km (default 50)' },
  count: countQuerySchema,
} as const;

/** The event filter's query parameters, as validated. */
export interface FilterQuery extends FactQuery {
  actor?: number;
  counterpart?: number;
  sourceActor?: number;
  targetActor?: number;
  cameo?: string;
  modes?: string;
  minConfidence?: number;
  near?: string;
  km?: number;
  count?: CountBy;
}

/**
 * Refuses a day its month does not have (`2024-02-30`, `2023-02-29`) with `WG_BAD_OPTION`; the schema's pattern
 * has already refused month 13 and day 32.
 */
export function checkDate(name: string, value: string | undefined): void {
  if (value === undefined || value.length < 10) return;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) throw new WiregraphError('WG_BAD_OPTION', `querystring/${name}: ${value} is not a day of the calendar.`);
}

/** Refuses an entity id no entity has, with `WG_NOT_FOUND`. */
export async function checkEntities(g: AsyncGraphStore, ids: Record<string, number | undefined>): Promise<void> {
  for (const [name, id] of Object.entries(ids)) {
    if (id !== undefined && (await g.entity(id)) === null) throw new WiregraphError('WG_NOT_FOUND', `querystring/${name}: no entity has id ${id}.`);
  }
}

/**
 * The store's filter for a query, once its dates are days of the calendar and its entities exist.
 * @throws WiregraphError `WG_BAD_OPTION` for an impossible date, `WG_NOT_FOUND` for an unknown entity
 */
export async function filterOf(g: AsyncGraphStore, q: FilterQuery): Promise<EventFilter> {
  const facts = factFilterOf(q);
  await checkEntities(g, { actor: q.actor, counterpart: q.counterpart, sourceActor: q.sourceActor, targetActor: q.targetActor });
  return {
    ...facts,
    ...(q.actor !== undefined ? { actor: q.actor } : {}),
    ...(q.counterpart !== undefined ? { counterpart: q.counterpart } : {}),
    ...(q.sourceActor !== undefined ? { sourceActor: q.sourceActor } : {}),
    ...(q.targetActor !== undefined ? { targetActor: q.targetActor } : {}),
    ...(q.cameo ? { cameo: q.cameo } : {}),
    ...(q.modes ? { modes: modesOf(q.modes) } : {}),
    ...(q.minConfidence !== undefined ? { minConfidence: q.minConfidence } : {}),
    ...nearOf(q),
  };
}

/**
 * The point and radius of `near` and `km`.
 * @throws WiregraphError `WG_BAD_OPTION` for a latitude or longitude out of range, or `km` without `near`
 */
function nearOf(q: Pick<FilterQuery, 'near' | 'km'>): Pick<EventFilter, 'near'> {
  if (q.near === undefined) {
    if (q.km !== undefined) throw new WiregraphError('WG_BAD_OPTION', 'querystring/km: km needs near=LAT,LON.');
    return {};
  }
  const [lat, lon] = q.near.split(',').map(Number) as [number, number];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new WiregraphError('WG_BAD_OPTION', `querystring/near: ${q.near} is no point (latitude -90 to 90, longitude -180 to 180).`);
  return { near: { lat, lon, km: q.km ?? 50 } };
}
