import { deflateRawSync, gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import { WiregraphError } from '../../errors.js';
import type { KbFile, KbPerson } from './kb-types.js';
import { normaliseName } from '../../text/normalise.js';

/**
 * The knowledge base's file format, `wiregraph-kb/2` (`data/kb.bin`, written by `scripts/build-kb.ts`).
 *
 * Layout: the magic `WGKNOWLD`, the layout version (u32, little-endian), the header's length (u32) and the
 * header (UTF-8 JSON: format, generatedBy, counts, section lengths); then three sections:
 * - `rest`: gzip of the JSON of everything but the people (countries, organisations, cities, gazetteer);
 * - `keys`: gzip of one line per person lookup key, `normalised full name TAB person index`, the first
 *   person of a name winning, as the index was built before;
 * - `blocks`: the people, {@link BLOCK_SIZE} to a block, each block raw-deflated JSON, after a table of u32
 *   block offsets.
 *
 * Note: the people are 76% of the knowledge base and an article looks up a handful of them, so they are read
 * a block at a time when first asked for; reading and indexing the whole JSON took 0.3 s of every cold start.
 */
export const KB_FORMAT = 'wiregraph-kb/2';
const MAGIC = 'WGKNOWLD';
const LAYOUT_VERSION = 1;
const BLOCK_SIZE = 128;

interface KbHeader {
  readonly format: string;
  readonly generatedBy: string;
  readonly people: number;
  readonly blockSize: number;
  readonly rest: number;
  readonly keys: number;
  readonly blocks: number;
}

/** Everything of the knowledge base but the people, read at once. */
export type KbRest = Omit<KbFile, 'people' | 'format'>;

/** The people, by lookup key, read lazily. */
export interface PeopleLookup {
  get(key: string): KbPerson | undefined;
  has(key: string): boolean;
  readonly size: number;
}

/** The lookup keys of a person: normalised full names (two words or more); "Kim" alone is resolved by coreference. */
export function personKeys(person: KbPerson): string[] {
  return person.names.filter((n) => n.includes(' ')).map(normaliseName);
}

/** Writes the knowledge-base file. */
export function encodeKbFile(kb: KbFile): Buffer {
  const { people, format: _format, ...rest } = kb;
  const keyLines: string[] = [];
  const seen = new Set<string>();
  people.forEach((p, i) => {
    for (const key of personKeys(p)) {
      if (seen.has(key) || key.includes('\t') || key.includes('\n')) continue;
      seen.add(key);
      keyLines.push(`${key}\t${i}`);
    }
  });
  const blocks: Buffer[] = [];
  for (let i = 0; i < people.length; i += BLOCK_SIZE) blocks.push(deflateRawSync(JSON.stringify(people.slice(i, i + BLOCK_SIZE)), { level: 9 }));
  const offsets = new Uint32Array(blocks.length + 1);
  blocks.forEach((b, i) => (offsets[i + 1] = offsets[i]! + b.length));
  const restBytes = gzipSync(JSON.stringify(rest), { level: 9 });
  const keyBytes = gzipSync(keyLines.join('\n'), { level: 9 });
  const blockBytes = Buffer.concat([Buffer.from(offsets.buffer), ...blocks]);
  const header: KbHeader = { format: KB_FORMAT, generatedBy: kb.generatedBy, people: people.length, blockSize: BLOCK_SIZE, rest: restBytes.length, keys: keyBytes.length, blocks: blocks.length };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prelude = Buffer.alloc(16);
  prelude.write(MAGIC, 0, 'latin1');
  prelude.writeUInt32LE(LAYOUT_VERSION, 8);
  prelude.writeUInt32LE(headerBytes.length, 12);
  return Buffer.concat([prelude, headerBytes, restBytes, keyBytes, blockBytes]);
}

/**
 * Reads the knowledge-base file: everything but the people at once, the people when first looked up.
 * @throws WiregraphError `WG_MODEL_FORMAT` when the file is not a knowledge base this version reads
 */
export function decodeKbFile(bytes: Uint8Array, name: string): { rest: KbRest; people: PeopleLookup; allPeople: () => KbPerson[] } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (why: string): never => {
    throw new WiregraphError('WG_MODEL_FORMAT', `${name} ${why}; run npm run build:kb or reinstall.`);
  };
  if (buf.length < 16 || buf.toString('latin1', 0, 8) !== MAGIC) fail('is not a wiregraph knowledge base');
  if (buf.readUInt32LE(8) !== LAYOUT_VERSION) fail(`has knowledge-base layout version ${buf.readUInt32LE(8)}; this version reads ${LAYOUT_VERSION}`);
  const headerEnd = 16 + buf.readUInt32LE(12);
  const header = JSON.parse(buf.toString('utf8', 16, headerEnd)) as KbHeader;
  if (header.format !== KB_FORMAT) fail(`holds a ${header.format} knowledge base, expected ${KB_FORMAT}`);
  const restEnd = headerEnd + header.rest;
  const keysEnd = restEnd + header.keys;
  const tableBytes = (header.blocks + 1) * 4;
  if (buf.length < keysEnd + tableBytes) fail('is truncated');
  const rest = { generatedBy: header.generatedBy, ...(JSON.parse(gunzipSync(buf.subarray(headerEnd, restEnd)).toString('utf8')) as Omit<KbRest, 'generatedBy'>) };
  const index = new Map<string, number>();
  for (const line of gunzipSync(buf.subarray(restEnd, keysEnd)).toString('utf8').split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab > 0) index.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  const table = Buffer.from(buf.subarray(keysEnd, keysEnd + tableBytes));
  const dataStart = keysEnd + tableBytes;
  const decoded = new Map<number, KbPerson[]>();
  const block = (b: number): KbPerson[] => {
    let people = decoded.get(b);
    if (!people) {
      const from = dataStart + table.readUInt32LE(b * 4);
      const to = dataStart + table.readUInt32LE(b * 4 + 4);
      if (to > buf.length || from > to) fail('is truncated');
      try {
        people = JSON.parse(inflateRawSync(buf.subarray(from, to)).toString('utf8')) as KbPerson[];
      } catch {
        return fail(`is damaged (people block ${b} does not read)`);
      }
      decoded.set(b, people);
    }
    return people;
  };
  const person = (i: number): KbPerson | undefined => block(Math.floor(i / header.blockSize))[i % header.blockSize];
  const people: PeopleLookup = {
    get: (key) => {
      const i = index.get(key);
      return i === undefined ? undefined : person(i);
    },
    has: (key) => index.has(key),
    size: header.people,
  };
  const allPeople = (): KbPerson[] => Array.from({ length: header.blocks }, (_, b) => block(b)).flat();
  return { rest, people, allPeople };
}

/** Reads the whole knowledge base as the builder wrote it (for scripts; stages use {@link decodeKbFile}'s lazy lookup). */
export function readKbFile(bytes: Uint8Array, name = 'kb.bin'): KbFile {
  const { rest, allPeople } = decodeKbFile(bytes, name);
  return { format: 'wiregraph-kb/1', ...rest, people: allPeople() };
}
