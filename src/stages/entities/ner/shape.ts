/** The shape class of one character: X upper, x lower, d digit, else the character itself. */
function shapeOf(ch: string): string {
  const code = ch.charCodeAt(0);
  // Note: an ASCII fast path; other characters go through the Unicode property tests.
  if (code < 128) return code >= 65 && code <= 90 ? 'X' : code >= 97 && code <= 122 ? 'x' : code >= 48 && code <= 57 ? 'd' : ch;
  return /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
}

/** A word's shape with runs collapsed: `Kim` -> `Xx`, `KCNA` -> `X`, `2025` -> `d`, `U.S.` -> `X.X.`, `F-35` -> `X-d`. */
export function shortShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = shapeOf(ch);
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** A word's shape keeping up to 4 of each run: `Kim` -> `Xxx`, `Pyongyang` -> `Xxxxx`. */
export function longShape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    const c = shapeOf(ch);
    run = c === last ? run + 1 : 1;
    if (run <= 4) out += c;
    last = c;
  }
  return out;
}
