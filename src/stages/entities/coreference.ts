import type { Quotation, Token } from '../../article/layers.js';
import { NO_LINKS, type Candidate } from './candidate.js';
import { lastEndingBy, SpanIndex } from '../common/span-index.js';
import { COUNTRY_NOUNS, PERSON_PRONOUNS, SPEECH_VERBS } from './locale/en.js';
import { acronymPairs } from '../../text/acronyms.js';
import { normaliseName } from '../../text/normalise.js';
import { organisationCore } from '../../text/org-name.js';

const countryNouns = new Set<string>(COUNTRY_NOUNS);
const speechVerbs = new Set<string>(SPEECH_VERBS);
const pronouns = new Set<string>(PERSON_PRONOUNS);
const LONGEST_PRONOUN = Math.max(...PERSON_PRONOUNS.map((p) => p.length));

// Note: the rules of names typed by the recogniser alone; a knowledge-base link or a country keeps its type.
const PLAIN_RULES = new Set(['person', 'org', 'place', 'misc']);
// Note: a person's title before the name (`president Obama`) is context that says what the name is.
const TITLED = 'person-title';
const TITLE_VOTES = 3;
// Note: a place's own cue (`the Ukrainian city of Kharkiv`) decides its name's type in the document, as a title does a person's.
const PLACE_CUE = /\b(?:city|town|village|port|capital|province|region|district|county|island|state) of\s+$/iu;
const TYPE_ORDER: readonly string[] = ['ORG', 'PERSON', 'LOC', 'MISC'];

/**
 * One type for one name in a document: the plain names (typed by the recogniser alone) written alike (case
 * aside) take the type most of them have (ties to ORG, then PERSON, LOC, MISC; a person's title before one counts
 * three), with the key and links of its first, where they were a person or other name; a place or organisation
 * keeps its type unless a title decided it. A name followed by a model number (`Boeing 747`) is a company.
 * `Boeing` tagged ORG twice and PERSON once is the ORG three times.
 */
export function unifyTypes(candidates: readonly Candidate[], text = ''): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.kind !== 'name' || !(PLAIN_RULES.has(c.rule) || c.rule === TITLED)) continue;
    // Note: by the lower-cased text, not the full normalisation, which cost a tenth of the stage.
    const norm = c.text.toLowerCase();
    const list = groups.get(norm);
    if (list) list.push(c);
    else groups.set(norm, [c]);
  }
  // Note: a name followed by a model number in the document (`Boeing 747`, `Airbus A380`) is the maker, a company.
  const makers = new Set<string>();
  // Note: a model is three digits or capitals and digits (`747`, `737s`, `A380`): not a score (`Leeds 2`) nor a year.
  const MODEL = /^\s+(?:\p{Lu}{1,3}-?\d{2,4}|\d{3})(?!\d)/u;
  for (const c of candidates) {
    const model = /^(\S+)\s+(?:\p{Lu}{1,3}-?\d{2,4}|\d{3})(?!\d)/u.exec(c.text);
    if (model) makers.add(model[1]!.toLowerCase());
    else if (c.kind === 'name' && MODEL.test(text.slice(c.end, c.end + 8))) makers.add(c.text.toLowerCase());
  }
  const winner = new Map<Candidate, Candidate>();
  const placeCued = (c: Candidate): boolean => (c.type === 'LOC' || c.type === 'GPE') && PLACE_CUE.test(text.slice(Math.max(0, c.start - 24), c.start));
  for (const [norm, list] of groups) {
    const counts = new Map<string, number>();
    for (const c of list) counts.set(c.type, (counts.get(c.type) ?? 0) + (c.rule === TITLED || placeCued(c) ? TITLE_VOTES : 1));
    const maker = makers.has(norm) && !norm.includes(' ');
    if (counts.size < 2 && (!maker || counts.has('ORG'))) continue;
    const type = maker ? 'ORG' : [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b))[0]!;
    const first = list.find((c) => c.type === type) ?? { ...list[0]!, type: 'ORG', key: `org:${organisationCore(normaliseName(list[0]!.text))}`, links: NO_LINKS, canonical: null };
    // Note: a place and an organisation of one name are often both right (`Leeds` the city and the club), so only a
    // person or other-name guess gives way (CoNLL testa through the product: 0.901 when every type gave way, 0.905).
    const decided = maker || list.some((c) => (c.rule === TITLED || placeCued(c)) && c.type === type);
    for (const c of list) if (c.type !== type && (decided || c.type === 'PERSON' || c.type === 'MISC')) winner.set(c, first);
  }
  return candidates.map((c) => {
    const w = winner.get(c);
    return w ? { ...c, type: w.type, key: w.key, links: w.links, canonical: w.canonical, rule: 'type-vote' } : c;
  });
}

