import type { Span } from '../../article/span.js';
import type { Timex } from '../../article/layers.js';
import type { Stage } from '../../pipeline/stage.js';
import { ABSOLUTE } from './absolute.js';
import { parseDay } from './calendar.js';
import { CLOCK } from './clock.js';
import { DURATIONS } from './durations.js';
import { FUTURE_MARKERS, PAST_VERBS } from './locale/en.js';
import { REFERENCES } from './references.js';
import { RELATIVE } from './relative.js';
import { LowerText, scanMatches } from './scan.js';
import { ANCHORED_PERIODS, NAMED_DAYS, PERIODS } from './periods.js';
import { inTitle, mergeAdjacent, removeOverlaps } from './select.js';
import type { Recogniser, TimeContext, TimexMatch } from './types.js';

/** Every recogniser; the order does not matter, overlaps are settled by length and priority. */
export const RECOGNISERS: readonly Recogniser[] = [...ABSOLUTE, ...RELATIVE, ...DURATIONS, ...REFERENCES, ...CLOCK, ...PERIODS, ...ANCHORED_PERIODS, ...NAMED_DAYS];

// Note: "next to" is a place, and a plan in the past perfect ("had been due to expire Friday") is past.
const FUTURE = new RegExp(`(?<![\\p{L}'])(?<!had\\s+been\\s+)(?:${FUTURE_MARKERS.map((w) => w.replace(/ /gu, '\\s+')).join('|')})(?![\\p{L}])(?<!next(?=\\s+to\\b))`, 'iu');

// Note: a comparison (`a year earlier`, `the year-ago quarter`) dates the figure it compares with, not the period
// under discussion, so it is no reference for the next one: two `a year earlier`s after `the third quarter`
// are both the third quarter of the year before.
const COMPARISONS = new Set(['units-ago', 'year-earlier']);
// Note: the first quarter named is the one under discussion; the later ones are mostly comparisons with it.
const QUARTER_VALUE = /^\d{4}-Q[1-4]$/u;

// Note: a past verb anywhere in the sentence ("In January, American Medical brought in ..."): irregular ones
// by name, regular ones by their -ed, except the participles of plans ("scheduled", "expected").
const PAST = new RegExp(`(?<![\\p{L}'])(?:${PAST_VERBS.join('|')}|(?!(?:scheduled|expected|planned|proposed|needed)\\b)\\p{L}{2,}ed)(?![\\p{L}])`, 'iu');

