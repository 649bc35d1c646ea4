import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { exportHref, type ExportList } from '../api.js';

const LISTS: ReadonlyArray<readonly [ExportList, string]> = [['events', 'Events'], ['quotes', 'Quotes'], ['entities', 'Entities']];

/**
 * Download links for the events, quotes and entities of a filter, as CSV (a header row, RFC 4180) or JSON Lines:
 * every row the filter selects, each fact with its article, sentence and span.
 */
export function ExportLinks({ params, lists = LISTS.map(([l]) => l) }: { params: Record<string, string | number | undefined>; lists?: readonly ExportList[] }): VNode {
  return html`<p class="exports"><span class="muted">Export with these filters:</span> ${LISTS.filter(([l]) => lists.includes(l)).map(([list, label]) => html`<span class="export">${label}
    <a class="button" href=${exportHref(list, 'csv', params)} download=${`wiregraph-${list}.csv`}>CSV</a>
    <a class="button" href=${exportHref(list, 'jsonl', params)} download=${`wiregraph-${list}.jsonl`}>JSONL</a></span> `)}</p>`;
}