/**
 * Gives a one-word mention (`Kim`, `Putin`, `Obama` even where the recogniser took it for an organisation) the
 * key of the person's full name it shortens (`Kim Jong Un`): the nearest earlier full name whose first or last
 * word it is, else a later one. A one-word organisation stays one when a longer organisation of the document
 * starts with it (`Ford` beside `Ford Motor Company`).
 * @param candidates - in text order (sorted by start)
 */
export function resolveShortNames(candidates: readonly Candidate[]): Candidate[] {
  // Note: full names by their first and last word, each in text order, so a short name finds its own in log n.
  const byWord = new Map<string, Candidate[]>();
  const organisationFirstWords = new Set<string>();
  for (const c of candidates) {
    if (!c.text.includes(' ')) continue;
    const words = c.text.split(/\s+/u);
    if (c.type === 'ORG') organisationFirstWords.add(words[0]!);
    if (c.type !== 'PERSON') continue;
    for (const word of new Set([words[0]!, words.at(-1)!])) {
      const list = byWord.get(word);
      if (list) list.push(c);
      else byWord.set(word, [c]);
    }
  }
  return candidates.map((c) => {
    if (c.text.includes(' ') || !(c.type === 'PERSON' || (c.kind === 'name' && PLAIN_RULES.has(c.rule)))) return c;
    if (c.type === 'ORG' && organisationFirstWords.has(c.text)) return c;
    const matches = byWord.get(c.text);
    if (!matches) return c;
    const before = countStartingBefore(matches, c.start);
    const target = before > 0 ? matches[before - 1]! : matches[0]!;
    return { ...c, type: 'PERSON', key: target.key, links: target.links, canonical: null, rule: 'short-name' };
  });
}

/**
 * Mentions from the acronyms a document introduces (`General Motors (GM)`): where the recogniser found one of
 * the two and not the other, the other is a mention of the same entity (a person's name is never expanded).
 * @param candidates - the document's mentions so far
 */
export function findAcronymMentions(text: string, candidates: readonly Candidate[], skip: (start: number, of: Candidate) => boolean): Candidate[] {
  const taken = new SpanIndex(candidates);
  const exactly = new Map<string, Candidate>(candidates.map((c) => [`${c.start}:${c.end}`, c]));
  const out: Candidate[] = [];
  const pairs = new Map(acronymPairs(text).map((p) => [`${p.expansion} (${p.acronym})`, p]));
  for (const [written, { acronym, expansion }] of pairs) {
    for (let at = text.indexOf(written); at >= 0; at = text.indexOf(written, at + 1)) {
      const long = { start: at, end: at + expansion.length };
      const short = { start: long.end + 2, end: long.end + 2 + acronym.length };
      for (const [known, other, otherText] of [[long, short, acronym], [short, long, expansion]] as const) {
        const c = exactly.get(`${known.start}:${known.end}`);
        if (!c || c.type === 'PERSON' || skip(other.start, c) || taken.overlapsSpan(other)) continue;
        out.push({ ...c, ...other, text: otherText, canonical: null, rule: 'acronym' });
      }
    }
  }
  return out;
}

/**
 * Finds the occurrences of a recognised name that the recogniser passed over elsewhere in the document (it
 * found `Boeing` twice and not in `The Boeing statement`), as mentions of the same entity. An occurrence counts
 * when it is whole tokens, outside every mention and not skipped (the dateline), and not part of a longer run of
 * capitalised words.
 * @param candidates - the document's mentions so far
 */
