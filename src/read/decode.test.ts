import { describe, expect, it } from 'vitest';
import { WiregraphError } from '../errors.js';
import { createArticle } from '../article/article.js';
import { EMPTY_META } from '../article/meta.js';
import { decodeText, looksLikeCp1252, removeControls, withoutControls } from './decode.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('strips a UTF-8 byte order mark', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...utf8('Héllo')), 'x')).toBe('Héllo');
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    expect(decodeText(bytes(0x93, 0x4f, 0x6b, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9), 'x')).toBe('“Ok” café');
  });

  it('normalises CRLF and lone CR to LF', () => {
    expect(decodeText(utf8('a\r\nb\rc'), 'x')).toBe('a\nb\nc');
  });

  it('keeps non-breaking spaces in the text, whose offsets are output', () => {
    expect(decodeText(utf8('a\u00A0b'), 'x')).toBe('a\u00A0b');
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'WG_EMPTY_INPUT'],
    ['only whitespace', utf8(' \n\t\n'), 'WG_EMPTY_INPUT'],
    ['a NUL byte', bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00), 'WG_BINARY_INPUT'],
  ])('refuses %s with a coded error naming the input', (_name, input, code) => {
    try {
      decodeText(input, 'in.txt');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(WiregraphError);
      expect((e as WiregraphError).code).toBe(code);
      expect((e as WiregraphError).input).toBe('in.txt');
    }
  });
});

describe('decoding that loses nothing quietly', () => {
  it('keeps a UTF-8 file UTF-8 when one byte in it is invalid: accents and emoji survive, the bad byte is one U+FFFD', () => {
    const text = decodeText(bytes(...utf8('Zoë said 👋 to Ana '), 0xff, ...utf8(' in Paris 🇫🇷.')), 'x');
    expect(text).toBe('Zoë said 👋 to Ana \uFFFD in Paris 🇫🇷.');
  });

  it('still reads real Windows-1252 text as Windows-1252', () => {
    const cp1252 = bytes(...utf8('The caf'), 0xe9, ...utf8(' na'), 0xef, ...utf8('ve '), 0x96, ...utf8(' 5'), 0x80, ...utf8(' a '), 0x93, ...utf8('deal'), 0x94);
    expect(decodeText(cp1252, 'x')).toBe('The café naïve – 5€ a “deal”');
    expect(looksLikeCp1252(utf8('Zoë 👋'))).toBe(false);
  });

  it.each([
    ['LE', (s: string) => [0xff, 0xfe, ...[...s].flatMap((c) => { const u = c.charCodeAt(0); return [u & 0xff, u >> 8]; })]],
    ['BE', (s: string) => [0xfe, 0xff, ...[...s].flatMap((c) => { const u = c.charCodeAt(0); return [u >> 8, u & 0xff]; })]],
  ])('decodes UTF-16 %s with a byte order mark, NULs and all', (_order, encode) => {
    expect(decodeText(Uint8Array.from(encode('Zoë met Ana.\r\nThen left.')), 'x')).toBe('Zoë met Ana.\nThen left.');
  });
});

describe('removeControls and withoutControls', () => {
  it('removes bidi overrides, isolates and C0 controls but keeps tab, newline and the joiners of emoji', () => {
    const { text, runs } = removeControls('a\u202Eb\u202C\tc\u0007\u0007\nd 👨‍👩‍👧 \u2066e\u2069');
    expect(text).toBe('ab\tc\nd 👨‍👩‍👧 e');
    expect(runs.map((r) => [r.at, r.removed])).toEqual([[1, '\u202E'], [2, '\u202C'], [4, '\u0007\u0007'], [16, '\u2066'], [17, '\u2069']]);
  });

  it('says what it removed and where, and moves the dateline and notes with the text', () => {
    const text = 'SEOUL, Sept 13 (AFP) - Kim \u202Espoke\u202C.';
    const meta = { ...EMPTY_META, dateline: { place: 'SEOUL', region: null, date: null, credits: ['AFP'], originator: 'AFP', republisher: null, start: 0, end: 22 } };
    const note = { source: 'read', rule: 'test', text: 'spoke', start: 28, end: 33 };
    const cleaned = withoutControls(createArticle(text, meta, [note]));
    expect(cleaned.text).toBe('SEOUL, Sept 13 (AFP) - Kim spoke.');
    expect(cleaned.text.slice(cleaned.notes[0]!.start, cleaned.notes[0]!.end)).toBe('spoke');
    expect(cleaned.meta.dateline).toMatchObject({ start: 0, end: 22 });
    const removed = cleaned.notes.filter((n) => n.rule === 'control-removed');
    expect(removed.map((n) => [n.start, n.text])).toEqual([
      [27, 'removed U+202E RIGHT-TO-LEFT OVERRIDE from the text here'],
      [32, 'removed U+202C POP DIRECTIONAL FORMATTING from the text here'],
    ]);
  });

  it('leaves an article without controls as it is', () => {
    const article = createArticle('Plain text 👍.', EMPTY_META);
    expect(withoutControls(article)).toBe(article);
  });
});
