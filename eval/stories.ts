/**
 * Scorers for stories (issue 13) on the syndication set (eval/syndication.ts): articles are grouped the way
 * ingest groups them (in publication order, each joins the story of its best copy-or-version candidate from
 * the index, else starts one), then scored pairwise against the gold stories.
 */
import { articleFromText } from '../src/read/layout.js';
import { compare, fingerprint, MemoryStoryIndex, originatorOf, type Fingerprint, type StoryOptions } from '../src/stories/index.js';
import { DEFAULT_STORY_OPTIONS } from '../src/stories/options.js';
import type { Row } from './scores.js';
import { scoreLabelledPairs, type LabelledPair, type LabelledScores, type ReutersItem } from './syndication-reuters.js';
import type { SyndicatedArticle, SyndicationSet } from './syndication.js';

/** Pairwise scores of a grouping, with the merges the issue forbids counted. */
export interface GroupingScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Gold same-story pairs. */
  readonly goldPairs: number;
  /** Twin stories (same topic, shared quotation) put in one group. */
  readonly twinMerges: number;
  readonly twins: number;
  /** Stories of templated Reuters reports put in one group with another story. */
  readonly templateMerges: number;
  readonly templated: number;
  /** Digests grouped with another article. */
  readonly digestMerges: number;
  /** Of the articles with an earlier article of their story, the share whose candidates held one. */
  readonly lookupRecall: number;
  /** Mean candidates returned per article. */
  readonly meanCandidates: number;
}

/** The group of each article, made as ingest makes it. */
export function groupArticles(articles: readonly SyndicatedArticle[], options: Partial<StoryOptions>, prints?: ReadonlyMap<string, Fingerprint>): { groups: Map<string, string>; lookupRecall: number; meanCandidates: number } {
  const index = new MemoryStoryIndex();
  const stored = new Map<string, Fingerprint>();
  const groups = new Map<string, string>();
  const goldOf = new Map(articles.map((a) => [a.id, a.story]));
  let withEarlier = 0;
  let found = 0;
  let candidateCount = 0;
  const seenStories = new Set<string>();
  for (const a of articles) {
    const f = prints?.get(a.id) ?? fingerprint(a.text, options);
    const candidates = index.candidates(f, 20);
    candidateCount += candidates.length;
    if (seenStories.has(a.story)) {
      withEarlier++;
      if (candidates.some((c) => goldOf.get(c) === a.story)) found++;
    }
    seenStories.add(a.story);
    let best: { id: string; score: number } | null = null;
    for (const id of candidates) {
      const c = compare(f, stored.get(id)!, options);
      if (c.relation === 'different') continue;
      const score = c.containment + c.kept;
      if (!best || score > best.score) best = { id, score };
    }
    groups.set(a.id, best ? groups.get(best.id)! : a.id);
    index.add(a.id, f);
    stored.set(a.id, f);
  }
  return { groups, lookupRecall: withEarlier === 0 ? 1 : found / withEarlier, meanCandidates: candidateCount / Math.max(1, articles.length) };
}

/** Pairwise precision and recall of a grouping against the gold stories, and the forbidden merges. */
export function scoreGrouping(set: SyndicationSet, options: Partial<StoryOptions> = DEFAULT_STORY_OPTIONS, prints?: ReadonlyMap<string, Fingerprint>): GroupingScores {
  const { articles } = set;
  const { groups, lookupRecall, meanCandidates } = groupArticles(articles, options, prints);
  let both = 0;
  let predicted = 0;
  let gold = 0;
  const merged = new Set<string>();
  const mergedStories = new Set<string>();
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const a = articles[i]!;
      const b = articles[j]!;
      const same = groups.get(a.id) === groups.get(b.id);
      const goldSame = a.story === b.story;
      if (same) predicted++;
      if (goldSame) gold++;
      if (same && goldSame) both++;
      if (same && !goldSame) {
        merged.add(`${a.story}|${b.story}`).add(`${b.story}|${a.story}`);
        mergedStories.add(a.story).add(b.story);
      }
    }
  }
  const precision = predicted === 0 ? 1 : both / predicted;
  const recall = gold === 0 ? 1 : both / gold;
  const digestMerges = articles.filter((a) => a.role === 'digest' && articles.some((b) => b.id !== a.id && groups.get(b.id) === groups.get(a.id))).length;
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    goldPairs: gold,
    twinMerges: set.twins.filter(([x, y]) => merged.has(`${x}|${y}`)).length,
    twins: set.twins.length,
    templateMerges: set.templated.filter((story) => mergedStories.has(story)).length,
    templated: set.templated.length,
    digestMerges,
    lookupRecall,
    meanCandidates,
  };
}

