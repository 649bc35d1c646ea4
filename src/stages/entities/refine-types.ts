import type { Candidate } from './candidate.js';
import { NO_LINKS } from './candidate.js';
import { cameoOn, type KnowledgeBase } from './kb.js';
import type { KbCountry } from './kb-types.js';
import { HONORIFICS, LOCATIVE_PREPOSITIONS, ORGANISATION_HEADS, TITLE_WORDS } from './locale/en.js';
import { normaliseName } from '../../text/normalise.js';
import { organisationCore } from '../../text/org-name.js';
import type { RecognisedName } from './recognise-names.js';

const locative = new Set<string>(LOCATIVE_PREPOSITIONS);
const honorifics = new Set<string>(HONORIFICS);
const organisationHeads = new Set<string>(ORGANISATION_HEADS);
const titleWords = new Set<string>([...TITLE_WORDS, 'shadow']);
// Note: words that, just before a name, make it a person whatever the recogniser said (`American president Obama`).
const personCues = new Set<string>([...HONORIFICS, 'president', 'senator', 'sen', 'governor', 'gov', 'mayor', 'chancellor', 'premier', 'king', 'queen', 'prince', 'princess', 'pope']);

/**
 * Corrects what the recogniser often gets wrong in news: an honorific kept in a person's name (`Ms Hewitt`
 * becomes `Hewitt`, so it joins `Patricia Hewitt`), a company taken for a person (`Altria Group`), and a
 * bare title taken for a person (`Shadow Secretary`, dropped).
 * @returns the corrected name, or null to drop it
 */
export function correctName(text: string, name: RecognisedName): RecognisedName | null {
  const words = [...text.slice(name.start, name.end).matchAll(/\S+/gu)];
  const lower = words.map((w) => w[0].toLowerCase().replace(/\.$/u, ''));
  if (name.type === 'PER' && organisationHeads.has(lower.at(-1)!) && words.length > 1) return { ...name, type: 'ORG' };
  if (name.type === 'PER' && lower.every((w) => titleWords.has(w))) return null;
  if (name.type === 'PER' && words.length > 1 && honorifics.has(lower[0]!)) return { ...name, start: name.start + words[1]!.index };
  return name;
}

const country = (c: KbCountry, type: 'GPE' | 'NORP', rule: string): Pick<Candidate, 'type' | 'key' | 'canonical' | 'links' | 'rule'> => ({
  type,
  key: `${type === 'GPE' ? 'country' : 'norp'}:${c.iso3}`,
  canonical: type === 'GPE' ? c.name : null,
  links: { wikidata: type === 'GPE' ? c.qid : null, country: c.iso3, cameo: c.iso3 },
  rule,
});

/**
 * Types and links one recognised name:
 * - a country name is `GPE`; a demonym is `NORP` linked to its country;
 * - a capital that speaks, acts or is acted on (`Pyongyang will unveil`, `support for Pyongyang`) is its
 *   state (`GPE`); after a locative preposition (`a parade in Beijing`) it stays a place (`LOC`);
 * - people, organisations and cities are linked through the knowledge base; a person's CAMEO code is the
 *   one held on the article's date.
 * @param before - the lower-cased word just before the name
 */
