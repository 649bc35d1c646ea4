import { arcFeatures, configurationFeatures, hashText, MAX_ARC_FEATURES, MAX_FEATURES, parserSentence, type ParserSentence } from './features.js';
import { Configuration, LEFT, RIGHT, SHIFT } from './transitions.js';

/**
 * A loaded parser, in two parts scored one after the other: the move (SHIFT, LEFT or RIGHT) from the
 * configuration's features, then, for a move that adds an arc, the arc's relation from features of its own.
 * Weights are the model file's integers (a decision is the same at any scale).
 * Note: a move's score is kept relative to SHIFT's, so each move feature has two weights, and a slot of its table
 * is two 32-bit words (its key, then both weights as 16-bit halves): 8 bytes, so that the table of a few hundred
 * thousand slots stays within the processor's caches, which is what parsing spends most of its time waiting on.
 */
export interface ParserModel {
  readonly relations: readonly string[];
  /** The hash of each relation's name, for the features that read a child's relation. */
  readonly relationHashes: Uint32Array;
  /** Slots of the move table − 1 (a power of two less one). */
  readonly moveMask: number;
  /** Per slot, two words: the key (0 for an empty slot), then LEFT's weight less SHIFT's (low 16 bits) and RIGHT's less SHIFT's (high 16 bits). */
  readonly moveSlots: Int32Array;
  /** One bit per {@link filterBit} of a move key: clear when no key of the table has it (most looked-up keys are absent). */
  readonly moveFilter: Int32Array;
  /** Slots of the relation table − 1. */
  readonly arcMask: number;
  /**
   * Per slot, four words: the key (0 for an empty slot), where its weights past the first two start in `arcPairs`
   * × 64 + how many, then its first two weights as pairs (0 for none: it adds 0 to relation 0).
   */
  readonly arcSlots: Int32Array;
  readonly arcFilter: Int32Array;
  /** The relation features' weights, sparse: each the relation's index (high 16 bits) and the weight (low 16 bits). */
  readonly arcPairs: Int32Array;
  /** What one unit of the move weights and of the relation weights stands for (for inspection). */
  readonly moveScale: number;
  readonly relationScale: number;
}

/** A parse: each word's head (0-based, -1 for the root's dependent) and relation. */
export interface Parse {
  readonly heads: number[];
  readonly relations: string[];
}

/** What {@link parserModel} is built from: integer weights (a file's, or a trainer's quantised ones). */
export interface ParserWeights {
  readonly relations: readonly string[];
  /** Key -> LEFT's and RIGHT's weight, each less SHIFT's, in 16 bits. */
  readonly moves: Iterable<readonly [number, number, number]>;
  /** Key -> one weight per relation, in 16 bits. */
  readonly arcs: Iterable<readonly [number, ArrayLike<number>]>;
  readonly moveScale: number;
  readonly relationScale: number;
}

/** A relation feature's weights are at most 2^ARC_RUN_BITS − 1 (one per relation). */
const ARC_RUN_BITS = 6;
const ARC_RUN = 1 << ARC_RUN_BITS;

/** The most relations a model may have. */
export const MAX_RELATIONS = ARC_RUN - 1;

/** An open-addressing table of `count` keys, `words` 32-bit words a slot, at most `load` full. */
function slotTable(count: number, words: number, load: number): { mask: number; slots: Int32Array } {
  let size = 2;
  while (size * load < count) size <<= 1;
  return { mask: size - 1, slots: new Int32Array(size * words) };
}

/** Where a key goes (or is) in a slot table of `words` words a slot. */
function slotFor(slots: Int32Array, mask: number, words: number, key: number): number {
  let h = key & mask;
  while (slots[h * words] !== 0 && slots[h * words] !== (key | 0)) h = (h + 1) & mask;
  return h;
}

/** Bits of a key filter, 2^FILTER_BITS: 128 KiB, small enough to stay in the processor's second-level cache. */
const FILTER_BITS = 20;

/** The bit of a key in a filter (from other bits of the key than its slot's). */
function filterBit(key: number): number {
  return Math.imul(key, 0x2c1b3c6d) >>> (32 - FILTER_BITS);
}

/** A filter with the bits of the keys set. */
function keyFilter(keys: Iterable<number>): Int32Array {
  const filter = new Int32Array(1 << (FILTER_BITS - 5));
  for (const key of keys) filter[filterBit(key) >>> 5]! |= 1 << (filterBit(key) & 31);
  return filter;
}

