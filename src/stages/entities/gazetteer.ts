/** Gazetteer phrases per coarse type, lower-cased, words separated by single spaces. */
export type GazetteerLists = Readonly<Record<string, readonly string[]>>;

/** True when a word starts with an upper-case letter or a digit (ASCII told without a regular expression). */
function startsUpperOrDigit(w: string): boolean {
  const c = w.charCodeAt(0);
  return c < 128 ? (c >= 65 && c <= 90) || (c >= 48 && c <= 57) : /^[\p{Lu}\p{N}]/u.test(w);
}

/**
 * Builds the gazetteer feature function: for each token, the tags of every list phrase covering it, as
 * `TYPE-U`, `TYPE-B`, `TYPE-I` or `TYPE-L` (unit, begin, inside, last).
 */
export function gazetteerTagger(lists: GazetteerLists): (words: readonly string[], lower?: readonly string[]) => Array<string[] | undefined> {
  // Note: each phrase's types as a bit set over the lists' types, in the lists' order; a Map of arrays of 60,000
  // phrases cost a cold start 60 ms and 4 MB more.
  const types = Object.keys(lists);
  const phrases = new Map<string, number>();
  // Note: the longest phrase starting with each first word bounds the lookups at a token.
  const longestFrom = new Map<string, number>();
  types.forEach((type, t) => {
    for (const phrase of lists[type]!) {
      phrases.set(phrase, (phrases.get(phrase) ?? 0) | (1 << t));
      const space = phrase.indexOf(' ');
      const first = space < 0 ? phrase : phrase.slice(0, space);
      let words = 1;
      for (let k = space; k >= 0; k = phrase.indexOf(' ', k + 1)) words++;
      if ((longestFrom.get(first) ?? 0) < words) longestFrom.set(first, words);
    }
  });
  const tag = (suffix: string): string[] => types.map((type) => `${type}-${suffix}`);
  const [unit, begin, inside, last] = [tag('U'), tag('B'), tag('I'), tag('L')] as [string[], string[], string[], string[]];
  return (words, given) => {
    const lower = given ?? words.map((w) => w.toLowerCase());
    // Note: a token without a tag has no array (most have none: an array each was the stage's commonest garbage).
    const tags = new Array<string[] | undefined>(words.length);
    const push = (k: number, tag: string): void => {
      (tags[k] ??= []).push(tag);
    };
    for (let i = 0; i < words.length; i++) {
      // Note: the first character before the phrase table: most tokens are lower-case words, passed over without a look-up.
      if (!startsUpperOrDigit(words[i]!)) continue;
      const longest = longestFrom.get(lower[i]!);
      if (longest === undefined) continue;
      let phrase = '';
      for (let n = 1; n <= longest && i + n <= words.length; n++) {
        phrase = n === 1 ? lower[i]! : `${phrase} ${lower[i + n - 1]}`;
        const found = phrases.get(phrase);
        if (found === undefined) continue;
        for (let t = 0; t < types.length; t++) {
          if (!(found & (1 << t))) continue;
          if (n === 1) push(i, unit[t]!);
          else {
            push(i, begin[t]!);
            for (let k = i + 1; k < i + n - 1; k++) push(k, inside[t]!);
            push(i + n - 1, last[t]!);
          }
        }
      }
    }
    return tags;
  };
}
