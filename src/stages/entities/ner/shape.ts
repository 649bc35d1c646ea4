/** A word's shape with runs collapsed: `Kim` -> `Xx`, `KCNA` -> `X`, `2025` -> `d`, `U.S.` -> `X.X.`, `F-35` -> `X-d`. */
export function shortShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
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
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    run = c === last ? run + 1 : 1;
    if (run <= 4) out += c;
    last = c;
  }
  return out;
}
