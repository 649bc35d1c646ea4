import type { GeoPoint } from '../../article/layers.js';
import { normaliseName } from '../../text/normalise.js';
import type { Gazetteer } from './gazetteer-file.js';
import { COMMON_WORD_PLACES, PLACE_SUFFIXES } from './locale/en.js';

const commonWords = new Set(COMMON_WORD_PLACES);
const suffixes = new Set(PLACE_SUFFIXES);

/** What the article says about where it is: the countries and regions it names, weighted by how often. */
export interface Evidence {
  /** ISO alpha-3 -> weight. */
  readonly countries: Map<string, number>;
  /** `ISO3.admin` -> weight. */
  readonly regions: Map<string, number>;
}

/** A resolution of one name, or why there is none. */
export type Resolution = { readonly entry: number; readonly rule: string } | { readonly entry: null; readonly reason: 'unknown' | 'common-word' | 'not-a-name' };

/** An empty body of evidence. */
export function noEvidence(): Evidence {
  return { countries: new Map(), regions: new Map() };
}

/** Adds an entry's country (and region) to the evidence. */
export function addEvidence(evidence: Evidence, gaz: Gazetteer, entry: number, weight: number): void {
  const country = gaz.country(entry);
  if (country === '') return;
  evidence.countries.set(country, (evidence.countries.get(country) ?? 0) + weight);
  if (gaz.kind(entry) !== 'country') {
    const region = `${country}.${gaz.admin(entry)}`;
    evidence.regions.set(region, (evidence.regions.get(region) ?? 0) + weight);
  }
}

const FEATURE_BONUS: Readonly<Record<string, number>> = { PPLC: 2.5, PPLA: 1.5, PPLA2: 0.7, PPLA3: 0.2, PPLX: -1.5, PPLL: -0.5 };
// Note: a region's prior is above that of its seat (`Quebec` is the province, `New York` the state) but below a capital's (`Washington`).
const KIND_PRIOR: Readonly<Record<string, number>> = { country: 9.5, region: 7.6, place: 9.5 };

/**
 * The prior of an entry, before the article's evidence: countries and continents first, then regions, then
 * cities by population (a log scale) and rank (capitals, then seats of regions).
 */
export function prior(gaz: Gazetteer, entry: number): number {
  const kind = gaz.kind(entry);
  // Note: an area of one country (an island, a county) ranks with regions, below continents and oceans.
  if (kind === 'place' && gaz.country(entry) !== '') return KIND_PRIOR['region']!;
  if (kind !== 'city') return KIND_PRIOR[kind]!;
  return Math.log10(gaz.population(entry) + 10) + (FEATURE_BONUS[gaz.feature(entry)] ?? 0);
}

/** How much the article's evidence favours an entry: places of its country and of its region. */
function contextScore(gaz: Gazetteer, entry: number, evidence: Evidence): number {
  const country = gaz.country(entry);
  const inCountry = evidence.countries.get(country) ?? 0;
  // Note: a region is in the evidence only with its country (they are given together), so a country absent says its regions are.
  const inRegion = inCountry > 0 && gaz.kind(entry) === 'city' ? evidence.regions.get(`${country}.${gaz.admin(entry)}`) ?? 0 : 0;
  return (inCountry > 0 ? 2 + Math.min(inCountry, 4) * 0.5 : 0) + (inRegion > 0 ? 1.5 + Math.min(inRegion, 3) * 0.3 : 0);
}