export function findRepeatedNames(text: string, tokens: readonly Token[], candidates: readonly Candidate[], skip: (start: number, of: Candidate) => boolean): Candidate[] {
  const taken = new SpanIndex(candidates);
  // Note: names by their first word, so that one pass over the tokens finds every occurrence (one search of the
  // text per name made a long article quadratic).
  const byFirstWord = new Map<string, Candidate[]>();
  const seen = new Set<string>();
  for (const c of candidates) {
    if (c.kind !== 'name' || c.rule.startsWith('dateline') || c.text.length < 2 || !/^\p{Lu}/u.test(c.text) || seen.has(c.text)) continue;
    seen.add(c.text);
    const word = c.text.slice(0, leadingWordEnd(c.text, 0, c.text.length));
    const list = byFirstWord.get(word);
    if (list) list.push(c);
    else byFirstWord.set(word, [c]);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.text.length - a.text.length);
  const capitalised = (i: number): boolean => i >= 0 && i < tokens.length && /^\p{Lu}/u.test(text.slice(tokens[i]!.start, tokens[i]!.end));
  const out: Candidate[] = [];
  for (let first = 0; first < tokens.length; first++) {
    const at = tokens[first]!.start;
    const code = text.charCodeAt(at);
    // Note: every name starts with a capital; most tokens are passed over here without a look-up.
    if (code >= 97 && code <= 122) continue;
    const word = text.slice(at, leadingWordEnd(text, at, tokens[first]!.end));
    for (const c of byFirstWord.get(word) ?? []) {
      const surface = c.text;
      let last = first;
      while (last + 1 < tokens.length && tokens[last]!.end < at + surface.length) last++;
      if (tokens[last]!.end !== at + surface.length || !text.startsWith(surface, at) || skip(at, c) || taken.overlapsSpan({ start: at, end: at + surface.length })) continue;
      // Note: a capitalised word before counts unless it opens the sentence (`The Boeing statement`).
      const inSentence = (i: number): boolean => i >= 0 && i < tokens.length && tokens[i]!.sentence === tokens[first]!.sentence;
      const opens = (i: number): boolean => !inSentence(i - 1);
      if ((inSentence(first - 1) && capitalised(first - 1) && !opens(first - 1)) || (inSentence(last + 1) && capitalised(last + 1))) continue;
      out.push({ ...c, start: at, end: at + surface.length, text: surface, rule: 'repeated-name' });
      break;
    }
  }
  return out;
}

/** Where the run of letters and digits that starts at `from` ends (at most `to`); ASCII told without a regular expression. */
function leadingWordEnd(text: string, from: number, to: number): number {
  let at = from;
  while (at < to) {
    const c = text.codePointAt(at)!;
    const word = c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : /[\p{L}\p{N}]/u.test(String.fromCodePoint(c));
    if (!word) break;
    at += c > 0xffff ? 2 : 1;
  }
  return at;
}

