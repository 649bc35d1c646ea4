import type { Place, PlaceMention, Token } from '../../article/layers.js';
import type { Span } from '../../article/span.js';
import type { Gazetteer } from './gazetteer-file.js';
import { COMMON_WORD_PLACES } from './locale/en.js';
import { articleEvidence, type PlaceInput } from './places.js';
import { containerAfter, nameKeys, pointOf, resolveName, type Evidence } from './resolve.js';

const commonWords = new Set(COMMON_WORD_PLACES);
const capitalised = /^\p{Lu}[\p{L}.'’-]*$/u;
// Note: a city the recogniser missed is taken only when it is large (or the article names its country) and its
// name is not shared by another large place, so that a second look adds places, not guesses.
const LARGE_CITY = 100_000;

/**
 * The place names the recogniser missed: a run of capitalised words, outside every entity mention, that is as
 * a whole a name the gazetteer knows as a country, region, area or large city. A single word opening a
 * sentence is taken only for a country, region or area (sentence-initial capitals say nothing), and a common
 * word (`Nice`) never. Mentions of one place are one Place with no entity.
 */
export function secondLook(gaz: Gazetteer, input: PlaceInput, tokens: readonly Token[], sentences: readonly Span[], evidence: Evidence = articleEvidence(gaz, input).all): Place[] {
  const text = input.text;
  const inMention = mentionCover(input.entities.flatMap((e) => e.mentions));
  // Note: the first character decides most tokens without a slice: lower case, digits and punctuation are out.
  const takes = (k: number): boolean => {
    const t = tokens[k]!;
    const c = text.charCodeAt(t.start);
    return ((c >= 65 && c <= 90) || c >= 192) && !inMention(t) && isCapitalisedWord(text, t.start, t.end);
  };
  const firstOfSentence = new Set(sentences.map((s) => s.start));
  const found = new Map<number, PlaceMention[]>();
  let i = 0;
  while (i < tokens.length) {
    if (!takes(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && j - i < 4 && tokens[j]!.start === tokens[j - 1]!.end + 1 && takes(j)) j++;
    const span = { start: tokens[i]!.start, end: tokens[j - 1]!.end };
    const entry = acceptable(gaz, input, span, firstOfSentence.has(span.start) && j - i === 1, evidence);
    if (entry !== null) found.set(entry, [...(found.get(entry) ?? []), { ...span, text: text.slice(span.start, span.end), geo: pointOf(gaz, entry) }]);
    i = j;
  }
  for (const m of nestedPlaces(gaz, input, evidence)) found.set(m.entry, [...(found.get(m.entry) ?? []), { start: m.start, end: m.end, text: m.text, geo: pointOf(gaz, m.entry) }]);
  return [...found.entries()].map(([entry, mentions]) => ({ entity: null, geo: pointOf(gaz, entry), mentions: mentions.sort((a, b) => a.start - b.start), rule: 'second-look' }));
}

/**
 * Whether a span overlaps a mention, asked of spans in order of their start (each at most once more): the mentions
 * sorted once, a pointer and the furthest end of those begun. Only capitalised tokens are asked, so most are never looked at.
 */
function mentionCover(mentions: readonly Span[]): (span: Span) => boolean {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let next = 0;
  let furthest = -1;
  return (span) => {
    while (next < sorted.length && sorted[next]!.start < span.end) furthest = Math.max(furthest, sorted[next++]!.end);
    return furthest > span.start;
  };
}

const LOCATIVE = /(?:\b(?:in|near|at|from|outside)|, of)\s+$/u;

/**
 * Place names in other entities' names. Inside the name of an organisation or thing: a country, region or area
 * that opens it (`U.S. Centers for Disease Control`, `California Department of Public Health`, `UK-based`) or
 * closes it (`Taco Bell Canada`); a city is not taken (`Boston Scientific` is a company). A whole name the
 * recogniser mistyped and no knowledge base links: an organisation or thing that is a place the second look
 * would take (`Evansville`), a person's name after a locative (`of Tyler`, `near Goz Beida`), a nationality
 * that is a country's very name (`Vatican`).
 */
function nestedPlaces(gaz: Gazetteer, input: PlaceInput, evidence: Evidence): Array<{ start: number; end: number; text: string; entry: number }> {
  const out: Array<{ start: number; end: number; text: string; entry: number }> = [];
  const nestedHits = new Map<string, { from: number; to: number; entry: number } | null>();
  const wholeHits = new Map<string, number | null>();
  for (const e of input.entities) {
    if (e.type === 'GPE' || e.type === 'LOC') continue;
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      const whole = wholeName(gaz, input, e.type, e.links.wikidata === null, m, evidence, wholeHits);
      if (whole !== null) {
        out.push({ start: m.start, end: m.end, text: m.text, entry: whole });
        continue;
      }
      // Note: a place opening or closing a name needs a name of two words at least.
      if ((e.type !== 'ORG' && e.type !== 'MISC') || !/[\s-]/u.test(m.text)) continue;
      // Note: a name's words are looked at once per article (names recur), and the parts stop at the first place.
      let hit = nestedHits.get(m.text);
      if (hit === undefined) nestedHits.set(m.text, (hit = nestedPart(gaz, m.text, evidence)));
      if (hit !== null) out.push({ start: m.start + hit.from, end: m.start + hit.to, text: m.text.slice(hit.from, hit.to), entry: hit.entry });
    }
  }
  return out;
}

/**
 * The place opening or closing a name of several words (its longest such part first, opening before closing), as
 * offsets in the name; null for none.
 */
function nestedPart(gaz: Gazetteer, name: string, evidence: Evidence): { from: number; to: number; entry: number } | null {
  const words = [...name.matchAll(/[^\s-]+/gu)];
  const edge = (from: number, to: number): { from: number; to: number } => ({ from: words[from]!.index!, to: words[to - 1]!.index! + words[to - 1]![0].length });
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    for (const part of [edge(0, n), edge(words.length - n, words.length)]) {
      const entry = nestedEntry(gaz, name.slice(part.from, part.to), evidence);
      if (entry !== null) return { ...part, entry };
    }
  }
  return null;
}

