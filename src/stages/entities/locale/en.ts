/** English words the entity stage needs. Words only: behaviour lives in the recognisers and refiners. */

/** Prepositions after which a capital is a place (`a parade in Beijing`), not its state. */
export const LOCATIVE_PREPOSITIONS = ['in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'into', 'to', 'from', 'within', 'throughout', 'via', 'toward', 'towards', 'through', 'of'] as const;

/** Words that make up a role before a name (`North Korean leader`, `Russian President`, `Foreign Minister`). */
export const TITLE_WORDS = [
  'president', 'vice', 'leader', 'prime', 'minister', 'premier', 'chancellor', 'king', 'queen', 'prince', 'princess',
  'emperor', 'general', 'gen', 'admiral', 'colonel', 'commander', 'chief', 'head', 'secretary', 'foreign', 'defence',
  'defense', 'finance', 'interior', 'state', 'deputy', 'senator', 'sen', 'representative', 'rep', 'governor', 'gov',
  'mayor', 'ambassador', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'analyst',
  'senior', 'former', 'ex', 'top', 'opposition', 'supreme', 'speaker', 'justice', 'judge', 'pope', 'cardinal',
  'archbishop', 'bishop', 'sheikh', 'ayatollah', 'dictator', 'strongman', 'ruler', 'chairman', 'chairwoman', 'ceo',
  'director', 'executive', 'mr', 'mrs', 'ms', 'dr', 'lawmaker', 'legislator', 'diplomat', 'negotiator', 'adviser',
  'advisor', 'economist', 'professor', 'researcher', 'expert', 'commissioner', 'party', 'communist', 'national',
  'security', 'military', 'army', 'navy', 'us', 'u.s.', 'un', 'eu', 'nato',
] as const;

/** Heads of descriptions that refer back to a country (`the country`, `the reclusive state`). */
export const COUNTRY_NOUNS = ['country', 'state', 'nation', 'regime', 'kingdom', 'republic'] as const;

/** Speech verbs after which a subject pronoun refers to the last person named (`he added`). */
export const SPEECH_VERBS = [
  'said', 'says', 'say', 'added', 'adds', 'told', 'tells', 'stated', 'noted', 'warned', 'argued', 'explained',
  'insisted', 'claimed', 'declared', 'asked', 'replied', 'wrote', 'continued', 'concluded', 'stressed', 'emphasised',
  'emphasized', 'acknowledged', 'admitted', 'suggested', 'predicted', 'recalled', 'announced', 'believes', 'thinks',
] as const;

/** Pronouns that can refer to a person. */
export const PERSON_PRONOUNS = ['he', 'she'] as const;

/** Honorifics that open a person mention but are not part of the name (`Ms Hewitt` is `Hewitt`). */
export const HONORIFICS = ['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'mx'] as const;

/** Last words that make a name an organisation, whatever the recogniser said (`Altria Group`, `Lionhead Studios`). */
export const ORGANISATION_HEADS = [
  'group', 'inc', 'corp', 'corporation', 'ltd', 'plc', 'llc', 'co', 'company', 'holdings', 'studios', 'bank',
  'airlines', 'airways', 'motors', 'tobacco', 'industries', 'systems', 'technologies', 'partners', 'capital',
  'ministry', 'agency', 'institute', 'university', 'council', 'commission', 'committee', 'party', 'association',
] as const;