/** The number of candidates (sorted by start) that start before `offset`. */
function countStartingBefore(sorted: readonly Candidate[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A person's role, as the entity stage collects them: the role, where the name ends, and the name's candidate. */
export interface RoleOf {
  readonly role: string;
  readonly after: number;
  readonly anchor: Candidate;
}

/**
 * Finds descriptions that refer back to a person by the role the article gave them
 * (`The North Korean leader` after `North Korean leader Kim Jong Un`): each role's matches of
 * `\b[Tt]he ROLE\b` after its name, in the order of `roles`, then of the text.
 */
export function findRoleNominals(text: string, roles: ReadonlyMap<string, RoleOf>, taken: (start: number, end: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const [entry, starts] of roleMatches(text, [...roles.values()])) {
    for (const start of starts) {
      const end = start + 4 + entry.role.length;
      if (taken(start, end)) continue;
      out.push({ ...entry.anchor, start, end, text: text.slice(start, end), kind: 'nominal', rule: 'role-nominal' });
    }
  }
  return out;
}

/**
 * Where each role's pattern `\b[Tt]he ROLE\b` matches in the text after its `after` offset, as the regular
 * expression run over `text.slice(after)` would match (left to right, without overlaps), found in one pass
 * over the text's `the`s instead of one pass per role.
 */
export function roleMatches(text: string, entries: readonly RoleOf[]): Map<RoleOf, number[]> {
  const found = new Map<RoleOf, number[]>(entries.map((e) => [e, []]));
  const byRole = new Map<string, RoleOf[]>();
  for (const e of entries) {
    // Note: a role holding a surrogate is matched by the regular expression itself, whose `u` flag treats pairs as one character.
    if (/[\uD800-\uDFFF]/u.test(e.role)) found.set(e, regexMatches(text, e));
    else byRole.set(e.role, [...(byRole.get(e.role) ?? []), e]);
  }
  const lengths = [...new Set([...byRole.keys()].map((r) => r.length))];
  const lastEnd = new Map<RoleOf, number>();
  for (let at = text.indexOf('he ', 1); at >= 0; at = text.indexOf('he ', at + 1)) {
    const start = at - 1;
    if (text[start] !== 'T' && text[start] !== 't') continue;
    for (const length of lengths) {
      const end = start + 4 + length;
      if (end > text.length) continue;
      for (const e of byRole.get(text.slice(start + 4, end)) ?? []) {
        // Note: the expression runs over `text.slice(after)`, where `after` is the start of input, a word boundary.
        if (start < e.after || (start > e.after && isWordChar(text, start - 1)) || start < (lastEnd.get(e) ?? 0)) continue;
        if (isWordChar(text, end - 1) === isWordChar(text, end)) continue;
        found.get(e)!.push(start);
        lastEnd.set(e, end);
      }
    }
  }
  return found;
}

/** The starts of a role's matches found by the regular expression itself. */
function regexMatches(text: string, { role, after }: RoleOf): number[] {
  const pattern = new RegExp(`\\b[Tt]he ${role.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\b`, 'gu');
  return [...text.slice(after).matchAll(pattern)].map((m) => after + m.index);
}

/** True for a character `\b` counts as part of a word (ASCII letters, digits, `_`); false outside the text. */
function isWordChar(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Finds `the country`, `the reclusive state` and the like, and gives each the country mentioned last
 * before it. A compound (`the state media`) is not one.
 */
export function findCountryNominals(text: string, tokens: readonly Token[], candidates: readonly Candidate[]): Candidate[] {
  const lastCountryBy = lastEndingBy(candidates.filter((c) => c.type === 'GPE').sort((a, b) => a.start - b.start));
  const word = (i: number): string => (tokens[i] ? text.slice(tokens[i]!.start, tokens[i]!.end) : '');
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // Note: a token of another length is no `the`, and is passed over without making a string.
    if (tokens[i]!.end - tokens[i]!.start !== 3 || word(i).toLowerCase() !== 'the') continue;
    const withAdjective = /^\p{Ll}+$/u.test(word(i + 1)) && countryNouns.has(word(i + 2));
    const head = countryNouns.has(word(i + 1)) ? i + 1 : withAdjective ? i + 2 : -1;
    if (head < 0 || /^\p{Ll}/u.test(word(head + 1))) continue;
    const antecedent = lastCountryBy(tokens[i]!.start);
    if (!antecedent) continue;
    out.push({ ...antecedent, start: tokens[i]!.start, end: tokens[head]!.end, text: text.slice(tokens[i]!.start, tokens[head]!.end), kind: 'nominal', canonical: null, rule: 'country-nominal' });
  }
  return out;
}

/**
 * Resolves `he` or `she` as the subject of a speech verb (`he added`) to the person last mentioned
 * before it outside quotations.
 */
export function findSpeakerPronouns(text: string, tokens: readonly Token[], candidates: readonly Candidate[], quotations: readonly Quotation[]): Candidate[] {
  const quoted = new SpanIndex(quotations);
  const lastPersonBy = lastEndingBy(candidates.filter((c) => c.type === 'PERSON' && !quoted.containsSpan(c)).sort((a, b) => a.start - b.start));
  const out: Candidate[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.end - t.start > LONGEST_PRONOUN || !pronouns.has(text.slice(t.start, t.end).toLowerCase())) continue;
    const next = tokens[i + 1]!;
    if (!speechVerbs.has(text.slice(next.start, next.end).toLowerCase())) continue;
    const antecedent = lastPersonBy(t.start);
    if (antecedent) out.push({ ...antecedent, start: t.start, end: t.end, text: text.slice(t.start, t.end), kind: 'pronoun', canonical: null, rule: 'speaker-pronoun' });
  }
  return out;
}
