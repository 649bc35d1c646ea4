/** The analyst's filters as the URL holds them, and as the API takes them. */

/** The filters' query parameters, in the order the bar shows them. */
export const FILTER_KEYS = ['from', 'to', 'outlet', 'type', 'plover', 'quad', 'mode'] as const;
/** One filter's parameter. */
export type FilterKey = (typeof FILTER_KEYS)[number];
/** The filters set: each parameter's value. */
export type Filters = Partial<Record<FilterKey, string>>;

/** The entity types, and how the bar names them. */
export const ENTITY_TYPES: Record<string, string> = { PERSON: 'people', ORG: 'organisations', GPE: 'countries, cities', LOC: 'places', NORP: 'nationalities, groups', MISC: 'other' };
/** The quad classes. */
export const QUADS = ['verbal-cooperation', 'material-cooperation', 'verbal-conflict', 'material-conflict'] as const;
/** The modes of an event. */
export const MODES = ['asserted', 'planned', 'hypothetical', 'negated'] as const;
// Note: PLOVER's event types (the typer's labels, and CONCEDE and RETREAT of the current manual, which the CAMEO table gives).
export const PLOVER_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'YIELD', 'CONCEDE', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'] as const;

/** A year, a month or a day, as the API takes them. */
export const DATE_PATTERN = '\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?';

/** The filters a route's parameters set. */
export function filtersOf(params: URLSearchParams): Filters {
  const out: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

/** The filters as a key for a request (the same filters, the same key). */
export const filterKey = (f: Filters): string => FILTER_KEYS.map((k) => f[k] ?? '').join('|');

/** Whether any filter is set. */
export const anyFilter = (f: Filters): boolean => FILTER_KEYS.some((k) => f[k]);
