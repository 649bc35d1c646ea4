import { describe, expect, it } from 'vitest';
import { WiregraphError } from '../errors.js';
import { decodeText } from './decode.js';

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
