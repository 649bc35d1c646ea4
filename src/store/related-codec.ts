/** A story's related-coverage features as every store keeps them (JSON), and the keys its counts are kept under. */
import type { StoryFeatures } from '../stories/index.js';

type StoryMention = StoryFeatures['actors'] extends ReadonlyMap<string, infer M> ? M : never;

/** A story's features as stored (JSON): mentions as lists, the rest as they are. */
interface StoredFeatures {
  readonly actors: readonly StoryMention[];
  readonly places: readonly StoryMention[];
  readonly days: StoryFeatures['days'];
  readonly anchor: number | null;
  readonly eventTypes: readonly string[];
}

/** A story's features as stored. */
export function encodeFeatures(f: StoryFeatures): string {
  const stored: StoredFeatures = { actors: [...f.actors.values()], places: [...f.places.values()], days: f.days, anchor: f.anchor, eventTypes: [...f.eventTypes] };
  return JSON.stringify(stored);
}

/** A story's features from what {@link encodeFeatures} stored. */
export function decodeFeatures(data: string): StoryFeatures {
  const s = JSON.parse(data) as StoredFeatures;
  const byKey = (ms: readonly StoryMention[]) => new Map(ms.map((m) => [m.key, m]));
  return { actors: byKey(s.actors), places: byKey(s.places), days: s.days, anchor: s.anchor, eventTypes: new Set(s.eventTypes) };
}

/** The keys a story's counts are kept under: its actors' and places' (not the related keys, which carry a week). */
export function countedKeys(f: StoryFeatures): string[] {
  return [...new Set([...f.actors.keys(), ...f.places.keys()])];
}

