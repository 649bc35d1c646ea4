import type { Entity, EntityType, Mention } from '../../article/layers.js';
import type { Span } from '../../article/span.js';
import { SpanIndex } from '../common/span-index.js';

const RANK: Readonly<Record<string, number>> = { PERSON: 4, ORG: 3, GPE: 2, NORP: 1, LOC: 0, MISC: 0 };

/** An entity mention with the entity it belongs to. */
export interface EntityMention {
  readonly entity: Entity;
  readonly mention: Mention;
}

interface Placed extends EntityMention, Span {}

/**
 * Every mention of every entity, indexed by position, for the speaker, addressee and channel questions:
 * each answer is what a scan over all entities and their mentions (in layer order) would give, in log n
 * plus the mentions near the span asked about.
 */
export class MentionIndex {
  private readonly index: SpanIndex<Placed>;

  constructor(entities: readonly Entity[]) {
    const placed: Placed[] = [];
    for (const entity of entities) for (const mention of entity.mentions) placed.push({ start: mention.start, end: mention.end, entity, mention });
    this.index = new SpanIndex(placed);
  }

  /**
   * The mention that best names a span: inside it, the highest-ranked type, then the latest end (the
   * first in layer order among equals).
   * @param types - only entities of these types, when given
   */
  inside(span: Span, types?: ReadonlySet<EntityType>): EntityMention | null {
    let best: Placed | null = null;
    for (const m of this.index.within(span.start, span.end)) {
      if (types && !types.has(m.entity.type)) continue;
      if (!best || RANK[m.entity.type]! > RANK[best.entity.type]! || (RANK[m.entity.type] === RANK[best.entity.type] && m.end > best.end)) best = m;
    }
    return best && { entity: best.entity, mention: best.mention };
  }

  /** The mention ending nearest before an offset and starting at or after `floor` (the antecedent of `who`). */
  before(offset: number, floor: number): EntityMention | null {
    let best: Placed | null = null;
    for (const m of this.index.within(floor, offset)) if (!best || m.end > best.end) best = m;
    return best && { entity: best.entity, mention: best.mention };
  }
}
