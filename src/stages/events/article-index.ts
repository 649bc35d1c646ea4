import type { Entity, Mention, Quote, Timex, Token } from '../../article/layers.js';
import { SpanIndex } from '../common/span-index.js';

/** A mention placed in the list of every entity's mentions, for an index over them all. */
interface PlacedMention {
  readonly start: number;
  readonly end: number;
  readonly entity: number;
  readonly mention: Mention;
}

/**
 * What the coder asks of the whole article for each sentence (its entities' mentions, its timexes, the quote
 * around a trigger), indexed once per article, so a sentence costs what it holds and not a scan of the article.
 */
export class ArticleIndex {
  private readonly mentions: SpanIndex<PlacedMention>;
  private readonly timexes: SpanIndex<Timex>;
  private readonly quotes: SpanIndex<{ readonly start: number; readonly end: number; readonly quote: Quote }>;
  private readonly cues: SpanIndex<{ readonly start: number; readonly end: number; readonly quote: Quote }>;

  constructor(private readonly entities: readonly Entity[], timexes: readonly Timex[], quotes: readonly Quote[]) {
    this.mentions = new SpanIndex(entities.flatMap((e, entity) => e.mentions.map((mention) => ({ start: mention.start, end: mention.end, entity, mention }))));
    this.timexes = new SpanIndex(timexes);
    this.quotes = new SpanIndex(quotes.map((quote) => ({ start: quote.content.start, end: quote.content.end, quote })));
    this.cues = new SpanIndex(quotes.map((quote) => ({ start: quote.cue.start, end: quote.cue.end, quote })));
  }

  /**
   * The entities with a mention starting within a sentence's tokens, in the article's order, each with only
   * those mentions (in their order): every question about a sentence's mentions gets the answer it got from
   * all entities, since a mention that starts elsewhere is never in the sentence.
   */
  entitiesIn(tokens: readonly Token[]): Entity[] {
    if (tokens.length === 0) return [];
    const out: Entity[] = [];
    let entity = -1;
    let mentions: Mention[] = [];
    for (const placed of this.mentions.startingIn(tokens[0]!.start, tokens.at(-1)!.end)) {
      if (placed.entity !== entity) {
        entity = placed.entity;
        mentions = [];
        out.push({ ...this.entities[entity]!, mentions });
      }
      mentions.push(placed.mention);
    }
    return out;
  }

  /** The timexes lying within a sentence's tokens, in the article's order. */
  timexesIn(tokens: readonly Token[]): Timex[] {
    return tokens.length === 0 ? [] : this.timexes.within(tokens[0]!.start, tokens.at(-1)!.end);
  }

  /** The first quote (in the layer's order) whose cue holds a span (`added` in `"...," he added`), or null. */
  quoteCuedBy(start: number, end: number): Quote | null {
    return this.cues.firstContaining({ start, end })?.quote ?? null;
  }

  /** The first quote (in the layer's order) whose content holds a span, or null. */
  quoteAround(start: number, end: number): Quote | null {
    return this.quotes.firstContaining({ start, end })?.quote ?? null;
  }
}
