import { gunzipSync, gzipSync } from 'node:zlib';
import { WiregraphError } from '../../errors.js';
import { decodeTables, encodeTables } from '../../pipeline/tables-file.js';
import { normaliseName } from '../../text/normalise.js';

/** What a gazetteer entry is: a country, a first-level region, a city or town, or a wider area (a continent). */
export type PlaceKind = 'country' | 'region' | 'city' | 'place';

/** One gazetteer entry as the build script writes it. */
export interface GazetteerRow {
  /** A Wikidata QID (`Q90`), `geonames:N`, `admin1:CC.CODE`, `iso:XXX` or `area:name`. */
  readonly id: string;
  readonly kind: PlaceKind;
  readonly name: string;
  /** Every name it goes by (the first is its name). */
  readonly names: readonly string[];
  readonly lat: number;
  readonly lon: number;
  /** ISO 3166 alpha-3; empty for an area. */
  readonly country: string;
  /** GeoNames' admin1 code within the country (`IL`, `08`); empty for a country. */
  readonly admin: string;
  readonly population: number;
  /** GeoNames' feature code (`PPLC`, `PPLA2`), `ADM1`, `PCLI` or `CONT`. */
  readonly feature: string;
}

/** The gazetteer's format, inside a `wiregraph-tables` file (src/pipeline/tables-file.ts), gzipped. */
export const GAZETTEER_FORMAT = 'wiregraph-gazetteer/1';
const KINDS: readonly PlaceKind[] = ['country', 'region', 'city', 'place'];
const SCALE = 1e4;

interface Fields {
  /** The byte lengths of the UTF-8 tables `names` and `keys`. */
  readonly namesBytes: number;
  readonly keysBytes: number;
  readonly ids: readonly string[];
  readonly countries: readonly string[];
  readonly admins: readonly string[];
  readonly features: readonly string[];
}

/**
 * Writes rows as a gzipped tables file: columns of 32-bit words (points in 1e-4 degrees, populations, kind,
 * country, admin and feature indexes, numeric ids) and, in the header, the names and the sorted lookup keys as
 * two joined strings with their offsets in tables. Note: the keys are normalised here and sorted, so loading
 * builds no map: a lookup is a binary search over the offsets.
 */
export function encodeGazetteer(rows: readonly GazetteerRow[], generatedBy: string): Buffer {
  const table = (values: Iterable<string>): { list: string[]; index: Map<string, number> } => {
    const list = [...new Set(values)];
    return { list, index: new Map(list.map((v, i) => [v, i])) };
  };
  const countries = table(rows.map((r) => r.country)), admins = table(rows.map((r) => r.admin)), features = table(rows.map((r) => r.feature));
  const ids = table(rows.map((r) => r.id).filter((id) => !/^(?:Q\d+|geonames:\d+)$/u.test(id)));
  const n = rows.length;
  const cols = { lat: new Int32Array(n), lon: new Int32Array(n), pop: new Int32Array(n), code: new Int32Array(n), admin: new Int32Array(n), id: new Int32Array(n), nameEnd: new Int32Array(n) };
  const postings = new Map<string, number[]>();
  let names = '';
  rows.forEach((r, i) => {
    cols.lat[i] = Math.round(r.lat * SCALE);
    cols.lon[i] = Math.round(r.lon * SCALE);
    cols.pop[i] = Math.min(r.population, 2 ** 31 - 1);
    cols.code[i] = KINDS.indexOf(r.kind) | (countries.index.get(r.country)! << 2) | (features.index.get(r.feature)! << 12);
    cols.admin[i] = admins.index.get(r.admin)!;
    // Note: a numeric id is stored as a number: GeoNames ids positive, QIDs negative; others index the ids list (from 1).
    cols.id[i] = r.id.startsWith('Q') && /^Q\d+$/u.test(r.id) ? -Number(r.id.slice(1)) : r.id.startsWith('geonames:') && /^geonames:\d+$/u.test(r.id) ? Number(r.id.slice(9)) : 0;
    if (cols.id[i] === 0) cols.admin[i] |= (ids.index.get(r.id)! + 1) << 16;
    names += r.name.replace(/\n/gu, ' ');
    cols.nameEnd[i] = names.length;
    for (const key of new Set(r.names.map(normaliseName).filter((k) => k !== '' && !k.includes('\n')))) {
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    }
  });
  const keys = [...postings.keys()].sort();
  const keyEnd = new Int32Array(keys.length), postEnd = new Int32Array(keys.length);
  const post: number[] = [];
  let joined = '';
  keys.forEach((k, i) => {
    joined += k;
    keyEnd[i] = joined.length;
    post.push(...postings.get(k)!);
    postEnd[i] = post.length;
  });
  const namesUtf8 = utf8Table(names), keysUtf8 = utf8Table(joined);
  const fields: Fields = { namesBytes: namesUtf8.bytes, keysBytes: keysUtf8.bytes, ids: ids.list, countries: countries.list, admins: admins.list, features: features.list };
  const tables = encodeTables({ format: GAZETTEER_FORMAT, generatedBy, fields: fields as unknown as Record<string, unknown> }, { ...cols, keyEnd, postEnd, post: Int32Array.from(post), names: namesUtf8.table, keys: keysUtf8.table });
  return gzipSync(tables, { level: 9 });
}

