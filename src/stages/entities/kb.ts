import { decodeKbFile, type PeopleLookup } from './kb-file.js';
import type { KbCity, KbCountry, KbFile, KbOrg, KbPerson } from './kb-types.js';
import { normaliseName } from '../../text/normalise.js';

/** The knowledge base with lookup indexes by normalised name. */
export interface KnowledgeBase {
  readonly countryByName: ReadonlyMap<string, KbCountry>;
  readonly countryByDemonym: ReadonlyMap<string, KbCountry>;
  readonly countryByIso: ReadonlyMap<string, KbCountry>;
  /** By normalised full name; read lazily (see kb-file.ts). */
  readonly personByName: PeopleLookup;
  readonly orgByName: ReadonlyMap<string, KbOrg>;
  readonly cityByName: ReadonlyMap<string, KbCity>;
  readonly gazetteer: KbFile['gazetteer'];
}

/**
 * Reads the knowledge base from the bytes of `data/kb.bin` and indexes it. Earlier entries win when two share a name.
 * @throws WiregraphError `WG_MODEL_FORMAT` when the file is not a knowledge base this version reads
 */
export function decodeKnowledgeBase(bytes: Uint8Array, name = 'kb.bin'): KnowledgeBase {
  const { rest: kb, people } = decodeKbFile(bytes, name);
  const index = <T>(items: readonly T[], names: (item: T) => readonly string[]): Map<string, T> => {
    const map = new Map<string, T>();
    for (const item of items) {
      for (const n of names(item)) {
        const key = normaliseName(n);
        if (!map.has(key)) map.set(key, item);
      }
    }
    return map;
  };
  const demonyms = new Map<string, KbCountry>();
  for (const c of kb.countries) for (const d of c.demonyms) {
    for (const form of [d, `${d}s`]) {
      const key = normaliseName(form);
      if (!demonyms.has(key)) demonyms.set(key, c);
    }
  }
  return {
    countryByName: index(kb.countries, (c) => c.names),
    countryByDemonym: demonyms,
    countryByIso: new Map(kb.countries.map((c) => [c.iso3, c])),
    personByName: people,
    orgByName: index(kb.orgs, (o) => o.names),
    cityByName: index([...kb.cities].sort((a, b) => Number(b.capital) - Number(a.capital)), (c) => [c.name]),
    gazetteer: kb.gazetteer,
  };
}

/**
 * The CAMEO code a person holds on a date: the dated code whose range contains it (government codes
 * first); for someone who held office before but not on that date, `ELI` (elite) of their country.
 */
export function cameoOn(person: KbPerson, date: string | null): string | null {
  if (person.codes.length === 0) return person.country;
  if (!date) return person.codes.find((c) => c.to === null)?.code ?? person.codes[0]!.code;
  const day = date.slice(0, 10);
  const current = person.codes
    .filter((c) => (c.from === null || c.from <= day) && (c.to === null || day <= c.to))
    .sort((a, b) => Number(b.code.endsWith('GOV')) - Number(a.code.endsWith('GOV')));
  if (current[0]) return current[0].code;
  return person.country ? `${person.country}ELI` : null;
}
