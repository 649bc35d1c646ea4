import type { Dependency, Entity, Token } from '../../article/layers.js';
import type { Stage } from '../../pipeline/stage.js';
import { parse, type ParserModel } from './parser.js';
import { tagPos, type PosModel } from './pos/model.js';

/** One sentence as the parse filter sees it: its tokens, words and tags, and the actors' mentions inside it. */
export interface SyntaxSentence {
  readonly index: number;
  readonly tokens: readonly Token[];
  readonly words: readonly string[];
  readonly tags: readonly string[];
  /** How many mentions of entities that can act (linked to a country or a CAMEO actor code, or a person, organisation, state or nationality) lie inside the sentence. */
  readonly actorMentions: number;
}

/** Which sentences get a parse: `all`, `none`, or a test per sentence (such as {@link mayHoldEvent}). */
export type ParseFilter = 'all' | 'none' | ((sentence: SyntaxSentence) => boolean);

/** How the syntax stage runs. */
export interface SyntaxOptions {

  /** The sentences to parse; by default those that may hold an event ({@link DEFAULT_PARSE}). The others get null dependencies. */
  readonly parse?: ParseFilter;
}

/**
 * What the default pipeline parses: the sentences {@link mayHoldEvent} accepts, whose subjects, objects and
 * prepositional objects the event coder reads. Note: parsing them costs about 0.6 ms a BBC article and the
 * parser's load at a cold start; `syntaxStageWith({ parse: 'none' })` leaves the coder to its clause rules.
 */
export const DEFAULT_PARSE: ParseFilter = mayHoldEvent;

/** What the syntax stage loads once. */
export interface SyntaxResources {
  readonly tagger: PosModel;
  /** Null when nothing is parsed: the parser is then never read. */
  readonly parser: ParserModel | null;
  readonly filter: ParseFilter;
}

/**
 * The default parse filter: a sentence can hold an event when it has a verb and names an actor (an entity linked
 * to a country or a CAMEO code). Parsing costs about what tagging every sentence does; on BBC news this keeps about 40% of
 * the tokens (80% have a verb and some entity, 10% are in sentences the coder finds an event in).
 */
export function mayHoldEvent(sentence: SyntaxSentence): boolean {
  // Note: parsing also the sentences with only a plural noun or a proper name (`Police arrested ...`) gained 0.003
  // of fully right events on PLV and cost a third of the event stage's speed with its parse.
  return sentence.actorMentions > 0 && sentence.tags.some((t) => t.startsWith('VB') || t === 'MD');
}

/** Builds the syntax stage for a parse filter. */
export function syntaxStageWith(options: SyntaxOptions = {}): Stage<SyntaxResources> {
  return {
    name: 'syntax',
    requires: ['tokens', 'sentences', 'entities'],
    assigns: ['pos', 'deps'],
    load: (resources) => {
      const filter = options.parse ?? DEFAULT_PARSE;
      return { tagger: resources.posTagger(), parser: filter === 'none' ? null : resources.parser(), filter };
    },
    run(article, resources) {
      const { text, layers } = article;
      return { layers: assignSyntax(text, layers.tokens ?? [], (layers.sentences ?? []).length, layers.entities ?? [], resources) };
    },
  };
}

/** The syntax stage: every token tagged; the sentences {@link DEFAULT_PARSE} names parsed. */
export const syntaxStage: Stage<SyntaxResources> = syntaxStageWith();

/** Tags every sentence and parses those the filter lets through. */
export function assignSyntax(text: string, tokens: readonly Token[], sentences: number, entities: readonly Entity[], r: SyntaxResources): { pos: string[]; deps: Array<Dependency | null> } {
  const pos: string[] = new Array<string>(tokens.length);
  const deps: Array<Dependency | null> = new Array<Dependency | null>(tokens.length).fill(null);
  const starts = mentionStarts(entities);
  let from = 0;
  for (let index = 0; index < sentences && from < tokens.length; index++) {
    let to = from;
    while (to < tokens.length && tokens[to]!.sentence === index) to++;
    if (to === from) continue;
    const sentenceTokens = tokens.slice(from, to);
    const words = sentenceTokens.map((t) => text.slice(t.start, t.end));
    const tags = tagPos(r.tagger, { words });
    tags.forEach((tag, k) => (pos[from + k] = tag));
    const sentence: SyntaxSentence = { index, tokens: sentenceTokens, words, tags, actorMentions: countWithin(starts, sentenceTokens[0]!.start, sentenceTokens.at(-1)!.end) };
    if (r.parser && r.filter !== 'none' && (r.filter === 'all' || r.filter(sentence))) {
      const tree = parse(r.parser, words, tags);
      tree.heads.forEach((h, k) => (deps[from + k] = { head: h < 0 ? -1 : from + h, relation: tree.relations[k]! }));
    }
    from = to;
  }
  return { pos, deps };
}

/** The start of every mention of an entity that can act (a person, an organisation, a state or a nationality), sorted. */
function mentionStarts(entities: readonly Entity[]): number[] {
  return entities.flatMap((e) => ((e.links.cameo ?? e.links.country) === null && !ACTING.has(e.type) ? [] : e.mentions.map((m) => m.start))).sort((a, b) => a - b);
}

/** The entity types that can be an event's source or target without a CAMEO code (`the ACLU`, `Erdogan`). */
const ACTING: ReadonlySet<string> = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);

/** How many sorted offsets lie in [start, end). */
function countWithin(sorted: readonly number[], start: number, end: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  while (lo + n < sorted.length && sorted[lo + n]! < end) n++;
  return n;
}
