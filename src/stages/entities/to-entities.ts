import type { Entity, Mention } from '../../article/layers.js';
import { overlaps } from '../../article/span.js';
import type { Candidate } from './candidate.js';

/**
 * Groups candidates by key into entities, in order of first mention. An entity's name is its
 * knowledge-base name when it has one, else its longest name mention; its links come from its best-linked mention.
 */
export function toEntities(candidates: readonly Candidate[], roles: ReadonlyMap<string, string>): Entity[] {
  const groups = new Map<string, Candidate[]>();
  // Note: candidates come in order of start, so an earlier member overlaps a non-empty one exactly when it ends after its start.
  const furthestEnd = new Map<string, number>();
  for (const c of [...candidates].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const group = groups.get(c.key) ?? [];
    const overlapping = c.end > c.start ? (furthestEnd.get(c.key) ?? -Infinity) > c.start : group.some((g) => overlaps(g, c));
    if (!overlapping) {
      group.push(c);
      furthestEnd.set(c.key, Math.max(furthestEnd.get(c.key) ?? -Infinity, c.end));
    }
    groups.set(c.key, group);
  }
  return [...groups.entries()].map(([key, group], i) => {
    const names = group.filter((c) => c.kind === 'name');
    const linked = [...group].sort((a, b) => score(b) - score(a))[0]!;
    const canonical = group.find((c) => c.canonical)?.canonical;
    const longest = [...names].sort((a, b) => b.text.length - a.text.length)[0]?.text ?? group[0]!.text;
    const mentions: Mention[] = group.map((c) => ({ start: c.start, end: c.end, text: c.text, kind: c.kind }));
    return {
      id: `E${i + 1}`,
      type: linked.type,
      name: linked.type === 'PERSON' || linked.type === 'NORP' ? longest : (canonical ?? longest),
      links: linked.links,
      role: roles.get(key) ?? null,
      mentions,
    };
  });
}

function score(c: Candidate): number {
  return (c.links.wikidata ? 4 : 0) + (c.links.country ? 2 : 0) + (c.links.cameo ? 1 : 0) + (c.kind === 'name' ? 0.5 : 0);
}
