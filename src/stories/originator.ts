/**
 * The originating agency of an article: its dateline credit, an agency byline, or an agency sign-off at the
 * end, normalised to one name per agency.
 */
import type { WiregraphDoc } from '../output/wiregraph1.js';
import { paragraphsOf } from './normalise.js';

/** Canonical agency names and the lower-cased forms they are printed as. */
const AGENCIES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['AFP', ['afp', 'agence france-presse', 'agence france presse', 'france-presse', 'france presse']],
  ['AP', ['ap', 'the associated press', 'associated press']],
  ['Reuters', ['reuters', 'thomson reuters']],
  ['Xinhua', ['xinhua', 'xinhua news agency']],
  ['dpa', ['dpa', 'deutsche presse-agentur', 'deutsche presse agentur']],
  ['UPI', ['upi', 'united press international']],
  ['Bloomberg', ['bloomberg', 'bloomberg news']],
  ['Kyodo', ['kyodo', 'kyodo news']],
  ['Yonhap', ['yonhap', 'yonhap news agency']],
  ['PTI', ['pti', 'press trust of india']],
  ['IANS', ['ians']],
  ['ANI', ['ani']],
  ['ANSA', ['ansa']],
  ['EFE', ['efe']],
  ['TASS', ['tass', 'itar-tass']],
  ['RIA Novosti', ['ria novosti', 'ria']],
  ['Interfax', ['interfax']],
  ['Anadolu', ['anadolu', 'anadolu agency', 'aa']],
  ['AAP', ['aap', 'australian associated press']],
  ['CP', ['cp', 'the canadian press', 'canadian press']],
  ['PA', ['pa', 'pa media', 'press association']],
  ['BSS', ['bss', 'bangladesh sangbad sangstha']],
  ['Bernama', ['bernama']],
  ['APA', ['apa']],
];

const BY_FORM = new Map<string, string>(AGENCIES.flatMap(([name, forms]) => forms.map((f) => [f, name] as const)));

/** The canonical name of a printed agency name (`Agence France-Presse` → `AFP`), or null when not an agency we know. */
export function canonicalAgency(printed: string): string | null {
  const form = printed.replace(/\s+/g, ' ').replace(/^by\s+/i, '').replace(/[.,;:]+$/, '').trim().toLowerCase();
  return BY_FORM.get(form) ?? BY_FORM.get(form.replace(/\./g, '')) ?? null;
}

/** The last agency of a credit list (`BSS/AFP`: AFP wrote it, BSS republished it). */
function lastAgency(credits: readonly string[]): string | null {
  for (let i = credits.length - 1; i >= 0; i--) {
    const name = canonicalAgency(credits[i]!);
    if (name) return name;
  }
  return null;
}

/** A credit in parentheses before a dash near the start: `LONDON (Reuters) -`, `(BSS/AFP) —`. */
const OPENING_CREDIT = /\(([A-Za-z][A-Za-z .&/-]{0,60})\)\s*[-–—_:]/;
/** An agency byline line: `By The Associated Press`, `By Reuters`, `By AFP`. */
const BYLINE = /^\s*by\s+([A-Za-z][A-Za-z .&-]{1,40})\s*$/im;
/** A sign-off at the end: `- AFP`, `— Reuters`, `(AFP)`. */
const SIGN_OFF = /(?:[-–—]\s*|\()([A-Za-z][A-Za-z .&-]{1,40}?)\)?\s*$/;
/** Reuters' credit line: `(Reporting by ...; Editing by ...)`. */
const REUTERS_CREDITS = /\((?:additional )?reporting by [^)]*\)\s*$/i;
/** A copyright line naming an agency: `Copyright 2024 The Associated Press`, `© Agence France-Presse`. */
const COPYRIGHT = /(?:copyright|©)\s*(?:\(c\)\s*)?(?:\d{4}\s+)?([A-Za-z][A-Za-z .&-]{1,40}?)(?:\.|,|\s+all rights reserved|\s*$)/im;

/**
 * The originating agency of a wiregraph/1 doc, canonical (`AFP`, `AP`, `Reuters`...), or null. Looks, in
 * order, at the dateline's credits (the last one wrote the story), the authors (an agency byline), an
 * opening credit or agency byline in the text, a sign-off or Reuters credit line at the end, and a copyright line.
 */
export function originatorOf(doc: Pick<WiregraphDoc, 'meta' | 'text'>): string | null {
  const dateline = doc.meta.dateline;
  if (dateline) {
    const credited = lastAgency(dateline.originator ? [...dateline.credits, dateline.originator] : dateline.credits);
    if (credited) return credited;
  }
  for (const author of doc.meta.authors) {
    const name = canonicalAgency(author);
    if (name) return name;
  }
  return originatorInText(doc.text);
}

/** The agency a text credits at its start, in a byline, at its end or in a copyright line, or null. */
export function originatorInText(text: string): string | null {
  const head = text.slice(0, 400);
  const opening = OPENING_CREDIT.exec(head);
  if (opening) {
    const name = lastAgency(opening[1]!.split('/'));
    if (name) return name;
  }
  const byline = BYLINE.exec(head);
  if (byline) {
    const name = canonicalAgency(byline[1]!);
    if (name) return name;
  }
  // Note: outlets add boilerplate under the agency's sign-off; the sign-off is the last paragraph that is not.
  const tail = paragraphsOf(text.slice(-600)).join('\n\n');
  if (REUTERS_CREDITS.test(tail)) return 'Reuters';
  const signOff = SIGN_OFF.exec(tail);
  if (signOff) {
    const name = canonicalAgency(signOff[1]!);
    if (name) return name;
  }
  const copyright = COPYRIGHT.exec(text.slice(-400));
  return copyright ? canonicalAgency(copyright[1]!) : null;
}