/**
 * Whether the token is one capitalised word (`^\p{Lu}[\p{L}.'’-]*$`): plain ASCII letters and marks are read
 * here, anything else by the regular expression. Note: it is asked of every capitalised token outside a mention.
 */
function isCapitalisedWord(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 65 || first > 90) return capitalised.test(text.slice(start, end));
  for (let k = start + 1; k < end; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46 || c === 39 || c === 45) continue;
    return c >= 128 && capitalised.test(text.slice(start, end));
  }
  return true;
}

/**
 * The place a whole name is, when the recogniser mistyped it (see nestedPlaces), or null. Note: what it reads of
 * the text around the mention (a locative before it, a container after it) is read first; the rest depends on the
 * name alone, and is remembered per article in `memo`.
 */
function wholeName(gaz: Gazetteer, input: PlaceInput, type: string, unlinked: boolean, m: Span & { text: string }, evidence: Evidence, memo: Map<string, number | null>): number | null {
  if (type !== 'NORP' && (!unlinked || m.text.split(/\s+/u).length > 3)) return null;
  if (type === 'PERSON' && !LOCATIVE.test(input.text.slice(Math.max(0, m.start - 12), m.start))) return null;
  const within = type === 'NORP' ? null : containerAfter(gaz, input.text, m.end);
  const key = `${type}|${within ?? ''}|${m.text}`;
  let entry = memo.get(key);
  if (entry === undefined) memo.set(key, (entry = wholeNameOf(gaz, type, m.text, within, evidence)));
  return entry;
}

function wholeNameOf(gaz: Gazetteer, type: string, name: string, within: number | null, evidence: Evidence): number | null {
  if (type === 'NORP') {
    const r = resolveName(gaz, name, evidence, null);
    return r.entry !== null && gaz.kind(r.entry) === 'country' && gaz.lookup(nameKeys(name)[0]!).length === 1 ? r.entry : null;
  }
  if (type === 'PERSON') {
    if (gaz.lookup(nameKeys(name)[0]!).length === 0) return null;
    const r = resolveName(gaz, name, evidence, within);
    return r.entry !== null && (gaz.population(r.entry) >= 1000 || gaz.kind(r.entry) !== 'city') ? r.entry : null;
  }
  return acceptableName(gaz, name, within, false, evidence);
}

function nestedEntry(gaz: Gazetteer, name: string, evidence: Evidence): number | null {
  const key = nameKeys(name)[0]!;
  if (!/^\p{Lu}/u.test(name) || commonWords.has(key) || gaz.lookup(key).every((c) => gaz.kind(c) === 'city')) return null;
  const r = resolveName(gaz, name, evidence, null);
  return r.entry !== null && gaz.kind(r.entry) !== 'city' ? r.entry : null;
}

function acceptable(gaz: Gazetteer, input: PlaceInput, span: Span, opensSentence: boolean, evidence: Evidence): number | null {
  const name = input.text.slice(span.start, span.end);
  return acceptableName(gaz, name, containerAfter(gaz, input.text, span.end), opensSentence, evidence);
}

/**
 * The place a name the recogniser did not give as one is, when it is clearly one (see secondLook), or null.
 * @param within - the region or country the text puts the name in (see containerAfter)
 */
function acceptableName(gaz: Gazetteer, name: string, within: number | null, opensSentence: boolean, evidence: Evidence): number | null {
  const key = nameKeys(name)[0]!;
  // Note: the whole name must be known: a run is never cut to a place inside it (`Paris Hilton` is no mention of Paris).
  if (commonWords.has(key) || (key.length < 3 && name !== name.toUpperCase())) return null;
  const candidates = gaz.lookup(key);
  // Note: most capitalised words fail here, before any scoring: unknown, or only towns too small to be taken.
  const onlyCities = candidates.every((c) => gaz.kind(c) === 'city');
  if (candidates.length === 0 || (onlyCities && (opensSentence || !candidates.some((c) => gaz.population(c) >= 20_000)))) return null;
  const r = resolveName(gaz, name, evidence, within);
  if (r.entry === null) return null;
  const kind = gaz.kind(r.entry);
  if (kind !== 'city') return r.entry;
  // Note: a word in capitals is an acronym before it is a town (`GAO` is an office, not Gao in Mali).
  if (opensSentence || (name === name.toUpperCase() && /\p{Lu}{2}/u.test(name))) return null;
  const pop = gaz.population(r.entry);
  const rivals = candidates.filter((c) => c !== r.entry && gaz.population(c) * 5 > pop);
  const known = (evidence.countries.get(gaz.country(r.entry)) ?? 0) > 0;
  return (pop >= LARGE_CITY || (known && pop >= 20_000)) && rivals.length === 0 ? r.entry : null;
}
