import { readFileSync } from 'node:fs';
import { extractSource } from '../src/api/extract.js';
import type { Event } from '../src/article/layers.js';

interface GoldEvent {
  readonly source: string;
  readonly target: string | readonly string[] | null;
  readonly plover: readonly string[];
  readonly cameo: readonly string[];
  readonly modality: string;
  readonly trigger_sentence: string;
  readonly date?: string | null;
  readonly symmetric?: boolean;
  readonly optional?: boolean;
}

/**
 * Scores the seed story's events. A required gold event is found when one of ours lies in its trigger
 * passage with an acceptable CAMEO code (one listed, or whose root is listed) and the gold countries on each
 * side (either way round for symmetric events; no target where the gold has none). It is right when its mode,
 * and its date where the gold gives one (or says null), match too.
 */
export function evaluateSeedEvents(goldPath: string, documentPath: string): { total: number; found: number; right: number; extra: number; optionalFound: number; wrong: string[] } {
  const gold = (JSON.parse(readFileSync(goldPath, 'utf8')) as { events: GoldEvent[] }).events;
  const [result] = extractSource({ name: documentPath, bytes: readFileSync(documentPath), contentType: null, url: null }, { kind: 'auto', date: null, maxBytes: 1e7 });
  if (!result?.ok) return { total: 0, found: 0, right: 0, extra: 0, optionalFound: 0, wrong: ['the story could not be read'] };
  const { text, events } = result.doc;
  // Note: an unknown actor (code `---`, no entity: a thing the parse names, `a mutual defence pact`) names no country the gold's sides could.
  const countries = (side: readonly Event['source'][number][]): string[] => side.filter((a) => a.entity !== null || a.code !== '---').map((a) => a.country ?? a.code.slice(0, 3));
  const matches = (g: GoldEvent, e: Event): boolean => {
    const at = text.indexOf(g.trigger_sentence);
    if (at < 0 || e.trigger.start < at || e.trigger.end > at + g.trigger_sentence.length) return false;
    if (!g.cameo.includes(e.cameo) && !g.cameo.includes(e.cameo.slice(0, 2))) return false;
    const targets = g.target === null ? [] : typeof g.target === 'string' ? [g.target] : g.target;
    const sides = (src: string[], tgt: string[]): boolean => src.includes(g.source) && targets.every((t) => tgt.includes(t)) && (targets.length > 0 || tgt.length === 0);
    return sides(countries(e.source), countries(e.target)) || (g.symmetric === true && targets.length === 1 && sides(countries(e.target), countries(e.source)) && countries(e.source).includes(targets[0]!));
  };
  let found = 0;
  let right = 0;
  let optionalFound = 0;
  const used = new Set<Event>();
  const wrong: string[] = [];
  for (const g of gold) {
    const hits = events.filter((e) => matches(g, e));
    hits.forEach((e) => used.add(e));
    if (g.optional) {
      if (hits.length > 0) optionalFound++;
      continue;
    }
    const label = `${g.source}->${String(g.target)} ${g.cameo[0]}`;
    if (hits.length === 0) {
      wrong.push(`${label}: not found`);
      continue;
    }
    found++;
    const ok = hits.find((e) => e.mode === g.modality && (!('date' in g) || e.date === g.date));
    if (ok) right++;
    else wrong.push(`${label}: mode ${hits[0]!.mode} (gold ${g.modality}), date ${hits[0]!.date} (gold ${String(g.date)})`);
  }
  return { total: gold.filter((g) => !g.optional).length, found, right, extra: events.filter((e) => !used.has(e)).length, optionalFound, wrong };
}