/** Builds a model from integer weights. */
export function parserModel(w: ParserWeights): ParserModel {
  const moves = [...w.moves];
  const arcs = [...w.arcs];
  const move = slotTable(moves.length, 2, 0.5);
  for (const [key, left, right] of moves) {
    // Note: key 0 marks an empty slot; the features never make it (see featureKey).
    const h = slotFor(move.slots, move.mask, 2, key);
    move.slots[h * 2] = key | 0;
    move.slots[h * 2 + 1] = (left & 0xffff) | (right << 16);
  }
  // Note: the key filter in front keeps most lookups of absent keys off the table, so it may be fuller than the moves'.
  const arc = slotTable(arcs.length, 4, 0.75);
  const width = w.relations.length;
  if (width > MAX_RELATIONS) throw new Error(`parserModel: ${width} relations, more than ${MAX_RELATIONS}`);
  // Note: a relation feature keeps two of its 50-odd weights on average once pruned, so they are kept sparse, and
  // the first two in its slot, where the lookup has just read the key.
  const pairs: number[] = [];
  for (const [key, row] of arcs) {
    const h = slotFor(arc.slots, arc.mask, 4, key);
    const own: number[] = [];
    for (let r = 0; r < width; r++) if (row[r] !== 0) own.push((r << 16) | (row[r]! & 0xffff));
    arc.slots[h * 4] = key | 0;
    arc.slots[h * 4 + 1] = pairs.length * ARC_RUN + Math.max(own.length - 2, 0);
    arc.slots[h * 4 + 2] = own[0] ?? 0;
    arc.slots[h * 4 + 3] = own[1] ?? 0;
    pairs.push(...own.slice(2));
  }
  return {
    relations: w.relations, relationHashes: Uint32Array.from(w.relations.map(hashText)), moveMask: move.mask, moveSlots: move.slots,
    moveFilter: keyFilter(moves.map((m) => m[0])), arcFilter: keyFilter(arcs.map((a) => a[0])), arcMask: arc.mask, arcSlots: arc.slots, arcPairs: Int32Array.from(pairs), moveScale: w.moveScale, relationScale: w.relationScale,
  };
}

/** The tables of a {@link ParserModel} as a model file stores them (see `model-file.ts`). */
export const PARSER_TABLES = ['moveSlots', 'moveFilter', 'arcSlots', 'arcFilter', 'arcPairs'] as const;

/** A parser's small fields as a model file stores them beside its tables. */
export interface ParserFields {
  readonly relations: readonly string[];
  readonly moveMask: number;
  readonly arcMask: number;
  readonly moveScale: number;
  readonly relationScale: number;
}

/**
 * A model from stored tables (those {@link parserModel} built when the file was written), after checking that
 * they fit together, or the reason they do not.
 */
export function parserModelFromTables(fields: ParserFields, tables: Readonly<Record<string, Int32Array>>): ParserModel | string {
  const { relations, moveMask, arcMask } = fields;
  const missing = PARSER_TABLES.find((t) => tables[t] === undefined);
  if (missing !== undefined) return `it has no ${missing} table`;
  if (!Array.isArray(relations) || relations.length > MAX_RELATIONS) return `it must have at most ${MAX_RELATIONS} relations`;
  const powerLessOne = (m: number): boolean => Number.isInteger(m) && m > 0 && (m & (m + 1)) === 0;
  if (!powerLessOne(moveMask) || tables.moveSlots!.length !== (moveMask + 1) * 2) return 'its move table does not match its mask';
  if (!powerLessOne(arcMask) || tables.arcSlots!.length !== (arcMask + 1) * 4) return 'its relation table does not match its mask';
  const filterWords = 1 << (FILTER_BITS - 5);
  if (tables.moveFilter!.length !== filterWords || tables.arcFilter!.length !== filterWords) return 'its key filters have the wrong size';
  return {
    relations, relationHashes: Uint32Array.from(relations.map(hashText)), moveMask, moveSlots: tables.moveSlots!, moveFilter: tables.moveFilter!,
    arcMask, arcSlots: tables.arcSlots!, arcFilter: tables.arcFilter!, arcPairs: tables.arcPairs!, moveScale: fields.moveScale, relationScale: fields.relationScale,
  };
}

/** A feature's weights, for inspection, scaled: LEFT's and RIGHT's less SHIFT's, and the relations' by name (absent when the model lacks it). */
export function weightsOf(model: ParserModel, key: number): { moves?: [number, number]; relations?: Record<string, number> } {
  const out: { moves?: [number, number]; relations?: Record<string, number> } = {};
  const m = slotFor(model.moveSlots, model.moveMask, 2, key);
  if (model.moveSlots[m * 2] !== 0) {
    const packed = model.moveSlots[m * 2 + 1]!;
    out.moves = [((packed << 16) >> 16) * model.moveScale, (packed >> 16) * model.moveScale];
  }
  const a = slotFor(model.arcSlots, model.arcMask, 4, key);
  if (model.arcSlots[a * 4] !== 0) {
    const run = model.arcSlots[a * 4 + 1]!;
    const start = run >>> ARC_RUN_BITS;
    const list = [model.arcSlots[a * 4 + 2]!, model.arcSlots[a * 4 + 3]!, ...model.arcPairs.subarray(start, start + (run & (ARC_RUN - 1)))].filter((pair) => pair !== 0);
    out.relations = Object.fromEntries(list.map((pair) => [model.relations[pair >>> 16]!, ((pair << 16) >> 16) * model.relationScale]));
  }
  return out;
}

