/**
 * The core of an organisation's normalised name, by which its variants are one organisation:
 * `apple inc`, `apple computer` and `apple` are `apple`; `ford motor company` and `ford motors` are `ford`.
 * Legal forms at the end are dropped (`inc`, `corp`, `co`, `llc`, `plc`, ...), then one trade word
 * (`computer`, `motor`) when a distinctive word is left before it: `general motors` stays itself.
 * @param norm - a name as {@link normaliseName} gives it
 */
export function organisationCore(norm: string): string {
  const words = norm.split(' ').filter((w) => w !== '' && w !== ',');
  while (words.length > 1 && LEGAL_FORMS.has(words.at(-1)!.replace(/,$/u, ''))) words.pop();
  if (words.length > 1) words[words.length - 1] = words.at(-1)!.replace(/,$/u, '');
  // Note: one trade word only, and never down to a plain word (`general motors`, `united airlines` stay whole).
  if (words.length === 2 && TRADE_WORDS.has(words[1]!) && !GENERIC_FIRST.has(words[0]!)) words.pop();
  return words.join(' ');
}

// Note: the forms that name how a company is incorporated, never which company it is.
const LEGAL_FORMS = new Set(['inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'plc', 'llc', 'lp', 'ag', 'sa', 'nv', 'bv', 'gmbh', 'spa', 'srl', 'oyj', 'asa', 'kk']);
// Note: kept short on purpose: `airlines` or `bank` would make `Singapore Airlines` the city and `Bank` any bank.
const TRADE_WORDS = new Set(['computer', 'computers', 'motor', 'motors']);
const GENERIC_FIRST = new Set(['general', 'united', 'american', 'national', 'international', 'first', 'standard', 'british', 'new', 'global']);
