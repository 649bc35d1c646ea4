import { ORGANISATION_HEADS, TITLE_WORDS } from './locale/en.js';
import type { RecognisedName } from './recognise-names.js';

const organisationHeads = new Set<string>(ORGANISATION_HEADS);
const roleWords = new Set<string>(TITLE_WORDS);

// Note: CoNLL-trained recognisers often cut an organisation at "for" or "of" ("Korea Institute" +
// "National Unification"); two names joined by one of these words, the first an organisation, are one.
const JOINERS = /^ (?:for|of|on) $/u;

/** Merges `ORG for|of|on ORG` (or MISC) into one organisation. */
export function mergeOrganisationParts(text: string, names: readonly RecognisedName[]): RecognisedName[] {
  const out: RecognisedName[] = [];
  for (const name of names) {
    const last = out.at(-1);
    if (last && last.type === 'ORG' && (name.type === 'ORG' || name.type === 'MISC') && JOINERS.test(text.slice(last.end, name.start)) && /^\p{Lu}/u.test(text.slice(name.start))) {
      out[out.length - 1] = { start: last.start, end: name.end, type: 'ORG' };
    } else out.push(name);
  }
  return out;
}

// Note: the titles a recogniser keeps inside a name (`CEO Steve Jobs`, `Apple Computer CEO Steve Jobs`,
// `President Bush`); narrower than the role words, which also hold `national` or `state`.
const PERSON_TITLES = new Set([
  'president', 'ceo', 'chairman', 'chairwoman', 'chairperson', 'chief', 'executive', 'director', 'founder', 'co-founder', 'cofounder',
  'minister', 'chancellor', 'senator', 'sen', 'governor', 'gov', 'mayor', 'spokesman', 'spokeswoman', 'secretary', 'premier', 'leader',
  'king', 'queen', 'prince', 'princess', 'pope', 'general', 'gen', 'judge', 'justice', 'ambassador', 'analyst', 'professor', 'prof',
]);

/**
 * Keeps titles outside names: a person's name that starts with titles loses them (`President Bush` is `Bush`),
 * and a name with titles before two or more capitalised words is split into the organisation before them, if
 * any, and the person after them (`Apple Computer CEO Steve Jobs`, `Chrysler Chief Executive Robert Nardelli`). Places keep
 * their names (`Prince Edward Island`), and so do organisations whose name ends as one (`General Motors Corporation`).
 */
export function splitTitles(text: string, names: readonly RecognisedName[]): RecognisedName[] {
  return names.flatMap((name) => {
    const words = [...text.slice(name.start, name.end).matchAll(/\S+/gu)];
    const isTitle = (i: number): boolean => PERSON_TITLES.has(words[i]![0].toLowerCase().replace(/\.$/u, ''));
    const at = (i: number): number => name.start + words[i]!.index;
    if (name.type === 'PER') {
      let i = 0;
      while (i < words.length - 1 && isTitle(i)) i++;
      if (i > 0) return [{ ...name, start: at(i) }];
    }
    const first = words.findIndex((_, i) => isTitle(i));
    if (first < 0 || name.type === 'LOC' || organisationHeads.has(words.at(-1)![0].toLowerCase().replace(/\.$/u, ''))) return [name];
    let after = first;
    while (after < words.length && isTitle(after)) after++;
    if (words.length - after < 2 || !words.slice(after).every((w) => /^\p{Lu}/u.test(w[0]))) return [name];
    const person: RecognisedName = { start: at(after), end: name.end, type: 'PER' };
    // Note: role words before the title are the role, not a name (`US President Donald Trump`, `UN Secretary-General ...`).
    if (first === 0 || words.slice(0, first).every((w) => roleWords.has(w[0].toLowerCase()))) return [person];
    const before = words[first - 1]!;
    // Note: what comes before a person's title is where they hold it (`Chrysler Chief Executive Robert Nardelli`).
    return [{ start: name.start, end: at(first - 1) + before[0].length, type: name.type === 'PER' ? 'ORG' : name.type }, person];
  });
}