/** The best legal move for the first n keys. Note: SHIFT's score is 0, the others are relative to it. */
function bestMove(model: ParserModel, c: Configuration, keys: Uint32Array, n: number): number {
  const { moveMask: mask, moveSlots: slots, moveFilter: filter } = model;
  let left = 0;
  let right = 0;
  for (let k = 0; k < n; k++) {
    const key = keys[k]! | 0;
    const bit = Math.imul(key, 0x2c1b3c6d) >>> (32 - FILTER_BITS);
    if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
    let h = key & mask;
    let stored = slots[h * 2]!;
    while (stored !== key && stored !== 0) {
      h = (h + 1) & mask;
      stored = slots[h * 2]!;
    }
    if (stored === 0) continue;
    const packed = slots[h * 2 + 1]!;
    left += (packed << 16) >> 16;
    right += packed >> 16;
  }
  // Note: RIGHT is always legal until the tree is done; SHIFT and LEFT need a buffer (and LEFT a word on the stack).
  let move = RIGHT;
  let best = c.legal(RIGHT) ? right : -Infinity;
  if (c.legal(LEFT) && left > best) {
    move = LEFT;
    best = left;
  }
  if (c.legal(SHIFT) && (0 > best || best === -Infinity)) move = SHIFT;
  return move;
}

/** The best relation for the arc that `move` makes now. */
function bestRelation(model: ParserModel, c: Configuration, s: ParserSentence, move: number, keys: Uint32Array, scores: Int32Array): number {
  const n = arcFeatures(c, s, model.relationHashes, move, keys);
  const { arcMask: mask, arcSlots: slots, arcPairs, arcFilter: filter } = model;
  scores.fill(0);
  for (let k = 0; k < n; k++) {
    const key = keys[k]! | 0;
    const bit = Math.imul(key, 0x2c1b3c6d) >>> (32 - FILTER_BITS);
    if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) continue;
    let h = key & mask;
    let stored = slots[h * 4]!;
    while (stored !== key && stored !== 0) {
      h = (h + 1) & mask;
      stored = slots[h * 4]!;
    }
    if (stored === 0) continue;
    const first = slots[h * 4 + 2]!;
    const second = slots[h * 4 + 3]!;
    scores[first >>> 16]! += (first << 16) >> 16;
    scores[second >>> 16]! += (second << 16) >> 16;
    const run = slots[h * 4 + 1]!;
    const start = run >>> ARC_RUN_BITS;
    const end = start + (run & (ARC_RUN - 1));
    for (let p = start; p < end; p++) {
      const pair = arcPairs[p]!;
      scores[pair >>> 16]! += (pair << 16) >> 16;
    }
  }
  let relation = 0;
  for (let r = 1; r < scores.length; r++) if (scores[r]! > scores[relation]!) relation = r;
  return relation;
}

/**
 * Parses a sentence greedily: the best legal move at each step, and the best relation for each arc.
 * @param words - the sentence's words as written
 * @param tags - their Penn Treebank tags
 */
export function parse(model: ParserModel, words: readonly string[], tags: readonly string[]): Parse {
  const work = scratchFor(words.length, model.relations.length);
  const s = parserSentence(words, tags, work.sentence);
  const c = work.config;
  const { keys, scores } = work;
  c.reset(words.length);
  while (!c.done) {
    const move = bestMove(model, c, keys, configurationFeatures(c, s, model.relationHashes, keys));
    c.apply(move, move === SHIFT ? -1 : bestRelation(model, c, s, move, keys, scores));
  }
  const heads = new Array<number>(words.length);
  const relations = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) {
    heads[i] = c.heads[i + 1]! - 1;
    relations[i] = model.relations[c.relations[i + 1]!] ?? 'dep';
  }
  return { heads, relations };
}

/** What {@link parse} works in: a configuration, the sentence's hashes, the feature keys and relation scores. */
interface Scratch {
  readonly config: Configuration;
  readonly sentence: ParserSentence;
  readonly keys: Uint32Array;
  readonly scores: Int32Array;
}

let scratch: Scratch | null = null;

/**
 * The parse's working arrays, made again only for a longer sentence or a model of more relations than before.
 * Note: parsing is synchronous and not re-entrant, so one set serves every call.
 */
function scratchFor(words: number, relations: number): Scratch {
  if (scratch && scratch.config.capacity >= words && scratch.scores.length === relations) return scratch;
  const room = Math.max(words, 128, scratch?.config.capacity ?? 0);
  scratch = {
    config: new Configuration(room),
    sentence: { words: new Uint32Array(room + 1), tags: new Uint32Array(room + 1) },
    keys: new Uint32Array(Math.max(MAX_FEATURES, MAX_ARC_FEATURES)),
    scores: new Int32Array(relations),
  };
  return scratch;
}
