/**
 * Article text made safe to print: stored text comes from the web, and an escape sequence in it (clear the
 * screen, set the title, a hyperlink, colours) would be obeyed by the terminal that prints it.
 */

// Note: C0 controls but tab and newline, DEL, the C1 controls (U+009B is CSI on its own), and the bidi
// embeddings, overrides and isolates that can make a line display in another order than it reads.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;
const UNSAFE_IN_JSON = /[\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/gu;

/**
 * Text for a terminal: each C0 control (but tab and newline) shown as its control picture (ESC as `␛`),
 * DEL as `␡`, and each C1 control or bidi control as U+FFFD.
 */
export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\uFFFD';
  });
}

/**
 * A JSON text with the characters a terminal could act on written as `\u` escapes: `JSON.stringify` escapes
 * the C0 controls but leaves DEL, the C1 controls and the bidi controls as they are. The value is unchanged
 * (they can stand only inside strings, where an escape means the same character).
 */
export function jsonForTerminal(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