export function refineName(text: string, name: RecognisedName, before: string, kb: KnowledgeBase, date: string | null): Candidate {
  const surface = text.slice(name.start, name.end);
  const norm = normaliseName(surface);
  const base = { start: name.start, end: name.end, text: surface, kind: 'name' as const };
  const embedded = name.type !== 'PER' ? personAtEnd(text, name, kb) : null;
  if (embedded) return refineName(text, embedded, '', kb, date);
  const words = surface.split(/\s+/u);
  if ((name.type === 'ORG' || name.type === 'MISC') && personCues.has(before.replace(/\.$/u, '')) && words.length <= 3 && !organisationHeads.has(words.at(-1)!.toLowerCase())) {
    const person = refineName(text, { ...name, type: 'PER' }, before, kb, date);
    // Note: the title decides the type against the recogniser's other guesses for the name in the document (see unifyTypes).
    return person.rule === 'person' ? { ...person, rule: 'person-title' } : person;
  }
  const asCountry = kb.countryByName.get(norm);
  const asDemonym = demonymCountry(kb, norm);
  if (name.type !== 'PER' && asCountry && name.type !== 'MISC') return { ...base, ...country(asCountry, 'GPE', 'country-name') };
  if (asDemonym && (name.type === 'MISC' || name.type === 'LOC')) return { ...base, ...country(asDemonym, 'NORP', 'demonym') };
  if (name.type === 'PER') {
    const person = kb.personByName.get(norm);
    return {
      ...base, type: 'PERSON', key: `person:${person?.qid ?? norm}`, canonical: null,
      links: person ? { wikidata: person.qid, country: person.country, cameo: cameoOn(person, date) } : NO_LINKS,
      rule: person ? 'person-kb' : 'person',
    };
  }
  if (name.type === 'LOC') {
    const city = kb.cityByName.get(norm);
    if (city?.capital && !locative.has(before)) {
      const state = kb.countryByIso.get(city.iso3);
      if (state) return { ...base, ...country(state, 'GPE', 'capital-metonymy') };
    }
    if (city) return { ...base, type: 'LOC', key: `city:${city.qid ?? norm}`, canonical: city.name, links: { wikidata: city.qid, country: city.iso3, cameo: null }, rule: 'city' };
    return { ...base, type: 'LOC', key: `place:${norm}`, canonical: null, links: NO_LINKS, rule: 'place' };
  }
  if (name.type === 'ORG') {
    const org = kb.orgByName.get(norm);
    if (org) return { ...base, type: 'ORG', key: `org:${org.qid ?? normaliseName(org.name)}`, canonical: org.name, links: { wikidata: org.qid, country: org.country, cameo: org.cameo }, rule: 'org-kb' };
    const home = countryInName(norm, kb);
    return { ...base, type: 'ORG', key: `org:${organisationCore(norm)}`, canonical: null, links: { wikidata: null, country: home, cameo: null }, rule: 'org' };
  }
  return { ...base, type: 'MISC', key: `misc:${norm}`, canonical: null, links: NO_LINKS, rule: 'misc' };
}

const demonymChoices = new WeakMap<KnowledgeBase, Map<string, KbCountry>>();

/**
 * The country of a demonym. Where several countries share one (`American`: the United States and the Northern
 * Mariana Islands; `Congolese`), the one the knowledge base knows by most names, the better-known one.
 */
export function demonymCountry(kb: KnowledgeBase, norm: string): KbCountry | undefined {
  let choices = demonymChoices.get(kb);
  if (!choices) {
    choices = new Map();
    for (const c of kb.countryByIso.values()) {
      for (const d of c.demonyms) {
        for (const form of [normaliseName(d), normaliseName(`${d}s`)]) {
          const held = choices.get(form);
          if (!held || c.names.length > held.names.length) choices.set(form, c);
        }
      }
    }
    demonymChoices.set(kb, choices);
  }
  return choices.get(norm) ?? kb.countryByDemonym.get(norm);
}

/**
 * A known person's name at the end of a longer name (`US President Donald Trump` taken whole as an
 * organisation), or the whole name (`George W Bush` taken for an organisation): the person part, as a person.
 */
function personAtEnd(text: string, name: RecognisedName, kb: KnowledgeBase): RecognisedName | null {
  const surface = text.slice(name.start, name.end);
  const words = [...surface.matchAll(/\S+/gu)];
  for (let n = Math.min(4, words.length); n >= 2; n--) {
    const first = words[words.length - n]!;
    if (kb.personByName.has(normaliseName(surface.slice(first.index)))) return { start: name.start + first.index, end: name.end, type: 'PER' };
  }
  return null;
}

/** The country an organisation's name contains (`Korea Institute for National Unification` -> KOR), if exactly one. */
function countryInName(norm: string, kb: KnowledgeBase): string | null {
  const words = norm.split(' ');
  const found = new Set<string>();
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const phrase = words.slice(i, i + n).join(' ');
      const c = kb.countryByName.get(phrase) ?? kb.countryByDemonym.get(phrase);
      if (c) found.add(c.iso3);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}