/** A string's UTF-8 bytes in 32-bit words (padded), for a tables file. Note: read back with one native decode, not a JSON parse. */
function utf8Table(text: string): { table: Int32Array; bytes: number } {
  const bytes = Buffer.from(text, 'utf8');
  const padded = Buffer.alloc(Math.ceil(bytes.length / 4) * 4);
  bytes.copy(padded);
  return { table: new Int32Array(padded.buffer, padded.byteOffset, padded.length / 4), bytes: bytes.length };
}

const utf8Of = (table: Int32Array, bytes: number): string => Buffer.from(table.buffer, table.byteOffset, bytes).toString('utf8');

/** The gazetteer in memory, read in place: entries by index, and the entries of a normalised name. */
export interface Gazetteer {
  readonly size: number;
  /** Entry indexes whose names normalise to `key` (see normaliseName), in the build's order. */
  lookup(key: string): readonly number[];
  id(i: number): string;
  kind(i: number): PlaceKind;
  name(i: number): string;
  lat(i: number): number;
  lon(i: number): number;
  /** ISO alpha-3, empty for an area. */
  country(i: number): string;
  admin(i: number): string;
  population(i: number): number;
  feature(i: number): string;
  /** The country entry of an ISO alpha-3 code. */
  countryEntry(iso3: string): number | undefined;
  /** The region entry of a country's admin1 code. */
  regionEntry(iso3: string, admin: string): number | undefined;
}

/**
 * Reads the gazetteer from the bytes of `data/geo/gazetteer.bin.gz`.
 * @throws WiregraphError `WG_MODEL_FORMAT` when the bytes are not a gazetteer this version reads
 */
