import type { EventMode } from '../../article/layers.js';
import { WiregraphError } from '../../errors.js';
import type { CountBy, EventFilter, EventModes, GraphStore } from '../../store/graph.js';
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

/** The event filter's query parameters, shared by events, the network and the timeline. */
export const eventFilterSchema = {
  actor: idSchema,
  counterpart: idSchema,
  sourceActor: { ...idSchema, description: 'Events with this entity among their sources (with targetActor: the events of one network edge)' },
  targetActor: { ...idSchema, description: 'Events with this entity among their targets' },
  plover: { type: 'string', pattern: '^[A-Z_]{3,20}$' },
  cameo: { type: 'string', pattern: '^\\d{2,4}$' },
  mode: { type: 'string', enum: MODES },
  modes: modesSchema,
  minConfidence: { type: 'number', minimum: 0, maximum: 1 },
  from: dateSchema,
  to: dateSchema,
  count: countQuerySchema,
} as const;

/** The event filter's query parameters, as validated. */
export interface FilterQuery {
  actor?: number;
  counterpart?: number;
  sourceActor?: number;
  targetActor?: number;
  plover?: string;
  cameo?: string;
  mode?: EventMode;
  modes?: string;
  minConfidence?: number;
  from?: string;
  to?: string;
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
export function checkEntities(g: GraphStore, ids: Record<string, number | undefined>): void {
  for (const [name, id] of Object.entries(ids)) {
    if (id !== undefined && g.entity(id) === null) throw new WiregraphError('WG_NOT_FOUND', `querystring/${name}: no entity has id ${id}.`);
  }
}

/**
 * The store's filter for a query, once its dates are days of the calendar and its entities exist.
 * @throws WiregraphError `WG_BAD_OPTION` for an impossible date, `WG_NOT_FOUND` for an unknown entity
 */
export function filterOf(g: GraphStore, q: FilterQuery): EventFilter {
  checkDate('from', q.from);
  checkDate('to', q.to);
  checkEntities(g, { actor: q.actor, counterpart: q.counterpart, sourceActor: q.sourceActor, targetActor: q.targetActor });
  return {
    ...(q.actor !== undefined ? { actor: q.actor } : {}),
    ...(q.counterpart !== undefined ? { counterpart: q.counterpart } : {}),
    ...(q.sourceActor !== undefined ? { sourceActor: q.sourceActor } : {}),
    ...(q.targetActor !== undefined ? { targetActor: q.targetActor } : {}),
    ...(q.plover ? { plover: q.plover } : {}),
    ...(q.cameo ? { cameo: q.cameo } : {}),
    ...(q.mode ? { mode: q.mode } : {}),
    ...(q.modes ? { modes: modesOf(q.modes) } : {}),
    ...(q.minConfidence !== undefined ? { minConfidence: q.minConfidence } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
  };
}
