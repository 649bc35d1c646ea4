/**
 * English words the segmenter needs. Words only: behaviour lives in the segmenter.
 * All entries are written without their final period, as the tokenizer splits it off.
 */

/** Titles and abbreviations that never end a sentence: a capital after them still belongs to the sentence. */
export const NEVER_FINAL = [
  'Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'Prof', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Cpt', 'Sgt', 'Cpl', 'Pvt', 'Adm', 'Cmdr',
  'Brig', 'Sen', 'Rep', 'Gov', 'Lt.Gen', 'Pres', 'Rev', 'Fr', 'Sr', 'Hon', 'Amb', 'Supt', 'Insp', 'Det', 'Atty',
  'St', 'Mt', 'Ft', 'Ave', 'Blvd', 'No', 'Nos', 'Vol', 'vs', 'v', 'cf', 'Fig', 'approx', 'est', 'ca', 'Dept',
  'Univ', 'Assn', 'Bros', 'Gens', 'Reps', 'Sens', 'Messrs', 'Mme', 'Mlle', 'Msgr', 'Sheikh', 'Pte',
  'p', 'pp', 'para', 'ch', 'sec', 'art', 'Art', 'Sec', 'Ch',
] as const;

/** Month abbreviations: no break before a number (`Sept. 13`); elsewhere they may end a sentence. */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'] as const;

/** Abbreviations that often end a sentence too: a break after them only when a sentence starter follows. */
export const MAYBE_FINAL = ['Inc', 'Corp', 'Co', 'Ltd', 'Plc', 'LLC', 'Jr', 'etc', 'al', 'Bhd', 'AG', 'SA', 'NV'] as const;

/** Words that usually open a sentence: after an ambiguous abbreviation or initial, one of these means a break. */
export const SENTENCE_STARTERS = [
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'But', 'And', 'Or',
  'In', 'On', 'At', 'His', 'Her', 'Their', 'Its', 'Our', 'My', 'Your', 'There', 'Here', 'When', 'While', 'After',
  'Before', 'If', 'As', 'However', 'Meanwhile', 'Some', 'Many', 'Most', 'Other', 'Others', 'One', 'Two', 'Still',
  'Yet', 'So', 'Also', 'For', 'With', 'What', 'Why', 'How', 'Who', 'Where', 'No', 'Since', 'Both', 'Such', 'Last',
  'Earlier', 'Later', 'Now', 'Then', 'Under', 'Officials', 'Analysts', 'According', 'Despite', 'Although', 'Because',
] as const;
