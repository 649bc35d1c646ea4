/** Irregular forms and their stems, and the crude stemmer the typer's features fold inflections with. */
const IRREGULAR: Readonly<Record<string, string>> = {
  said: 'say', says: 'say', met: 'meet', told: 'tell', held: 'hold', took: 'take', taken: 'take', gave: 'give', given: 'give',
  made: 'make', fought: 'fight', sought: 'seek', struck: 'strike', shot: 'shoot', threw: 'throw', thrown: 'throw', began: 'begin',
  sent: 'send', led: 'lead', won: 'win', stole: 'steal', left: 'leave', brought: 'bring', bought: 'buy', withdrew: 'withdraw',
  withdrawn: 'withdraw', drew: 'draw', broke: 'break', broken: 'break', kept: 'keep', paid: 'pay', sold: 'sell', spoke: 'speak',
  spoken: 'speak', stood: 'stand', fled: 'flee', forgave: 'forgive', forbade: 'forbid', forbidden: 'forbid', seized: 'seize',
  was: 'be', were: 'be', is: 'be', are: 'be', been: 'be', has: 'have', had: 'have', did: 'do', does: 'do', ran: 'run', hit: 'hit',
  blew: 'blow', blown: 'blow', overthrew: 'overthrow', overthrown: 'overthrow', beat: 'beat', beaten: 'beat', bore: 'bear', rose: 'rise',
  arose: 'arise', undertook: 'undertake', upheld: 'uphold', lent: 'lend', meets: 'meet', went: 'go', gone: 'go', came: 'come',
};

/**
 * A crude stem that folds a verb's or noun's inflections together (`attacked`, `attacks`, `attacking` -> `attack`;
 * `agreed`, `agrees` -> `agre`): the same for training and use, which is all a feature needs.
 */
export function stem(word: string): string {
  let known = stems.get(word);
  if (known === undefined) {
    // Note: the coder stems the same few thousand words over and over; a long ingest meets more, so the memo is emptied when full.
    if (stems.size >= MEMO_LIMIT) stems.clear();
    stems.set(word, (known = stemOnce(word)));
  }
  return known;
}

/** The most words {@link stem} remembers. */
const MEMO_LIMIT = 100_000;
const stems = new Map<string, string>();

/** {@link stem} computed. */
function stemOnce(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 4 || !/^[a-z-]+$/u.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') || w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(?:ss|sh|ch|x|z)es$/u.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  if (w.length > 3 && /([bdgmnprt])\1$/u.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}
