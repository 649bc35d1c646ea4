import type { Entity, Mention } from '../../article/layers.js';
import type { Span } from '../../article/span.js';

const RANK: Readonly<Record<string, number>> = { PERSON: 4, ORG: 3, GPE: 2, NORP: 1, LOC: 0, MISC: 0 };

/** The entity mention that best names a span: inside it, the highest-ranked type, then the latest. */
export function mentionIn(entities: readonly Entity[], span: Span): { entity: Entity; mention: Mention } | null {
  let best: { entity: Entity; mention: Mention } | null = null;
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      if (mention.start < span.start || mention.end > span.end) continue;
      if (!best || RANK[entity.type]! > RANK[best.entity.type]! || (RANK[entity.type] === RANK[best.entity.type] && mention.end > best.mention.end)) best = { entity, mention };
    }
  }
  return best;
}

/** The entity mention ending nearest before an offset (the antecedent of `who`). */
export function mentionBefore(entities: readonly Entity[], offset: number, floor: number): { entity: Entity; mention: Mention } | null {
  let best: { entity: Entity; mention: Mention } | null = null;
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      if (mention.end > offset || mention.start < floor) continue;
      if (!best || mention.end > best.mention.end) best = { entity, mention };
    }
  }
  return best;
}
