import { WiregraphError } from '../errors.js';

/**
 * The binary file format `wiregraph-tables`: a model's ready-made 32-bit tables, read in place.
 *
 * Layout (little-endian): the magic `WGTABLES`, the layout version (u32), the header's length (u32) and the
 * header (UTF-8 JSON: the model's format, who made it, its own fields, and each table's name and length),
 * padded to 4 bytes; then each table's Int32 words, one after the other.
 *
 * Note: where a model's lookup tables are built at load (hash slots, say), building them costs more than the
 * arithmetic it serves in a short run: the parser spent 0.15 s of every cold start building its tables from a
 * weights file. This format stores the tables themselves, so loading makes one view per table and nothing else.
 */

/** The version of the layout this code reads and writes. */
export const TABLES_FORMAT_VERSION = 1;
const MAGIC = 'WGTABLES';

/** What a tables file says about itself, besides its tables. */
export interface TablesHeader {
  /** The model's own format, e.g. `wiregraph-parser/3`. */
  readonly format: string;
  readonly generatedBy: string;
  /** The model's own small fields (labels, scales, masks). */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Writes a tables file. */
export function encodeTables(header: TablesHeader, tables: Readonly<Record<string, Int32Array>>): Buffer {
  const lengths = Object.fromEntries(Object.entries(tables).map(([name, t]) => [name, t.length]));
  const headerBytes = Buffer.from(JSON.stringify({ ...header, tables: lengths }), 'utf8');
  const head = Buffer.alloc(align4(16 + headerBytes.length));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(TABLES_FORMAT_VERSION, 8);
  head.writeUInt32LE(headerBytes.length, 12);
  headerBytes.copy(head, 16);
  return Buffer.concat([head, ...Object.values(tables).map((t) => Buffer.from(t.buffer, t.byteOffset, t.byteLength))]);
}

/**
 * Reads a tables file: its header and a view of each table over the file's bytes (copied once when the bytes
 * are not 4-byte aligned).
 * @param expected - the model format the caller reads
 * @param name - the file's name, for messages
 * @throws WiregraphError `WG_MODEL_FORMAT` when the bytes are not a tables file, have another layout version, hold
 *   another model or are truncated
 */
export function decodeTables(bytes: Uint8Array, expected: string, name: string): { header: TablesHeader; tables: Record<string, Int32Array> } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 16 || buf.toString('latin1', 0, 8) !== MAGIC) {
    throw new WiregraphError('WG_MODEL_FORMAT', `${name} is not a ${expected} tables file; run the script named in data/README.md or reinstall.`);
  }
  const version = buf.readUInt32LE(8);
  if (version !== TABLES_FORMAT_VERSION) {
    throw new WiregraphError('WG_MODEL_FORMAT', `${name} has tables layout version ${version}; this version of wiregraph reads version ${TABLES_FORMAT_VERSION}. Rebuild it with the script named in data/README.md.`);
  }
  const headerLength = buf.readUInt32LE(12);
  const raw = JSON.parse(buf.toString('utf8', 16, 16 + headerLength)) as TablesHeader & { tables: Record<string, number> };
  if (raw.format !== expected) throw new WiregraphError('WG_MODEL_FORMAT', `${name} holds a ${raw.format} model; expected ${expected}.`);
  const aligned = buf.byteOffset % 4 === 0 ? buf : Buffer.from(buf);
  let at = align4(16 + headerLength);
  const tables: Record<string, Int32Array> = {};
  for (const [table, length] of Object.entries(raw.tables)) {
    if (at + length * 4 > aligned.length) throw new WiregraphError('WG_MODEL_FORMAT', `${name} is truncated (table ${table}).`);
    tables[table] = new Int32Array(aligned.buffer, aligned.byteOffset + at, length);
    at += length * 4;
  }
  if (at !== aligned.length) throw new WiregraphError('WG_MODEL_FORMAT', `${name} has ${aligned.length - at} bytes past its tables; it is damaged.`);
  return { header: { format: raw.format, generatedBy: raw.generatedBy, fields: raw.fields }, tables };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
