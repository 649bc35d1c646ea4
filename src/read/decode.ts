import { createArticle, type Article } from '../article/article.js';
import { WiregraphError } from '../errors.js';

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');
const latin1 = new TextDecoder('latin1');

// Note: Node's TextDecoder('windows-1252') decodes 0x80-0x9F as C1 controls, as Latin-1 does
// (seen on Node 20 here: the windows-1252 label decodes as Latin-1), so those 32 code points are mapped here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeCp1252(bytes: Uint8Array): string {
  return latin1.decode(bytes).replace(/[\u0080-\u009F]/gu, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/**
 * Turns raw bytes into text: UTF-16 (LE or BE) when a byte order mark says so, else UTF-8 with a U+FFFD
 * for each invalid sequence, falling back to Windows-1252 only when the bytes are clearly not UTF-8
 * (see {@link looksLikeCp1252}); strips the BOM and normalises line ends to `\n`.
 * @param bytes - the input as read
 * @param input - the input's name, for errors
 * @throws WiregraphError `WG_EMPTY_INPUT` for no text, `WG_BINARY_INPUT` for bytes that are not text
 */
export function decodeText(bytes: Uint8Array, input: string): string {
  if (!utf16Decoder(bytes) && looksBinary(bytes)) {
    throw new WiregraphError('WG_BINARY_INPUT', `${input} looks like a binary file (it holds NUL or control bytes); give a text, HTML, feed or JSONL file.`, { input });
  }
  const text = normaliseNewlines(decodeRaw(bytes));
  if (text.trim() === '') {
    throw new WiregraphError('WG_EMPTY_INPUT', `${input} is empty: there is no text to read.`, { input });
  }
  return text;
}

/**
 * Decodes bytes as {@link decodeText} does, without its checks and leaving line ends as they are: UTF-16
 * by its byte order mark (or an XML declaration written in UTF-16), else the encoding an XML declaration
 * names, else UTF-8 or Windows-1252 (see {@link decodeBytes}).
 */
export function decodeRaw(bytes: Uint8Array): string {
  const utf16 = utf16Decoder(bytes);
  if (utf16) return stripBom(utf16.decode(bytes));
  const declared = declaredDecoder(bytes);
  return stripBom(declared ? declared(bytes) : decodeBytes(bytes));
}

/** The UTF-16 decoder a byte order mark asks for, or the start of an XML declaration written in UTF-16 (`<?` as two-byte units); else null. */
export function utf16Decoder(bytes: Uint8Array): TextDecoder | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be;
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] === 0x3f && bytes[3] === 0) return utf16le;
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] === 0x3f) return utf16be;
  return null;
}

const XML_DECLARATION = /^(?:\xEF\xBB\xBF)?[ \t\r\n]*<\?xml[ \t\r\n][^>]*?encoding[ \t\r\n]*=[ \t\r\n]*["']([A-Za-z][\w.:-]*)["']/u;
// Note: the WHATWG Encoding standard reads all of these as Windows-1252.
const CP1252_LABELS: ReadonlySet<string> = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'windows-1252', 'cp1252', 'x-cp1252', 'cp819', 'ibm819', 'iso_8859-1']);

/** The encoding an XML declaration at the start names (`<?xml version="1.0" encoding="ISO-8859-1"?>`), lower-cased, else null. */
export function declaredXmlEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 256)).toString('latin1');
  return XML_DECLARATION.exec(head)?.[1]?.toLowerCase() ?? null;
}

/**
 * A decoder for the encoding an XML declaration names, or null to decode as usual: for no declaration,
 * UTF-8, a UTF-16 one the bytes do not bear out (no BOM), or an encoding this runtime does not know.
 */
function declaredDecoder(bytes: Uint8Array): ((bytes: Uint8Array) => string) | null {
  const label = declaredXmlEncoding(bytes);
  if (label === null || label === 'utf-8' || label === 'utf8' || label.startsWith('utf-16') || label === 'utf16') return null;
  if (CP1252_LABELS.has(label)) return decodeCp1252;
  try {
    const decoder = new TextDecoder(label);
    return (b) => decoder.decode(b);
  } catch {
    return null;
  }
}

/** Decodes UTF-8 (invalid sequences become U+FFFD), or Windows-1252 for bytes that are clearly not UTF-8. */
export function decodeBytes(bytes: Uint8Array): string {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return looksLikeCp1252(bytes) ? decodeCp1252(bytes) : utf8Lenient.decode(bytes);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * True when invalid UTF-8 sequences outnumber the valid multi-byte ones more than two to one: a
 * Windows-1252 text has high bytes that almost never form valid UTF-8, whereas a UTF-8 text with one
 * damaged byte still has its accents and emoji.
 */
export function looksLikeCp1252(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += length - 1;
    } else {
      invalid++;
    }
  }
  return invalid > 2 * valid;
}

