/**
 * A compact binary form of a fingerprint for a BLOB: a magic and version byte, then unsigned LEB128
 * varints (sketch and keys as gaps between ascending hashes, then the paragraph hashes, the opening hashes,
 * and from format 3 on the anchor count and anchor sketch). Format 2, written before anchors were kept, is
 * still read: its fingerprints have no anchors.
 */
import { WiregraphError } from '../errors.js';
import { keyOf, openingKey, type Fingerprint } from './fingerprint.js';

const MAGIC = 0x57; // 'W'
const VERSION = 3;
/** The format before anchors: read, never written. */
const WITHOUT_ANCHORS = 2;

/** Writes varints into a growing byte buffer. */
class Writer {
  private bytes = new Uint8Array(256);
  private length = 0;

  byte(b: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = b;
  }

  varint(value: number): void {
    let v = value >>> 0;
    while (v >= 0x80) {
      this.byte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.byte(v);
  }

  /** Ascending values as gaps. */
  ascending(values: ArrayLike<number>): void {
    this.varint(values.length);
    let previous = 0;
    for (let i = 0; i < values.length; i++) {
      this.varint(values[i]! - previous);
      previous = values[i]!;
    }
  }

  done(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Reads what {@link Writer} wrote; throws WG_FINGERPRINT past the end. */
class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  byte(): number {
    if (this.at >= this.bytes.length) throw broken('it ends early');
    return this.bytes[this.at++]!;
  }

  varint(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
    throw broken('a number is too long');
  }

  ascending(): Uint32Array {
    const count = this.varint();
    if (count > this.bytes.length) throw broken('a count is larger than the data');
    const values = new Uint32Array(count);
    let previous = 0;
    for (let i = 0; i < count; i++) {
      previous += this.varint();
      if (previous > 0xffffffff) throw broken('a hash is out of range');
      values[i] = previous;
    }
    return values;
  }

  get finished(): boolean {
    return this.at === this.bytes.length;
  }
}

function broken(why: string): WiregraphError {
  return new WiregraphError('WG_FINGERPRINT', `a stored fingerprint cannot be read (${why}); fingerprint the article again`);
}

/** The fingerprint as bytes (3 to 4 bytes per sketch hash, the keys as a count, up to 5 bytes per paragraph). */
export function encodeFingerprint(f: Fingerprint): Uint8Array {
  const w = new Writer();
  w.byte(MAGIC);
  w.byte(VERSION);
  w.varint(f.shingle);
  w.varint(f.shingles);
  w.ascending(f.sketch);
  // Note: opening keys are told from shingle keys by the openings themselves: a shingle key in base 36 can start with `p` too.
  const openingKeys = new Set(Array.from(f.openings, openingKey));
  const keys = Uint32Array.from(f.keys.filter((k) => !openingKeys.has(k)).map((k) => parseInt(k, 36))).sort();
  // Note: the keys are the sketch's smallest hashes, so a count stands for them; other keys are written out.
  if (keys.every((k, i) => f.sketch[i] === k)) w.varint(keys.length + 1);
  else {
    w.varint(0);
    w.ascending(keys);
  }
  w.varint(f.paragraphs.length);
  for (const p of f.paragraphs) w.varint(p);
  w.varint(f.openings.length);
  for (const p of f.openings) w.varint(p);
  // Note: a fingerprint decoded from format 2 has no anchors (null): a count of 0 says so, else the count is one more.
  if (f.anchors === null) w.varint(0);
  else {
    w.varint(f.anchorCount + 1);
    w.ascending(f.anchors);
  }
  return w.done();
}

/**
 * The fingerprint written by {@link encodeFingerprint}.
 * @throws WiregraphError WG_FINGERPRINT when the bytes are not a fingerprint of this format version
 */
export function decodeFingerprint(bytes: Uint8Array): Fingerprint {
  const r = new Reader(bytes);
  if (r.byte() !== MAGIC) throw broken('not a fingerprint');
  const version = r.byte();
  if (version !== VERSION && version !== WITHOUT_ANCHORS) throw broken(`format version ${version}, this program reads ${WITHOUT_ANCHORS} and ${VERSION}`);
  const shingle = r.varint();
  const shingles = r.varint();
  const sketch = r.ascending();
  const prefix = r.varint();
  if (prefix > sketch.length + 1) throw broken('more keys than sketch hashes');
  const sampled = Array.from(prefix > 0 ? sketch.subarray(0, prefix - 1) : r.ascending(), keyOf);
  const paragraphs = readHashes(r, bytes.length);
  const openings = readHashes(r, bytes.length);
  const counted = version === WITHOUT_ANCHORS ? 0 : r.varint();
  const anchorCount = Math.max(0, counted - 1);
  const anchors = counted === 0 ? null : r.ascending();
  if (anchors !== null && anchors.length > anchorCount) throw broken('more anchors than the text has');
  if (!r.finished) throw broken('bytes after the end');
  return { keys: [...sampled, ...Array.from(openings, openingKey)], sketch, shingles, paragraphs, shingle, openings, anchors, anchorCount };
}

/** A count, then that many varint hashes. */
function readHashes(r: Reader, limit: number): Uint32Array {
  const count = r.varint();
  if (count > limit) throw broken('a count is larger than the data');
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) hashes[i] = r.varint();
  return hashes;
}
