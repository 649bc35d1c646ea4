import type { EntityLinks, EntityType, MentionKind } from '../../article/layers.js';

/** A mention on its way to becoming part of an entity: typed, linked, and keyed for grouping. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: MentionKind;
  readonly type: EntityType;
  /** Mentions with the same key are one entity (`country:PRK`, `person:Q56226`). */
  readonly key: string;
  /** The entity's name when this mention defines it (a knowledge-base name), else null. */
  readonly canonical: string | null;
  readonly links: EntityLinks;
  /** Which recogniser or refiner decided this mention, for provenance. */
  readonly rule: string;
}

/** No links. */
export const NO_LINKS: EntityLinks = Object.freeze({ wikidata: null, country: null, cameo: null });