export function decodeGazetteer(bytes: Uint8Array, name = 'geo/gazetteer.bin.gz'): Gazetteer {
  let raw: Uint8Array;
  try {
    raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  } catch (e) {
    throw new WiregraphError('WG_MODEL_FORMAT', `${name} cannot be unpacked (${(e as Error).message}); rebuild it with scripts/build-gazetteer.ts.`);
  }
  const { header, tables } = decodeTables(raw, GAZETTEER_FORMAT, name);
  const f = header.fields as unknown as Fields;
  const t = tables as Record<'lat' | 'lon' | 'pop' | 'code' | 'admin' | 'id' | 'nameEnd' | 'keyEnd' | 'postEnd' | 'post' | 'names' | 'keys', Int32Array>;
  const names = utf8Of(t.names, f.namesBytes), keys = utf8Of(t.keys, f.keysBytes);
  const size = t.lat.length;
  const search = keySearch(keys, t.keyEnd);
  const special = new Map<string, number>();
  // Note: countries, regions and areas come first in the file, so this scan stops at the first city.
  for (let i = 0; i < size && (t.code[i]! & 3) !== 2; i++) {
    const kind = KINDS[t.code[i]! & 3];
    const iso = f.countries[(t.code[i]! >> 2) & 1023]!;
    if (kind === 'country') special.set(iso, i);
    if (kind === 'region' && !special.has(`${iso}.${f.admins[t.admin[i]! & 0xffff]}`)) special.set(`${iso}.${f.admins[t.admin[i]! & 0xffff]}`, i);
  }
  return {
    size,
    lookup(key) {
      const k = search(key);
      return k < 0 ? [] : Array.from(t.post.subarray(k === 0 ? 0 : t.postEnd[k - 1]!, t.postEnd[k]!));
    },
    id(i) {
      const n = t.id[i]!;
      return n > 0 ? `geonames:${n}` : n < 0 ? `Q${-n}` : f.ids[(t.admin[i]! >>> 16) - 1]!;
    },
    kind: (i) => KINDS[t.code[i]! & 3]!,
    name: (i) => names.slice(i === 0 ? 0 : t.nameEnd[i - 1]!, t.nameEnd[i]!),
    lat: (i) => t.lat[i]! / SCALE,
    lon: (i) => t.lon[i]! / SCALE,
    country: (i) => f.countries[(t.code[i]! >> 2) & 1023]!,
    admin: (i) => f.admins[t.admin[i]! & 0xffff]!,
    population: (i) => t.pop[i]!,
    feature: (i) => f.features[t.code[i]! >>> 12]!,
    countryEntry: (iso3) => special.get(iso3),
    regionEntry: (iso3, admin) => special.get(`${iso3}.${admin}`),
  };
}

// Note: a prefix of two characters below 128 picks a row of this table (the keys are sorted, so each prefix's keys are contiguous).
const PREFIX_ROWS = 128 * 128;

/**
 * Finds a key's index among the sorted keys (`keys` joined, each ending at `keyEnd[k]`), or -1: a binary search
 * within the keys sharing its first two characters, comparing in place. Note: most names asked are not places,
 * and the search cost a string per probe when it sliced each key to compare it.
 */
export function keySearch(keys: string, keyEnd: Int32Array): (key: string) => number {
  const first = new Int32Array(PREFIX_ROWS).fill(-1), last = new Int32Array(PREFIX_ROWS).fill(-2);
  for (let k = 0; k < keyEnd.length; k++) {
    const from = k === 0 ? 0 : keyEnd[k - 1]!;
    const row = keyEnd[k]! - from >= 2 ? rowOf(keys.charCodeAt(from), keys.charCodeAt(from + 1)) : -1;
    if (row < 0) continue;
    if (first[row] === -1) first[row] = k;
    last[row] = k;
  }
  const compare = (k: number, key: string): number => {
    const from = k === 0 ? 0 : keyEnd[k - 1]!, length = keyEnd[k]! - from, n = Math.min(length, key.length);
    for (let i = 0; i < n; i++) {
      const d = keys.charCodeAt(from + i) - key.charCodeAt(i);
      if (d !== 0) return d;
    }
    return length - key.length;
  };
  return (key) => {
    const row = key.length >= 2 ? rowOf(key.charCodeAt(0), key.charCodeAt(1)) : -1;
    let lo = row < 0 ? 0 : first[row]!, hi = row < 0 ? keyEnd.length - 1 : last[row]!;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = compare(mid, key);
      if (d === 0) return mid;
      if (d < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
}

/** The prefix table's row of a key's first two code units, or -1 when either is not below 128. */
const rowOf = (a: number, b: number): number => (a < 128 && b < 128 ? a * 128 + b : -1);