/** Share of articles whose originator (read through the text reader, as ingest reads it) is the gold one (null included). */
export function originatorAccuracy(set: SyndicationSet): { accuracy: number; n: number; wrong: string[] } {
  let right = 0;
  const wrong: string[] = [];
  for (const a of set.articles) {
    const article = articleFromText(a.text.replace(/\r\n?/g, '\n'));
    const found = originatorOf({ meta: article.meta, text: article.text });
    if (found === a.originator) right++;
    else wrong.push(`${a.id}: ${found ?? 'none'} for ${a.originator ?? 'none'}`);
  }
  return { accuracy: right / Math.max(1, set.articles.length), n: set.articles.length, wrong };
}

/** The grid of thresholds tried on the tuning half (containments, then the anchor check); the best pairwise F1 without a twin or templated-report merge wins. */
export function tuneStoryOptions(set: SyndicationSet): Array<{ options: Partial<StoryOptions>; scores: GroupingScores }> {
  const results: Array<{ options: Partial<StoryOptions>; scores: GroupingScores }> = [];
  for (const shingle of [3, 4, 5]) {
    const prints = new Map(set.articles.map((a) => [a.id, fingerprint(a.text, { shingle })]));
    for (const copyContainment of [0.4, 0.5, 0.6, 0.7, 0.8]) {
      for (const versionMinimum of [0.2, 0.3, 0.4]) {
        for (const versionContainment of [0.5, 0.6, 0.7, 0.8]) {
          const options = { shingle, copyContainment, versionContainment, versionMinimum };
          results.push({ options, scores: scoreGrouping(set, options, prints) });
        }
      }
    }
  }
  // Note: the anchor check is tried at the default containments (the grid above times five would take minutes).
  const prints = new Map(set.articles.map((a) => [a.id, fingerprint(a.text)]));
  for (const numberShare of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]) {
    for (const anchorTolerance of [0, 1, 2]) {
      const options = { numberShare, anchorTolerance };
      results.push({ options, scores: scoreGrouping(set, options, prints) });
    }
  }
  return results.sort((a, b) => a.scores.twinMerges + a.scores.templateMerges - b.scores.twinMerges - b.scores.templateMerges || b.scores.f1 - a.scores.f1);
}

/** The eval table's rows for stories, on a half of the syndication set never used for tuning. */
export function storyRows(set: SyndicationSet): Row[] {
  const corpus = 'syndication set, test half (BBC, Reuters templates)';
  const g = scoreGrouping(set);
  const o = originatorAccuracy(set);
  return [
    { layer: 'stories', corpus, metric: 'same-story pairs (copies and versions)', p: g.precision, r: g.recall, f1: g.f1, n: g.goldPairs, note: `twin stories merged ${g.twinMerges}/${g.twins}, templated-report stories merged ${g.templateMerges}/${g.templated}, digests merged ${g.digestMerges}; thresholds from the tune half` },
    { layer: 'stories', corpus, metric: 'lookup: an earlier article of the story among candidates', accuracy: g.lookupRecall, n: set.articles.length, note: `${g.meanCandidates.toFixed(1)} candidates per article` },
    { layer: 'stories', corpus, metric: 'originator (text reader; none when no credit is left)', accuracy: o.accuracy, n: o.n, note: o.wrong.slice(0, 3).join('; ') },
  ];
}

/** Anchor checks off: the comparison on shingles alone, as before anchors were kept. */
export const WITHOUT_ANCHORS: Partial<StoryOptions> = Object.freeze({ anchorTolerance: Number.POSITIVE_INFINITY });

/**
 * The eval table's rows for stories on Reuters-21578: precision of grouping on the hand-labelled pairs
 * (eval/data/reuters-pairs.jsonl), on shingles alone and with the anchor checks.
 */
export function reutersPairRows(items: readonly ReutersItem[], pairs: readonly LabelledPair[]): Row[] {
  const corpus = 'Reuters-21578, hand-labelled grouped pairs (headline + body)';
  const before = scoreLabelledPairs(items, pairs, WITHOUT_ANCHORS);
  const after = scoreLabelledPairs(items, pairs);
  const row = (metric: string, s: LabelledScores, note: string): Row => ({ layer: 'stories', corpus, metric, p: s.right / Math.max(1, s.grouped), r: s.sameGrouped / Math.max(1, s.same), n: pairs.length, note: `${s.grouped} of ${pairs.length} grouped; ${note}` });
  return [
    row('same-story pairs, shingles alone (before anchors)', before, `${before.same} labelled the same story`),
    row('same-story pairs, with the anchor check (numbers kept)', after, `same-story pairs lost: ${after.lost.join(', ') || 'none'}`),
  ];
}
