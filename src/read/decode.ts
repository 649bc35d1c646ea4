import { WiregraphError } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

// Note: Node's TextDecoder('windows-1252') decodes 0x80-0x9F as C1 controls, as Latin-1 does
// (seen on Node 20 here: the windows-1252 label decodes as Latin-1), so those 32 code points are mapped here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeCp1252(bytes: Uint8Array): string {
  return latin1.decode(bytes).replace(/[\u0080-\u009F]/gu, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/**
 * Turns raw bytes into text: strips a UTF-8 BOM, decodes UTF-8, falls back to Windows-1252 when the bytes
 * are not valid UTF-8, and normalises line ends to `\n`.
 * @param bytes - the input as read
 * @param input - the input's name, for errors
 * @throws WiregraphError `WG_EMPTY_INPUT` for no text, `WG_BINARY_INPUT` for bytes that are not text
 */
export function decodeText(bytes: Uint8Array, input: string): string {
  if (looksBinary(bytes)) {
    throw new WiregraphError('WG_BINARY_INPUT', `${input} looks like a binary file (it holds NUL or control bytes); give a text, HTML, feed or JSONL file.`, { input });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = decodeCp1252(bytes);
  }
  text = normaliseNewlines(text.replace(/^\uFEFF/u, ''));
  if (text.trim() === '') {
    throw new WiregraphError('WG_EMPTY_INPUT', `${input} is empty: there is no text to read.`, { input });
  }
  return text;
}

/** Replaces CRLF, lone CR and the Unicode line and paragraph separators with `\n`. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029\u0085]/gu, '\n');
}

/** True when the first 8 KiB hold a NUL byte or many control bytes that text never has. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.1;
}
