import { WiregraphError } from '../errors.js';

/**
 * The models' binary file format, `wiregraph-weights`, and the table it loads into.
 *
 * Layout (little-endian): the magic `WGWEIGHT`, the format version (u32), the header's length (u32) and the
 * header (UTF-8 JSON: model format, labels, scale, counts, extras), padded to 4 bytes; then `offsets`
 * (u32 × features + 1, where each feature name starts in the name string), `starts` (u32 × features + 1,
 * where each feature's weights start), `values` (i16 × pairs, the quantised weights), `labels` (u8 × pairs,
 * the label of each weight) and the feature names, UTF-8, one after the other.
 *
 * Loading reads these arrays in place: no string per feature, no object per weight. A feature's dense row is
 * made the first time it is asked for, as `value * scale`, exactly as the JSON files were read before.
 */

/** The version of the binary layout this code reads and writes. */
export const WEIGHT_FORMAT_VERSION = 1;
const MAGIC = 'WGWEIGHT';

/** What a model file says about itself. */
export interface WeightHeader {
  /** The model's own format, e.g. `wiregraph-ner/2`. */
  readonly format: string;
  readonly generatedBy: string;
  readonly labels: readonly string[];
  /** Weights are integers; multiply by this to get them back. */
  readonly scale: number;
  /** 32: rows are Float32Array; 64: Float64Array. */
  readonly precision: 32 | 64;
  readonly features: number;
  readonly pairs: number;
  /** Model-specific data (the recogniser's lower-case words, the tagger's unambiguous words). */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** The input of {@link encodeWeights}: the quantised weights a trainer or the JSON files hold. */
export interface WeightSource extends Omit<WeightHeader, 'features' | 'pairs'> {
  /** feature -> [label index, integer weight, label index, integer weight, ...] */
  readonly weights: Readonly<Record<string, readonly number[]>>;
}

type Row = Float32Array | Float64Array;

/** Rows per block of dense weights. */
const ROW_BLOCK = 256;

/** Writes a model file. */
export function encodeWeights(source: WeightSource): Buffer {
  const names = Object.keys(source.weights);
  const pairs = names.reduce((n, f) => n + source.weights[f]!.length / 2, 0);
  const header: WeightHeader = { format: source.format, generatedBy: source.generatedBy, labels: source.labels, scale: source.scale, precision: source.precision, features: names.length, pairs, extra: source.extra };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerEnd = align4(16 + headerBytes.length);
  const offsets = new Uint32Array(names.length + 1);
  const starts = new Uint32Array(names.length + 1);
  const values = new Int16Array(pairs);
  const labels = new Uint8Array(pairs);
  let text = 0;
  let p = 0;
  names.forEach((name, i) => {
    offsets[i] = text;
    starts[i] = p;
    text += name.length;
    const list = source.weights[name]!;
    for (let k = 0; k < list.length; k += 2) {
      if (!Number.isInteger(list[k + 1]) || Math.abs(list[k + 1]!) > 32767) throw new Error(`encodeWeights: the weight of ${name} is not a 16-bit integer`);
      labels[p] = list[k]!;
      values[p++] = list[k + 1]!;
    }
  });
  offsets[names.length] = text;
  starts[names.length] = p;
  const head = Buffer.alloc(headerEnd);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(WEIGHT_FORMAT_VERSION, 8);
  head.writeUInt32LE(headerBytes.length, 12);
  headerBytes.copy(head, 16);
  const joined = names.join('');
  const tail = Buffer.from(joined, 'utf8');
  if (tail.toString('utf8') !== joined) throw new Error('encodeWeights: a feature name is not well-formed UTF-16 (a lone surrogate)');
  const padded = (bytes: Buffer): Buffer[] => [bytes, Buffer.alloc(align4(bytes.length) - bytes.length)];
  return Buffer.concat([head, Buffer.from(offsets.buffer), Buffer.from(starts.buffer), ...padded(Buffer.from(values.buffer)), ...padded(Buffer.from(labels.buffer)), tail]);
}

/**
 * Reads a model file.
 * @param expected - the model format the caller reads (`wiregraph-ner/2`, say)
 * @throws WiregraphError `WG_MODEL_FORMAT` when the file is not a weights file, has another layout version, or holds another model
 */
export function decodeWeights(bytes: Uint8Array, expected: string, name: string): { header: WeightHeader; table: WeightTable<Row> } {
  const { header, parts } = decodeWeightParts(bytes, expected, name);
  return { header, table: new WeightTable(parts) };
}

/**
 * Reads a weights file's header and sparse parts without indexing its names (see {@link decodeWeights}), for a
 * model that builds tables of its own and never looks a feature up by name (the parser).
 * @throws WiregraphError `WG_MODEL_FORMAT` as {@link decodeWeights}
 */
export function decodeWeightParts(bytes: Uint8Array, expected: string, name: string): { header: WeightHeader; parts: TableParts } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 16 || buf.toString('latin1', 0, 8) !== MAGIC) {
    throw new WiregraphError('WG_MODEL_FORMAT', `${name} is not a wiregraph weights file; run the script named in data/models/README or reinstall.`);
  }
  const version = buf.readUInt32LE(8);
  if (version !== WEIGHT_FORMAT_VERSION) {
    throw new WiregraphError('WG_MODEL_FORMAT', `${name} has weights format version ${version}; this version of wiregraph reads version ${WEIGHT_FORMAT_VERSION}. Rebuild it (npm run convert:models) or use the matching wiregraph.`);
  }
  const headerLength = buf.readUInt32LE(12);
  const header = JSON.parse(buf.toString('utf8', 16, 16 + headerLength)) as WeightHeader;
  if (header.format !== expected) throw new WiregraphError('WG_MODEL_FORMAT', `${name} holds a ${header.format} model; expected ${expected}.`);
  // Note: typed arrays need 4-byte alignment; a file read in one go starts at offset 0, a slice may not.
  const aligned = buf.byteOffset % 4 === 0 ? buf : Buffer.from(buf);
  let at = aligned.byteOffset + align4(16 + headerLength);
  const take = <T>(make: (b: ArrayBufferLike, at: number, n: number) => T, n: number, size: number): T => {
    const out = make(aligned.buffer, at, n);
    at += align4(n * size);
    return out;
  };
  const offsets = take((b, o, n) => new Uint32Array(b, o, n), header.features + 1, 4);
  const starts = take((b, o, n) => new Uint32Array(b, o, n), header.features + 1, 4);
  const values = take((b, o, n) => new Int16Array(b, o, n), header.pairs, 2);
  const labels = take((b, o, n) => new Uint8Array(b, o, n), header.pairs, 1);
  const names = aligned.toString('utf8', at - aligned.byteOffset);
  if (names.length !== offsets[header.features]) throw new WiregraphError('WG_MODEL_FORMAT', `${name} is truncated or damaged (feature names do not add up).`);
  return { header, parts: { names, offsets, starts, values, labels, scale: header.scale, width: header.labels.length, precision: header.precision } };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** A weights file's features as stored: names in one string, each feature's (label, value) pairs from `starts`. */
