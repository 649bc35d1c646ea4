import type { Quotation, Token } from '../../article/layers.js';
import type { Candidate } from './candidate.js';
import { COUNTRY_NOUNS, PERSON_PRONOUNS, SPEECH_VERBS } from './locale/en.js';

const countryNouns = new Set<string>(COUNTRY_NOUNS);
const speechVerbs = new Set<string>(SPEECH_VERBS);
const pronouns = new Set<string>(PERSON_PRONOUNS);

/**
 * Gives a one-word person mention (`Kim`, `Putin`) the key of the full name it shortens (`Kim Jong Un`):
 * the nearest earlier full name whose first or last word it is, else a later one.
 */
export function resolveShortNames(candidates: readonly Candidate[]): Candidate[] {
  const full = candidates.filter((c) => c.type === 'PERSON' && c.text.includes(' '));
  return candidates.map((c) => {
    if (c.type !== 'PERSON' || c.text.includes(' ')) return c;
    const matches = full.filter((f) => {
      const words = f.text.split(/\s+/u);
      return words[0] === c.text || words.at(-1) === c.text;
    });
    const target = matches.filter((f) => f.start < c.start).at(-1) ?? matches[0];
    return target ? { ...c, key: target.key, links: target.links, rule: 'short-name' } : c;
  });
}

/**
 * Finds descriptions that refer back to a person by the role the article gave them
 * (`The North Korean leader` after `North Korean leader Kim Jong Un`).
 */
export function findRoleNominals(text: string, roles: ReadonlyMap<string, { role: string; after: number; anchor: Candidate }>, taken: (start: number, end: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const { role, after, anchor } of roles.values()) {
    const pattern = new RegExp(`\\b[Tt]he ${role.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\b`, 'gu');
    for (const m of text.slice(after).matchAll(pattern)) {
      const start = after + m.index;
      const end = start + m[0].length;
      if (taken(start, end)) continue;
      out.push({ ...anchor, start, end, text: m[0], kind: 'nominal', rule: 'role-nominal' });
    }
  }
  return out;
}

/**
 * Finds `the country`, `the reclusive state` and the like, and gives each the country mentioned last
 * before it. A compound (`the state media`) is not one.
 */
export function findCountryNominals(text: string, tokens: readonly Token[], candidates: readonly Candidate[]): Candidate[] {
  const countries = candidates.filter((c) => c.type === 'GPE').sort((a, b) => a.start - b.start);
  const word = (i: number): string => (tokens[i] ? text.slice(tokens[i]!.start, tokens[i]!.end) : '');
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (word(i).toLowerCase() !== 'the') continue;
    const withAdjective = /^\p{Ll}+$/u.test(word(i + 1)) && countryNouns.has(word(i + 2));
    const head = countryNouns.has(word(i + 1)) ? i + 1 : withAdjective ? i + 2 : -1;
    if (head < 0 || /^\p{Ll}/u.test(word(head + 1))) continue;
    const antecedent = countries.filter((c) => c.end <= tokens[i]!.start).at(-1);
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
  const outsideQuotes = (c: Candidate): boolean => !quotations.some((q) => c.start >= q.start && c.end <= q.end);
  const people = candidates.filter((c) => c.type === 'PERSON' && outsideQuotes(c)).sort((a, b) => a.start - b.start);
  const out: Candidate[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if (!pronouns.has(text.slice(t.start, t.end).toLowerCase())) continue;
    const next = tokens[i + 1]!;
    if (!speechVerbs.has(text.slice(next.start, next.end).toLowerCase())) continue;
    const antecedent = people.filter((p) => p.end <= t.start).at(-1);
    if (antecedent) out.push({ ...antecedent, start: t.start, end: t.end, text: text.slice(t.start, t.end), kind: 'pronoun', canonical: null, rule: 'speaker-pronoun' });
  }
  return out;
}