/** The lookup keys of a name: itself, then without a kind word (`Hubei province` -> `hubei`). */
export function nameKeys(name: string): readonly string[] {
  let keys = keyMemo.get(name);
  if (keys === undefined) {
    const norm = normaliseName(name.replace(/['’]s$/u, ''));
    const words = norm.split(' ');
    keys = words.length > 1 && suffixes.has(words.at(-1)!) ? [norm, words.slice(0, -1).join(' ')] : [norm];
    if (keyMemo.size >= 50_000) keyMemo.clear();
    keyMemo.set(name, keys);
  }
  return keys;
}

// Note: names recur across and within articles; normalising one (NFKD and five replacements) costs more than its lookup.
const keyMemo = new Map<string, readonly string[]>();

/**
 * Resolves one place name against the gazetteer, with the evidence of the article and, when the text says it,
 * the place that contains it (`Springfield, Ill.`: only Springfields in Illinois). A common word (`Mobile`)
 * needs containment or a place of its country in the article.
 * @param within - the entry the text puts the name in, if any
 */
export function resolveName(gaz: Gazetteer, name: string, evidence: Evidence, within: number | null): Resolution {
  if (!/\p{Lu}/u.test(name)) return { entry: null, reason: 'not-a-name' };
  const keys = nameKeys(name);
  let candidates: readonly number[] = [];
  let key = keys[0]!;
  for (const k of keys) {
    candidates = gaz.lookup(k);
    key = k;
    if (candidates.length > 0) break;
  }
  if (candidates.length === 0) {
    // Note: an unknown place the text puts in a region or country is placed there, coarsely (`Fort Detrick, Maryland`).
    if (within !== null) return { entry: within, rule: 'container' };
    const part = shorterName(gaz, name, evidence);
    return part === null ? { entry: null, reason: 'unknown' } : resolveName(gaz, part, evidence, null);
  }
  const common = commonWords.has(key);
  let best = -1, bestScore = -Infinity;
  for (const c of candidates) {
    if (within !== null && !containedIn(gaz, c, within)) continue;
    const context = contextScore(gaz, c, evidence);
    if (common && within === null && (context === 0 || gaz.kind(c) !== 'city')) continue;
    const score = prior(gaz, c) + context;
    if (score > bestScore) (best = c), (bestScore = score);
  }
  if (best < 0 && within !== null && !common && candidates.every((c) => gaz.kind(c) === 'city')) return { entry: within, rule: 'container' };
  if (best < 0) return common ? { entry: null, reason: 'common-word' } : resolveName(gaz, name, evidence, null);
  const rule = within !== null ? 'containment' : candidates.length === 1 ? 'unique' : contextScore(gaz, best, evidence) > 0 ? 'context' : 'prior';
  return { entry: best, rule };
}

/**
 * The longest known place name within a name the recogniser cut too long (`United Kingdom Sunday`,
 * `North-Western Sydney`): the name less words at its end, then at its start; null when none is known.
 */
function shorterName(gaz: Gazetteer, name: string, evidence: Evidence): string | null {
  const words = name.split(/[\s-]+/u);
  // Note: a part is taken when it names a country, region or area, or a city of a country the article names.
  const fits = (c: number): boolean => gaz.kind(c) !== 'city' || evidence.countries.has(gaz.country(c));
  for (let n = words.length - 1; n >= 1; n--) {
    for (const part of [words.slice(0, n), words.slice(words.length - n)]) {
      const text = part.join(' ');
      if (/^\p{Lu}/u.test(text) && !commonWords.has(normaliseName(text)) && gaz.lookup(normaliseName(text)).some(fits)) return text;
    }
  }
  return null;
}

/** Whether entry `c` lies in `within`: in its country, and in its region when `within` is a region. */
export function containedIn(gaz: Gazetteer, c: number, within: number): boolean {
  if (c === within || gaz.country(c) !== gaz.country(within)) return false;
  const kind = gaz.kind(within);
  if (kind === 'country') return gaz.kind(c) !== 'country';
  if (kind === 'region') return gaz.kind(c) === 'city' && gaz.admin(c) === gaz.admin(within);
  return false;
}

/** The point of an entry, as the layer gives it. */
export function pointOf(gaz: Gazetteer, entry: number): GeoPoint {
  const country = gaz.country(entry);
  return { lat: gaz.lat(entry), lon: gaz.lon(entry), kind: gaz.kind(entry), id: gaz.id(entry), country: country === '' ? null : country, name: gaz.name(entry) };
}

/**
 * The region or country a name is put in right after it (`Paris, Texas`; `Springfield, Ill.`; `Pandi, Bulacan`
 * is none: Bulacan is no region the gazetteer has): the entry of the words after the comma, if a region or country.
 */
export function containerAfter(gaz: Gazetteer, text: string, end: number): number | null {
  // Note: most names are followed by neither a comma nor a space and a capital, and need no expression run.
  if (text.charCodeAt(end) === 44) {
    let k = end + 1;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    if (!isUpper(text.charCodeAt(k))) return null;
  } else if (!(isSpace(text.charCodeAt(end)) && isUpper(text.charCodeAt(end + 1)))) return null;
  // Note: without a comma, only an abbreviation puts a name in a region (`Washington DC`, `Springfield IL`).
  const bare = /^\s((?:\p{Lu}\.?){2,3})(?![\p{L}])/u.exec(text.slice(end, end + 8));
  if (bare) {
    const entry = gaz.lookup(normaliseName(bare[1]!)).find((e) => gaz.kind(e) === 'region');
    if (entry !== undefined) return entry;
  }
  const m = /^,\s*((?:\p{Lu}[\p{L}.'’-]*\.?)(?:\s\p{Lu}[\p{L}.'’-]*)?(?:\s\p{Lu}[\p{L}.'’-]*)?)/u.exec(text.slice(end, end + 40));
  if (!m) return null;
  const words = m[1]!.split(' ');
  for (let n = words.length; n >= 1; n--) {
    const entries = gaz.lookup(normaliseName(words.slice(0, n).join(' ')));
    const container = entries.find((e) => gaz.kind(e) === 'region') ?? entries.find((e) => gaz.kind(e) === 'country');
    if (container !== undefined) return container;
  }
  return null;
}

/** Whether a UTF-16 code unit is a capital letter (ASCII read here, the rest by the expression). */
function isUpper(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  return c >= 128 && /\p{Lu}/u.test(String.fromCharCode(c));
}

/** Whether a UTF-16 code unit is white space as `\s` reads it. */
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c >= 128 && /\s/u.test(String.fromCharCode(c));
}
