import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { DATE_PATTERN, ENTITY_TYPES, FILTER_KEYS, MODES, PLOVER_TYPES, QUADS, anyFilter, type FilterKey, type Filters } from '../filters.js';
import { href } from '../router.js';

/** What a filter bar applies to: the route's path and its other parameters, kept when a filter changes. */
export interface FilterBarProps {
  readonly path: ReadonlyArray<string | number>;
  readonly params: URLSearchParams;
  readonly filters: Filters;
  /** The outlets to choose from (the corpus's). */
  readonly outlets?: readonly string[];
  /** Filters the view has no use for. */
  readonly without?: readonly FilterKey[];
}

/**
 * Goes to the route with the filters changed: a new history entry, so that Back undoes a change and a reload keeps
 * it. A page cursor is dropped (the first page of the new selection).
 */
function go(props: FilterBarProps, next: Filters): void {
  const params: Record<string, string> = {};
  for (const [k, v] of props.params) if (k !== 'cursor' && !(FILTER_KEYS as readonly string[]).includes(k)) params[k] = v;
  for (const k of FILTER_KEYS) if (next[k]) params[k] = next[k]!;
  location.hash = href(props.path, params);
}

/** The filters of a view as form controls that live in the URL: dates, outlet, entity type, PLOVER type, quad class, mode. */
export function FilterBar(props: FilterBarProps): VNode {
  const { filters } = props;
  const skip = new Set(props.without ?? []);
  const submit = (e: Event): void => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    go(props, Object.fromEntries(FILTER_KEYS.map((k) => [k, String(form.get(k) ?? '').trim()])) as Filters);
  };
  const change = (e: Event): void => (e.currentTarget as HTMLFormElement).requestSubmit();
  const select = (key: FilterKey, label: string, options: ReadonlyArray<readonly [string, string]>): VNode | null => (skip.has(key) ? null : html`<label>${label}
    <select name=${key} value=${filters[key] ?? ''}><option value="">any</option>${options.map(([v, l]) => html`<option value=${v} selected=${filters[key] === v}>${l}</option>`)}</select></label>`);
  const date = (key: 'from' | 'to', label: string): VNode => html`<label>${label}
    <input name=${key} value=${filters[key] ?? ''} pattern=${DATE_PATTERN} placeholder="YYYY-MM-DD" inputmode="numeric" size="10" title="A year, a month or a day: 2025, 2025-09, 2025-09-13" /></label>`;
  const outlets = props.outlets ?? [];
  const outletOptions = filters.outlet && !outlets.includes(filters.outlet) ? [filters.outlet, ...outlets] : outlets;
  return html`<form class="filters" aria-label="Filters" onSubmit=${submit} onChange=${change}>
    ${date('from', 'From')} ${date('to', 'To')}
    ${select('outlet', 'Outlet', outletOptions.map((o) => [o, o] as const))}
    ${select('type', 'Entity type', Object.entries(ENTITY_TYPES).map(([v, l]) => [v, `${v} (${l})`] as const))}
    ${select('plover', 'Event type', PLOVER_TYPES.map((p) => [p, p] as const))}
    ${select('quad', 'Class', QUADS.map((q) => [q, q.replace('-', ' ')] as const))}
    ${select('mode', 'Mode', MODES.map((m) => [m, m] as const))}
    <button type="submit">Apply</button>
    ${anyFilter(filters) ? html`<a class="clear" href=${href(props.path, Object.fromEntries([...props.params].filter(([k]) => k !== 'cursor' && !(FILTER_KEYS as readonly string[]).includes(k))))}>Clear filters</a>` : null}
  </form>`;
}
