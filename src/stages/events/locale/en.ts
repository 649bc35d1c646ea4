/** English word lists the event coder reads. Data, kept apart from the code. */

/** Words before a verb (in its clause) that make the event planned. */
export const PLANNED_WORDS = ['will', "'ll", 'shall', 'would', 'plans', 'plan', 'planned', 'planning', 'pledged', 'pledges', 'pledge', 'pledging', 'vowed', 'vows', 'vow', 'promised', 'promises', 'intends', 'intend', 'intended', 'aims', 'aim', 'aimed', 'expects', 'expected', 'set', 'about', 'going', 'prepares', 'prepared', 'preparing', 'seeks', 'sought', 'seeking', 'wants', 'wanted'] as const;

/** Words that make an event hypothetical. */
export const HYPOTHETICAL_WORDS = ['could', 'may', 'might', 'potential', 'potentially', 'possible', 'possibly', 'if', 'unless', 'whether', 'should', 'would-be', 'proposed', 'likely'] as const;

/** Words that negate an event. */
export const NEGATION_WORDS = ['not', "n't", 'never', 'no', 'neither', 'nor', 'denied', 'denies', 'deny', 'refused', 'refuses', 'refuse', 'rejected', 'declined', 'without'] as const;

/** Forms of `be` that make a following past participle passive. */
export const BE_FORMS = ['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"] as const;

/** Words that open a subordinate clause: the subject of a verb after one is found after it, not before. */
export const CLAUSE_OPENERS = ['that', 'which', 'who', 'whom', 'whose', 'when', 'while', 'after', 'before', 'because', 'since', 'until', 'although', 'though', 'if', 'as', 'where', 'whether', 'unless'] as const;

/** Prepositions that open an adjunct participle clause (`after sending ...`), whose subject is the main clause's. */
export const PARTICIPLE_OPENERS = ['after', 'before', 'while', 'by', 'when', 'since', 'without', 'despite'] as const;

/** Words that join coordinated actors. */
export const COORDINATORS = ['and', 'or', 'nor', ',', '&'] as const;

/** Prepositions that attach an agent to the country it belongs to (`soldiers from Gondor`, `government of X`). */
export const AGENT_OF = ['of', 'from', 'in'] as const;

/** Prepositions that introduce a place (`in Beijing`). */
export const PLACE_PREPOSITIONS = ['in', 'at', 'near', 'outside'] as const;

/** Counting words for plural descriptors (`the three leaders`). */
export const COUNT_WORDS: Readonly<Record<string, number>> = { two: 2, both: 2, three: 3, four: 4, five: 5 };

/** Nouns that make a plural descriptor stand for the people or countries named before (`the three leaders`). */
export const PLURAL_ACTOR_NOUNS = ['leaders', 'presidents', 'countries', 'nations', 'governments', 'sides', 'states', 'allies', 'neighbours', 'neighbors'] as const;

/**
 * Nominal events: a noun that is an event in itself (`a summit with the United States`), its CAMEO code, and the
 * prepositions that bring in its source and target. Where no source preposition applies, the source is the
 * subject of the clause the noun is in; `target: 'subject'` makes that subject the target instead.
 */
export const NOMINAL_EVENTS: ReadonlyArray<{ readonly nouns: readonly string[]; readonly code: string; readonly source: readonly string[]; readonly target: readonly string[] | 'subject' }> = [
  { nouns: ['summit', 'summits', 'talks', 'negotiations'], code: '046', source: [], target: ['with'] },
  { nouns: ['support', 'aid', 'assistance', 'backing', 'help'], code: '070', source: ['from'], target: 'subject' },
  { nouns: ['sanctions', 'embargo'], code: '163', source: [], target: ['on', 'against'] },
  { nouns: ['attack', 'attacks', 'strike', 'strikes', 'raid', 'raids'], code: '190', source: ['by'], target: ['on', 'against'] },
  { nouns: ['visit', 'trip'], code: '042', source: [], target: ['to'] },
];