// Note: a word that makes a clause finite without a past tense ("is", "will", "says"): such a clause has a verb of its own.
const FINITE = /(?<![\p{L}'])(?:is|are|am|will|would|shall|can|may|must|should|has|have|says|say|expects?|plans?)(?![\p{L}])/iu;

/**
 * True when a clause with no verb of its own ("president and chief executive in March") belongs to an earlier
 * clause of the sentence told in the past ("stepped down as chairman, president and chief executive in March"):
 * the nearest earlier clause with a verb decides.
 */
function pastBefore(clauses: readonly string[], i: number): boolean {
  if (FINITE.test(clauses[i]!)) return false;
  for (let k = i - 1; k >= 0; k--) {
    if (PAST.test(clauses[k]!)) return true;
    if (FINITE.test(clauses[k]!)) return false;
  }
  return false;
}

// Note: a subordinate clause of the past in a sentence about the future ("it will take him from the relatives
// who have cared for him since he was rescued in late November") has a tense of its own.
const SUBORDINATOR = /(?<![\p{L}'])(?:since|who|which|whom|whose|because|after|when)\s+(?=\p{L})/giu;

/** Where the last subordinate clause in a stretch of text begins (0 when none does). */
function subordinateStart(stretch: string): number {
  let at = 0;
  SUBORDINATOR.lastIndex = 0;
  for (let m = SUBORDINATOR.exec(stretch); m; m = SUBORDINATOR.exec(stretch)) at = m.index;
  return at;
}

/**
 * True when a fronted clause with no verb of its own ("In January, a week after the anniversary, a bomb
 * exploded") belongs to a later clause told in the past: the first later clause with a verb decides.
 */
function pastAfter(clauses: readonly string[], i: number): boolean {
  for (let k = i + 1; k < clauses.length; k++) {
    if (PAST.test(clauses[k]!)) return true;
    if (FINITE.test(clauses[k]!)) return false;
  }
  return false;
}

/** Finds every recogniser's matches in a text. */
export function findMatches(text: string, anchorContext: () => TimeContext): TimexMatch[] {
  const matches: TimexMatch[] = [];
  // Note: anchors are plain patterns on the lower-cased text; where lower-casing changes the length, or the text
  // holds a long s (which the patterns' case folding reads as "s"), every pattern scans the text as before.
  const lowered = text.toLowerCase();
  const lower = lowered.length === text.length && !lowered.includes('ſ') ? new LowerText(lowered) : null;
  for (const r of RECOGNISERS) {
    for (const match of scanMatches(r, text, lower)) {
      const start = match.index;
      const end = start + match[0].length;
      // Note: a recogniser that returns null at its first look (a year without a cue) makes no match at all.
      if (r.resolve(match, anchorContext(), text) === null || (r.name !== 'holiday' && inTitle(text, { start, end }))) continue;
      matches.push({ start, end, rule: r.name, priority: r.priority ?? 0, resolve: (context) => r.resolve(match, context, text) });
    }
  }
  return matches;
}

/**
 * Time: TIMEX3 expressions found by small recognisers (absolute dates through chrono-node, relative dates,
 * durations, sets, references, clock times), the longest kept where they overlap, adjacent parts merged,
 * then normalised in text order against the article's date.
 */
export const timeStage: Stage = {
  name: 'time',
  requires: ['sentences'],
  assigns: ['timexes'],
  run(article) {
    const { text, meta } = article;
    const sentences: readonly Span[] = article.layers.sentences ?? [];
    const anchor = parseDay(meta.published) ?? parseDay(meta.dateline?.date?.startsWith('X') ? null : meta.dateline?.date);
    // Note: tense is read in the expression's own clause, before it ("..., state media said Saturday" is past
    // even when the sentence began with "will"; "officials said Monday they will" is past too).
    const future = (offset: number): boolean => {
      const s = sentences.find((x) => offset >= x.start && offset < x.end) ?? { start: 0, end: text.length };
      const before = text.slice(s.start, offset);
      const from = s.start + Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), -1) + 1;
      return FUTURE.test(text.slice(from + subordinateStart(text.slice(from, offset)), offset));
    };
    // Note: the past is read in the expression's own clause, or in the next one when its own has no verb of
    // its own ("In January, American Medical brought in ...").
    const past = (offset: number): boolean => {
      if (future(offset)) return false;
      const s = sentences.find((x) => offset >= x.start && offset < x.end) ?? { start: 0, end: text.length };
      const clauses = text.slice(s.start, s.end).split(/[,;:]/u);
      let at = s.start;
      for (let i = 0; i < clauses.length; i++) {
        at += clauses[i]!.length + 1;
        if (at > offset) return PAST.test(clauses[i]!) || (/^\s*(?:in|on|since|by)\b/iu.test(clauses[i]!) && pastAfter(clauses, i)) || pastBefore(clauses, i);
      }
      return false;
    };
    let lastDate: string | null = null;
    let discussedQuarter: string | null = null;
    const context = (): TimeContext => ({ anchor, future, past, lastDate, discussedQuarter });
    const selected = mergeAdjacent(text, removeOverlaps(findMatches(text, context)));
    const timexes: Timex[] = [];
    for (const m of selected) {
      const value = m.resolve(context());
      if (!value) continue;
      if (value.type === 'DATE' && !value.value.endsWith('_REF') && !COMPARISONS.has(m.rule)) lastDate = value.value;
      if (discussedQuarter === null && value.type === 'DATE' && QUARTER_VALUE.test(value.value) && !COMPARISONS.has(m.rule)) discussedQuarter = value.value;
      timexes.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), ...value, rule: m.rule });
    }
    return { layers: { timexes } };
  },
};
