/** English words the quote stage needs. Words only: behaviour lives in the recognisers. */

/** Speech and cognition verbs that introduce an attribution, in the forms news uses. */
export const CUE_VERBS = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'added', 'adds', 'add', 'warned', 'warns', 'warn', 'accused',
  'accuses', 'accuse', 'declared', 'declares', 'declare', 'emphasised', 'emphasized', 'emphasises', 'emphasizes',
  'insisted', 'insists', 'insist', 'claimed', 'claims', 'claim', 'stated', 'argued', 'argues', 'argue',
  'explained', 'explains', 'noted', 'notes', 'stressed', 'stresses', 'announced', 'announces', 'acknowledged',
  'acknowledges', 'admitted', 'admits', 'denied', 'denies', 'deny', 'suggested', 'suggests', 'predicted', 'predicts',
  'wrote', 'writes', 'asked', 'asks', 'urged', 'urges', 'believe', 'believes', 'believed', 'think', 'thinks',
  'thought', 'expect', 'expects', 'fear', 'fears', 'feared', 'hope', 'hopes', 'hoped',
  'reported', 'reports', 'confirmed', 'found', 'finds', 'shows', 'showed', 'cited', 'cites', 'echoed', 'described', 'criticized',
  'criticised', 'questioned', 'wants', 'want', 'wanted', 'knows', 'knew', 'know', 'feel', 'feels', 'felt', 'worried', 'confirms', 'vowed', 'vows', 'pledged', 'pledges', 'promised', 'promises',
  'threatened', 'threatens', 'demanded', 'demands', 'called', 'calls', 'replied', 'replies', 'responded', 'responds',
  'recalled', 'recalls', 'concluded', 'concludes', 'estimated', 'estimates', 'conceded', 'concedes', 'contended',
  'contends', 'maintained', 'maintains', 'alleged', 'alleges', 'revealed', 'reveals', 'indicated', 'indicates',
  'complained', 'complains', 'mentioned', 'agreed', 'agrees', 'disclosed', 'countered', 'tweeted', 'posted',
] as const;

/** Verbs whose object is the addressee (`told AFP`). */
export const ADDRESSEE_CUES = ['told', 'tells', 'tell', 'asked', 'asks', 'urged', 'urges', 'warned', 'warns'] as const;


/** Words that may stand between a subject and its cue (`has repeatedly said`). */
export const BETWEEN_SUBJECT_AND_CUE = [
  'has', 'have', 'had', 'is', 'was', 'are', 'were', 'will', 'would', 'could', 'should', 'may', 'might', 'also', 'again',
  'repeatedly', 'previously', 'often', 'later', 'earlier', 'recently', 'then', 'already', 'never', 'not', 'publicly',
  'privately', 'reportedly', 'separately', 'once', 'still', 'further', 'openly', 'long', 'firmly', 'flatly', 'has been',
] as const;

/** Words that end a subject when walking back from a cue (a clause or another verb begins there). */
export const SUBJECT_STOPS = ['that', 'and', 'but', 'or', 'when', 'while', 'as', 'because', 'although', 'if', 'since', 'after', 'before', 'where', 'which', 'who', 'whom', 'whose', 'said', 'says', 'told'] as const;

/** Words after a comma that end a content clause (`, without specifying ...`). */
export const CONTENT_STOPS = ['without', 'while', 'after', 'before', 'despite', 'drawing', 'prompting', 'sparking'] as const;


/** Prepositions that open a phrase between a cue and its content (`said in an interview, ...`), not content. */
export const CUE_PREPOSITIONS = ['in', 'at', 'on', 'by', 'during', 'to', 'from', 'after', 'before', 'with', 'via', 'through', 'for'] as const;

/**
 * Words that, before a colon at a sentence start (after `the`), label something rather than name a speaker
 * (`Note:`), headline kickers included (`The Latest:`, `Exclusive:`, `Analysis:`).
 */
export const NOT_SPEAKER_LABELS = ['note', 'update', 'photo', 'video', 'editor', 'correction', 'source', 'sources', 'related', 'read', 'watch', 'see', 'also', 'q', 'a', 'latest', 'breaking', 'exclusive', 'analysis', 'opinion', 'explainer', 'factbox', 'live', 'editorial'] as const;

/** Participles that attribute a clause to the sentence's speaker (`..., saying the talks had failed`). */
export const PARTICIPLE_CUES = ['saying', 'adding', 'arguing', 'claiming', 'citing', 'insisting', 'noting', 'warning', 'telling', 'asking', 'explaining', 'stressing', 'suggesting', 'accusing', 'calling', 'vowing', 'promising', 'pledging', 'urging', 'declaring'] as const;

/** Forms of "be" that make a cue passive (`was reported`), which is not an attribution by the subject. */
export const PASSIVE_AUXILIARIES = ['is', 'was', 'are', 'were', 'be', 'been', 'being'] as const;
