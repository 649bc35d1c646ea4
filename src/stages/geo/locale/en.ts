/**
 * English words that are also the names of towns somewhere (`Mobile`, `Reading`, `Nice`): resolved only with
 * evidence beyond the name (containment, `Reading, England`; or a place of the same country elsewhere in the
 * article), and never taken by the second look.
 */
export const COMMON_WORD_PLACES: readonly string[] = [
  'mobile', 'reading', 'nice', 'bath', 'split', 'march', 'may', 'hope', 'independence', 'liberty', 'unity', 'victory',
  'orange', 'temple', 'union', 'opportunity', 'energy', 'justice', 'commerce', 'industry', 'progress', 'friendship',
  'normal', 'marathon', 'college', 'university', 'hospital', 'police', 'health', 'center', 'centre', 'north', 'south',
  'east', 'west', 'central', 'media', 'republic', 'state', 'office', 'department', 'ministry', 'bank', 'page', 'post',
  'time', 'times', 'early', 'best', 'much', 'nothing', 'all', 'man', 'most', 'of', 'and', 'the', 'one', 'ocean',
  'kingdom', 'island', 'islands', 'city', 'county', 'lake', 'river', 'valley', 'mount', 'bay', 'beach', 'park',
  'world', 'earth', 'paradise', 'eden', 'concord', 'harmony', 'surprise', 'why', 'boring', 'funny', 'happy', 'mission',
];

/** Words after a name that say what kind of place it is (`Washington state`, `Hubei province`, `Kent County`). */
export const PLACE_SUFFIXES: readonly string[] = ['state', 'province', 'county', 'city', 'district', 'region', 'prefecture', 'municipality', 'parish', 'borough', 'governorate', 'oblast', 'territory', 'valley', 'island'];