export interface TableParts {
  readonly names: string;
  readonly offsets: Uint32Array;
  readonly starts: Uint32Array;
  readonly values: Int16Array;
  readonly labels: Uint8Array;
  readonly scale: number;
  readonly width: number;
  readonly precision: 32 | 64;
}

/**
 * Feature weights read from a model file, as a read-only map from feature name to one weight per label.
 * Names are found through an open-addressing hash over the one name string; rows are made on first use.
 */
export class WeightTable<T extends Row> implements ReadonlyMap<string, T> {
  readonly #p: TableParts;
  readonly #slots: Int32Array;
  readonly #rows: Array<T | undefined>;
  /** Rows by block of {@link ROW_BLOCK}, each block made when one of its rows is first asked for. */
  readonly #blocks: Array<T | undefined>;

  constructor(parts: TableParts) {
    this.#p = parts;
    const n = parts.offsets.length - 1;
    let size = 1;
    while (size < n * 2) size <<= 1;
    this.#slots = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let i = 0; i < n; i++) {
      let h = hashRange(parts.names, parts.offsets[i]!, parts.offsets[i + 1]!) & mask;
      while (this.#slots[h] !== -1) h = (h + 1) & mask;
      this.#slots[h] = i;
    }
    this.#rows = new Array<T | undefined>(n);
    // Note: rows share a buffer per block: a typed array of its own per row costs a backing store each, and the
    // garbage collector's time; one buffer for every row (70 MB for the tagger) made V8 collect for external
    // memory pressure during every cold start, though a run touches a few thousand rows.
    this.#blocks = new Array<T | undefined>(Math.ceil(n / ROW_BLOCK));
  }

  get size(): number {
    return this.#p.offsets.length - 1;
  }

  get [Symbol.toStringTag](): string {
    return 'WeightTable';
  }

  /** The feature's index, or -1 when the model has no such feature. */
  indexOf(name: string): number {
    const { names, offsets } = this.#p;
    const mask = this.#slots.length - 1;
    for (let h = hashRange(name, 0, name.length) & mask; ; h = (h + 1) & mask) {
      const i = this.#slots[h]!;
      if (i === -1) return -1;
      if (offsets[i + 1]! - offsets[i]! === name.length && names.startsWith(name, offsets[i]!)) return i;
    }
  }

