import type { RecognisedName } from './recognise-names.js';

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
