/**
 * Builds the knowledge base, `data/kb.bin` (see src/stages/entities/kb-file.ts), from:
 * - ../shared/data/kb: countries with ISO codes and QIDs (owid-regions), heads of state and government with
 *   QIDs and dates (geografia-leaders, world-leaders-2021), international organisations (supraverden,
 *   CC BY-SA 4.0), capitals and cities (geografia-cities);
 * - ../shared/data/petrarch/dictionaries: Phoenix country, international and non-state actor dictionaries
 *   (names, synonyms, CAMEO codes and the dates of office holders, up to 2014);
 * - the `world-countries` package: country names, demonyms and capitals in English;
 * - data/lexicon/agencies.json: news agencies, kept by hand.
 * Later sources fill what earlier ones lack; Wikidata dates win for office holders, so the base is current
 * where Phoenix stops in 2014. Run: `npm run build:kb`, then `npm run train:ner` (the recogniser's
 * gazetteer features read this file).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import worldCountriesData from 'world-countries';
import { parse as parseYaml } from 'yaml';
import { packageRoot } from '../src/data-dir.js';
import { encodeKbFile } from '../src/stages/entities/kb-file.js';
import type { DatedCode, KbCity, KbCountry, KbFile, KbOrg, KbPerson } from '../src/stages/entities/kb-types.js';
import { normaliseName } from '../src/text/normalise.js';
import { readPhoenixActors } from './lib/phoenix.js';

const root = packageRoot();
const shared = process.env['WIREGRAPH_SHARED'] ?? join(root, '..', 'shared');
const kbDir = join(shared, 'data', 'kb');
const dictDir = join(shared, 'data', 'petrarch', 'dictionaries');

/** Parses a CSV with quoted fields. */
function csv(path: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = readFileSync(path, 'utf8');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  const [header, ...body] = rows;
  return body.filter((r) => r.length === header!.length).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

const titleCase = (s: string): string => s.toLowerCase().replace(/(^|[\s(-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
const uniq = (xs: Iterable<string>): string[] => [...new Set([...xs].map((x) => x.trim()).filter((x) => x !== ''))];
const isoDate = (s: string | undefined): string | null => (s && /^\d{4}-\d{2}-\d{2}/u.test(s) && !s.startsWith('0') ? s.slice(0, 10) : null);

// Countries: owid names and aliases, owid QIDs, world-countries names, demonyms and capitals, Phoenix synonyms.
const qidByIso = new Map(csv(join(kbDir, 'owid-regions', 'regions.codes.csv')).map((r) => [r['iso_alpha3']!, r['wikidata_code'] || null]));
interface WorldCountry {
  readonly cca3: string;
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings: readonly string[];
  readonly demonyms?: Readonly<Record<string, { readonly m: string; readonly f: string }>>;
  readonly capital: readonly string[];
}
const countriesPackage = worldCountriesData as unknown as readonly WorldCountry[];
const owid = (parseYaml(readFileSync(join(kbDir, 'owid-regions', 'regions.yml'), 'utf8')) as Array<{ code: string; name: string; aliases?: string[]; region_type?: string; is_historical?: boolean }>)
  .filter((r) => /^[A-Z]{3}$/u.test(r.code) && (r.region_type ?? 'country') === 'country' && !r.is_historical);
const capitalCities = new Map(csv(join(kbDir, 'geografia-cities', 'cities_all.csv')).filter((r) => r['is_capital'] === '1').map((r) => [r['iso3']!, r['city_qid'] || null]));
const phoenixCountries = readPhoenixActors(join(dictDir, 'Phoenix.Countries.actors.txt'));
// Note: Phoenix lists demonyms and capitals among a country's synonyms ("RUSSIAN", "WASHINGTON"); those are
// NORP and cities here, not names of the country.
const demonymSet = new Set(countriesPackage.flatMap((c) => [c.demonyms?.['eng']?.m ?? '', c.demonyms?.['eng']?.f ?? '']).filter(Boolean).flatMap((d) => [normaliseName(d), `${normaliseName(d)}s`]));
const capitalSet = new Set(countriesPackage.flatMap((c) => c.capital.map((x) => normaliseName(x).replace(/ dc$/u, ''))));
const isCountryName = (n: string): boolean => !demonymSet.has(normaliseName(n)) && !capitalSet.has(normaliseName(n));
const handAliases = (JSON.parse(readFileSync(join(root, 'data', 'lexicon', 'country-aliases.json'), 'utf8')) as { aliases: Record<string, string> }).aliases;
const countries: KbCountry[] = owid.map((r) => {
  const wc = countriesPackage.find((c) => c.cca3 === r.code);
  // Note: Phoenix codes every place in a country with the country's code (MOSCOW, VOLGA, VLADIMIR [RUS]); only the
  // country's own entry, whose head name is one of its known names, gives synonyms.
  const known = new Set([r.name, wc?.name.common ?? '', wc?.name.official ?? '', ...(wc?.altSpellings ?? [])].map(normaliseName));
  const phoenix = phoenixCountries.filter((e) => e.codes.length === 1 && e.codes[0]!.code === r.code && known.has(normaliseName(e.names[0]!)));
  // ...and that entry lists its cities and regions too: keep synonyms sharing a word with a known name, or abbreviations.
  const knownWords = new Set([...known].flatMap((n) => n.split(' ')).filter((w) => w.length > 3 && !['republic', 'democratic', 'peoples', 'people', 'federation', 'kingdom', 'united', 'state', 'states', 'islands'].includes(w)));
  const synonym = (n: string): boolean => normaliseName(n).split(' ').some((w) => knownWords.has(w)) || /^(?:[A-Z]\.){2,5}$/u.test(n);
  const capitalName = wc?.capital[0] ?? null;
  return {
    iso3: r.code,
    name: wc?.name.common ?? r.name,
    qid: qidByIso.get(r.code) ?? null,
    names: uniq([r.name, ...(r.aliases ?? []).filter((a) => !/[ÃÂ]/u.test(a)), wc?.name.common ?? '', wc?.name.official ?? '', ...(wc?.altSpellings ?? []).filter((a) => a.length > 2 && /^[\p{Script=Latin}\s.,'()-]+$/u.test(a)), ...Object.keys(handAliases).filter((a) => handAliases[a] === r.code), ...phoenix.flatMap((e) => e.names.filter(synonym).map((n) => (/^(?:[A-Z]\.){2,5}$/u.test(n) ? n : titleCase(n))))]).filter(isCountryName),
    demonyms: uniq([wc?.demonyms?.['eng']?.m ?? '', wc?.demonyms?.['eng']?.f ?? '']),
    capital: capitalName ? { name: capitalName, qid: capitalCities.get(r.code) ?? null } : null,
  };
});
const countryIsos = new Set(countries.map((c) => c.iso3));
const phoenixPlaces = phoenixCountries
  .filter((e) => e.codes.length === 1 && countryIsos.has(e.codes[0]!.code))
  .flatMap((e) => e.names.map(titleCase))
  .filter((n) => isCountryName(n) && !/\bstate$/iu.test(n));

// People: Wikidata heads of state and government (dates to 2025), then Phoenix office holders (to 2014).
const people = new Map<string, { name: string; qid: string | null; country: string | null; names: Set<string>; codes: DatedCode[] }>();
const englishLabel = new Map(csv(join(kbDir, 'world-leaders-2021', 'wikidata.csv')).map((r) => [r['officeholder']!.replace(/^.*\//u, ''), r['officeholderLabel']!]));
const byQid = new Map<string, string>();
for (const r of [...csv(join(kbDir, 'geografia-leaders', 'leaders_history.csv')), ...csv(join(kbDir, 'geografia-leaders', 'leaders_current.csv'))]) {
  const qid = r['person_qid'];
  if (!qid || !countryIsos.has(r['iso3']!)) continue;
  const name = englishLabel.get(qid) ?? r['person']!;
  const key = byQid.get(qid) ?? normaliseName(name);
  byQid.set(qid, key);
  const person = people.get(key) ?? { name, qid, country: r['iso3']!, names: new Set<string>(), codes: [] };
  person.names.add(name);
  const code = { code: `${r['iso3']}GOV`, from: isoDate(r['start']), to: isoDate(r['end']) };
  if (!person.codes.some((c) => c.code === code.code && c.from === code.from)) person.codes.push(code);
  people.set(key, person);
}
for (const entry of phoenixCountries.filter((e) => e.comment.includes('CountryInfo') && e.codes.some((c) => c.code.length > 3))) {
  const name = titleCase(entry.names[0]!);
  const key = normaliseName(name);
  const country = entry.codes.map((c) => c.code.slice(0, 3)).find((c) => countryIsos.has(c)) ?? null;
  const person = people.get(key) ?? { name, qid: null, country, names: new Set<string>(), codes: [] };
  for (const n of entry.names) if (n.split(' ').length >= 2 && !/^(PRESIDENT|PRIME|RUSSIAN|KING|QUEEN|GENERAL|MINISTER)\b/u.test(n)) person.names.add(titleCase(n));
  // Note: Wikidata's dated terms win over Phoenix's for the same office; Phoenix adds other offices and sectors.
  for (const c of entry.codes) if (!person.codes.some((p) => p.code === c.code && p.from === c.from)) person.codes.push(c);
  people.set(key, person);
}

// Organisations: agencies by hand, international bodies from supraverden with Phoenix CAMEO codes, armed groups from Phoenix.
const agencies = (JSON.parse(readFileSync(join(root, 'data', 'lexicon', 'agencies.json'), 'utf8')) as { agencies: Array<{ name: string; aliases: string[]; qid: string | null; country: string }> }).agencies;
const phoenixIntl = readPhoenixActors(join(dictDir, 'Phoenix.International.actors.txt'));
const intlCode = new Map<string, string>();
for (const e of phoenixIntl) {
  const code = e.codes.find((c) => c.to === null)?.code ?? e.codes[0]?.code;
  if (code) for (const n of e.names) intlCode.set(normaliseName(n), code);
}
const supra = parseYaml(readFileSync(join(kbDir, 'supraverden', 'general_list.yaml'), 'utf8')) as Record<string, Record<string, unknown>>;
const orgs: KbOrg[] = agencies.map((a) => ({ name: a.name, qid: a.qid, country: a.country, cameo: null, names: uniq([a.name, ...a.aliases]), kind: 'agency' }));
for (const [key, o] of Object.entries(supra)) {
  const names = uniq([key, String(o['Name_en'] ?? ''), String(o['Abbreviation_en'] ?? ''), String(o['Name_other_en'] ?? ''), String(o['Name_other_2_en'] ?? '')].filter((n) => n !== 'undefined'));
  const cameo = names.map((n) => intlCode.get(normaliseName(n))).find(Boolean) ?? null;
  const qid = typeof o['Wikidata_code'] === 'string' && /^Q\d+$/u.test(o['Wikidata_code']) ? o['Wikidata_code'] : null;
  orgs.push({ name: String(o['Name_en'] ?? key), qid, country: null, cameo, names, kind: 'igo' });
}
for (const e of readPhoenixActors(join(dictDir, 'Phoenix.MilNonState.actors.txt'))) {
  const code = e.codes[0]?.code ?? null;
  if (!code) continue;
  orgs.push({ name: titleCase(e.names[0]!), qid: null, country: countryIsos.has(code.slice(0, 3)) ? code.slice(0, 3) : null, cameo: code, names: uniq(e.names.map(titleCase)), kind: 'group' });
}

// Cities: capitals by their English names, other cities by their labels.
const cities: KbCity[] = [];
for (const c of countries) if (c.capital) cities.push({ name: c.capital.name, qid: c.capital.qid, iso3: c.iso3, capital: true });
for (const r of csv(join(kbDir, 'geografia-cities', 'cities_all.csv'))) {
  if (r['is_capital'] !== '1' && countryIsos.has(r['iso3']!)) cities.push({ name: r['city']!, qid: r['city_qid'] || null, iso3: r['iso3']!, capital: false });
}

// Note: each phrase also goes in with hyphens as spaces, as our tokenizer may split "Kim Jong-un" differently from the label.
const lower = (xs: Iterable<string>): string[] => uniq([...xs].flatMap((x) => {
  const l = x.toLowerCase().replace(/\s+/gu, ' ');
  return [l, l.replace(/-/gu, ' ')];
}));
const peopleList: KbPerson[] = [...people.values()].map((p) => ({ name: p.name, qid: p.qid, country: p.country, names: uniq([p.name, ...p.names]), codes: p.codes }));
const kb: KbFile = {
  format: 'wiregraph-kb/1',
  generatedBy: 'scripts/build-kb.ts from ../shared/data/kb, ../shared/data/petrarch/dictionaries, world-countries and data/lexicon/agencies.json. International organisations: supraverden, CC BY-SA 4.0.',
  countries,
  people: peopleList,
  orgs,
  cities,
  gazetteer: {
    // Note: Phoenix's places (cities, regions, rivers coded with a bare country code) are locations for the
    // recogniser, though not names of their country for linking; dropping them cost 0.01 F1 on testa.
    LOC: lower([...countries.flatMap((c) => c.names), ...cities.map((c) => c.name), ...phoenixPlaces]),
    MISC: lower(countries.flatMap((c) => c.demonyms)),
    ORG: lower(orgs.flatMap((o) => o.names)),
    PER: lower(peopleList.flatMap((p) => p.names.filter((n) => n.includes(' ')))),
  },
};
const bytes = encodeKbFile(kb);
writeFileSync(join(root, 'data', 'kb.bin'), bytes);
process.stdout.write(`data/kb.bin: ${countries.length} countries, ${peopleList.length} people, ${orgs.length} organisations, ${cities.length} cities; ${(bytes.length / 1048576).toFixed(2)} MiB\n`);