  /**
   * The index of the feature named by `a + b + c + d` (`'w-1w='`, `left`, `'|'`, `right`), or -1: the
   * name is hashed and compared part by part, so looking up a pair of words makes no string.
   */
  indexOfJoined(a: string, b: string, c = '', d = ''): number {
    const { names, offsets } = this.#p;
    const length = a.length + b.length + c.length + d.length;
    const h = hashInto(hashInto(hashInto(hashInto(FNV_OFFSET, a), b), c), d) >>> 0;
    const mask = this.#slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const i = this.#slots[slot]!;
      if (i === -1) return -1;
      const at = offsets[i]!;
      if (offsets[i + 1]! - at !== length) continue;
      if (names.startsWith(a, at) && names.startsWith(b, at + a.length) && names.startsWith(c, at + a.length + b.length) && names.startsWith(d, length - d.length + at)) return i;
    }
  }

  /** The name of feature `i`. */
  nameAt(i: number): string {
    return this.#p.names.slice(this.#p.offsets[i]!, this.#p.offsets[i + 1]!);
  }

  /** The dense weights of feature `i`, one per label. */
  row(i: number): T {
    let row = this.#rows[i];
    if (row === undefined) {
      const { starts, values, labels, scale, width, precision } = this.#p;
      const b = Math.floor(i / ROW_BLOCK);
      const dense = (this.#blocks[b] ??= (precision === 64 ? new Float64Array(ROW_BLOCK * width) : new Float32Array(ROW_BLOCK * width)) as T);
      const at = (i % ROW_BLOCK) * width;
      for (let p = starts[i]!; p < starts[i + 1]!; p++) dense[at + labels[p]!] = values[p]! * scale;
      this.#rows[i] = row = dense.subarray(at, at + width) as T;
    }
    return row;
  }

  get(name: string): T | undefined {
    const i = this.indexOf(name);
    return i < 0 ? undefined : this.row(i);
  }

  has(name: string): boolean {
    return this.indexOf(name) >= 0;
  }

  /** The indexes of the features whose names start with `prefix`, in file order, found without making a string for the others. */
  indexesWithPrefix(prefix: string): number[] {
    const { names, offsets } = this.#p;
    const out: number[] = [];
    for (let i = 0; i < this.size; i++) if (names.startsWith(prefix, offsets[i]!)) out.push(i);
    return out;
  }

  *entries(): IterableIterator<[string, T]> {
    for (let i = 0; i < this.size; i++) yield [this.nameAt(i), this.row(i)];
  }

  *keys(): IterableIterator<string> {
    for (let i = 0; i < this.size; i++) yield this.nameAt(i);
  }

  *values(): IterableIterator<T> {
    for (let i = 0; i < this.size; i++) yield this.row(i);
  }

  [Symbol.iterator](): IterableIterator<[string, T]> {
    return this.entries();
  }

  forEach(callback: (value: T, key: string, map: ReadonlyMap<string, T>) => void): void {
    for (const [k, v] of this.entries()) callback(v, k, this);
  }
}

/** The features of a map whose names start with `prefix`, in the map's order: through the table's scan when it is one. */
export function featuresWithPrefix<T>(weights: ReadonlyMap<string, T>, prefix: string): Array<[string, T]> {
  if (weights instanceof WeightTable) {
    const table = weights as WeightTable<Row>;
    return table.indexesWithPrefix(prefix).map((i) => [table.nameAt(i), table.row(i) as T]);
  }
  return [...weights].filter(([name]) => name.startsWith(prefix));
}

/** The names of a map's features that start with `prefix`, without making the others' names or rows. */
export function featureNamesWithPrefix(weights: ReadonlyMap<string, unknown>, prefix: string): string[] {
  if (weights instanceof WeightTable) {
    const table = weights as WeightTable<Row>;
    return table.indexesWithPrefix(prefix).map((i) => table.nameAt(i));
  }
  return [...weights.keys()].filter((name) => name.startsWith(prefix));
}

/**
 * The weights of the feature named by the parts put together, in any weight map: without making the name in a
 * model file's table ({@link WeightTable.indexOfJoined}), by the joined name in a plain map (a model in training).
 */
export function joinedFeature<T>(weights: ReadonlyMap<string, T>, a: string, b: string, c = '', d = ''): T | undefined {
  if (weights instanceof WeightTable) {
    const table = weights as WeightTable<Row>;
    const i = table.indexOfJoined(a, b, c, d);
    return i < 0 ? undefined : (table.row(i) as T);
  }
  return weights.get(a + b + c + d);
}

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over UTF-16 code units of `text`, continuing from state `h`. */
function hashInto(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** FNV-1a over UTF-16 code units of `text.slice(from, to)`. */
export function hashRange(text: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