/** Replaces CRLF, lone CR and the Unicode line and paragraph separators with `\n`. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029\u0085]/gu, '\n');
}

/** True when the first 8 KiB hold a NUL byte or many control bytes that text never has. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
}

// Note: bidi embeddings, overrides and isolates can make a text display in another order than it reads
// (the "Trojan Source" trick), and C0 controls other than tab and newline have no place in prose.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u202A-\u202E\u2066-\u2069]+/gu;
const BIDI_NAMES: Readonly<Record<number, string>> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
};
const MAX_CONTROL_NOTES = 20;

/** One run of removed characters: where it stood in the cleaned text, and what it was. */
export interface RemovedRun {
  /** The offset in the cleaned text where the run stood. */
  readonly at: number;
  readonly removed: string;
}

/**
 * Removes bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and C0 controls other
 * than tab and newline. Zero-width joiners, variation selectors and the like stay: emoji need them.
 * @returns the cleaned text and each removed run, positioned in the cleaned text
 */
export function removeControls(text: string): { text: string; runs: RemovedRun[] } {
  CONTROLS.lastIndex = 0;
  if (!CONTROLS.test(text)) return { text, runs: [] };
  const runs: RemovedRun[] = [];
  let removedBefore = 0;
  const cleaned = text.replace(CONTROLS, (run: string, offset: number) => {
    runs.push({ at: offset - removedBefore, removed: run });
    removedBefore += run.length;
    return '';
  });
  return { text: cleaned, runs };
}

/** Names a removed run for a reader message: `U+202E RIGHT-TO-LEFT OVERRIDE`, `U+0007, U+0007`. */
export function describeRun(run: string): string {
  return [...run].map((c) => {
    const code = c.codePointAt(0)!;
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return BIDI_NAMES[code] ? `${hex} ${BIDI_NAMES[code]}` : `${hex} (control)`;
  }).join(', ');
}

/**
 * Maps an offset in a text to the same place after {@link removeControls} took its runs out.
 * @param runs - the runs as {@link removeControls} returned them
 */
export function shiftOffset(offset: number, runs: readonly RemovedRun[]): number {
  let removed = 0;
  for (const run of runs) {
    if (run.at + removed >= offset) break;
    removed += Math.min(run.removed.length, offset - run.at - removed);
  }
  return offset - removed;
}

/** The reader messages for removed runs: one per run, at most {@link MAX_CONTROL_NOTES}, then a summary. */
export function controlNotes(runs: readonly RemovedRun[]): Array<{ source: 'read'; rule: string; text: string; start: number; end: number }> {
  const notes = runs.slice(0, MAX_CONTROL_NOTES).map((run) => ({
    source: 'read' as const, rule: 'control-removed', start: run.at, end: run.at,
    text: `removed ${describeRun(run.removed.slice(0, 8))}${run.removed.length > 8 ? ` and ${run.removed.length - 8} more` : ''} from the text here`,
  }));
  if (runs.length > MAX_CONTROL_NOTES) {
    const rest = runs.slice(MAX_CONTROL_NOTES);
    notes.push({ source: 'read', rule: 'control-removed', start: rest[0]!.at, end: rest[rest.length - 1]!.at, text: `removed ${rest.reduce((n, r) => n + r.removed.length, 0)} more control characters in ${rest.length} places from here on` });
  }
  return notes;
}

/**
 * Takes bidi controls and stray C0 controls out of an Article's text (see {@link removeControls}), moving
 * the reader's notes and the dateline with the text, and says in a note what was removed and where. Run
 * on a reader's Article before any stage, so that every span a stage makes is a span of the output text.
 * @throws WiregraphError `WG_EMPTY_INPUT` when nothing but spaces is left
 */
export function withoutControls(article: Article, input = 'the input'): Article {
  const { text, runs } = removeControls(article.text);
  if (runs.length === 0) return article;
  // Note: a text of nothing but controls and spaces has nothing left to read (the fuzzer found outputs with an empty text).
  if (text.trim() === '') throw new WiregraphError('WG_EMPTY_INPUT', `${input} holds only control characters and spaces: there is no text to read.`, { input });
  const shift = (o: number): number => shiftOffset(o, runs);
  const { meta } = article;
  const clean = (value: string | null): string | null => (value === null ? null : removeControls(value).text);
  const dateline = meta.dateline ? { ...meta.dateline, start: shift(meta.dateline.start), end: shift(meta.dateline.end) } : null;
  const notes = article.notes.map((n) => ({ ...n, start: shift(n.start), end: shift(n.end) }));
  return createArticle(text, { ...meta, headline: clean(meta.headline), outlet: clean(meta.outlet), authors: meta.authors.map((a) => removeControls(a).text), dateline }, [...notes, ...controlNotes(runs)]);
}
