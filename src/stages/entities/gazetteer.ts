/** Gazetteer phrases per coarse type, lower-cased, words separated by single spaces. */
export type GazetteerLists = Readonly<Record<string, readonly string[]>>;

/**
 * Builds the gazetteer feature function: for each token, the tags of every list phrase covering it, as
 * `TYPE-U`, `TYPE-B`, `TYPE-I` or `TYPE-L` (unit, begin, inside, last).
 */
export function gazetteerTagger(lists: GazetteerLists): (words: readonly string[], lower?: readonly string[]) => string[][] {
  const phrases = new Map<string, string[]>();
  // Note: the longest phrase starting with each first word bounds the lookups at a token.
  const longestFrom = new Map<string, number>();
  for (const [type, list] of Object.entries(lists)) {
    for (const phrase of list) {
      const types = phrases.get(phrase) ?? [];
      if (!types.includes(type)) types.push(type);
      phrases.set(phrase, types);
      const words = phrase.split(' ');
      longestFrom.set(words[0]!, Math.max(longestFrom.get(words[0]!) ?? 0, words.length));
    }
  }
  return (words, given) => {
    const lower = given ?? words.map((w) => w.toLowerCase());
    const tags: string[][] = words.map(() => []);
    for (let i = 0; i < words.length; i++) {
      const longest = longestFrom.get(lower[i]!);
      if (longest === undefined || !/^[\p{Lu}\p{N}]/u.test(words[i]!)) continue;
      let phrase = '';
      for (let n = 1; n <= longest && i + n <= words.length; n++) {
        phrase = n === 1 ? lower[i]! : `${phrase} ${lower[i + n - 1]}`;
        const types = phrases.get(phrase);
        if (!types) continue;
        for (const type of types) {
          if (n === 1) tags[i]!.push(`${type}-U`);
          else {
            tags[i]!.push(`${type}-B`);
            for (let k = i + 1; k < i + n - 1; k++) tags[k]!.push(`${type}-I`);
            tags[i + n - 1]!.push(`${type}-L`);
          }
        }
      }
    }
    return tags;
  };
}
