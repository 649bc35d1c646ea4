/**
 * The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) with its dynamic oracle
 * (Goldberg and Nivre 2013). Positions: 0 is the root, words are 1..n. The stack starts with the root; the
 * buffer is always the words from `next` to n, so it is one index.
 * - SHIFT moves the buffer's first word onto the stack;
 * - LEFT makes the buffer's first word the head of the stack's top, and pops it;
 * - RIGHT makes the word below the top the head of the top, and pops it.
 */

/** The three moves; arcs carry a relation chosen apart from the move. */
export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const MOVES = ['SHIFT', 'LEFT', 'RIGHT'] as const;

/** A parser configuration, with each word's outermost children kept for the features. */
export class Configuration {
  /** The sentence's words (at most the capacity the configuration was made with). */
  n: number;
  readonly stack: Int32Array;
  depth = 1;
  /** The buffer's first position; the buffer is empty when it passes n. */
  next = 1;
  /** Head of each position (-1 while it has none); the root's stays -1. */
  readonly heads: Int32Array;
  /** Relation index of each position's arc (-1 while it has none). */
  readonly relations: Int32Array;
  /** Leftmost and second leftmost, rightmost and second rightmost child of each position (-1 for none). */
  readonly left1: Int32Array;
  readonly left2: Int32Array;
  readonly right1: Int32Array;
  readonly right2: Int32Array;
  /** How many children each position has on its left and on its right. */
  readonly leftCount: Int32Array;
  readonly rightCount: Int32Array;

  /** A configuration for a sentence of `words` words, with room for `capacity` (for {@link reset}). */
  constructor(words: number, capacity = words) {
    this.n = words;
    const size = Math.max(words, capacity) + 1;
    this.stack = new Int32Array(size + 1);
    this.heads = new Int32Array(size);
    this.relations = new Int32Array(size);
    this.left1 = new Int32Array(size);
    this.left2 = new Int32Array(size);
    this.right1 = new Int32Array(size);
    this.right2 = new Int32Array(size);
    this.leftCount = new Int32Array(size);
    this.rightCount = new Int32Array(size);
    this.reset(words);
  }

  /** The words this configuration has room for. */
  get capacity(): number {
    return this.heads.length - 1;
  }

  /**
   * Starts again, for a sentence of `words` words (at most {@link capacity}): the root alone on the stack.
   * Note: the parser parses every sentence in one configuration, as making nine arrays a sentence cost a tenth of its time.
   */
  reset(words: number): void {
    if (words > this.capacity) throw new Error(`Configuration: ${words} words, room for ${this.capacity}`);
    this.n = words;
    this.depth = 1;
    this.next = 1;
    const size = words + 1;
    this.stack[0] = 0;
    this.heads.fill(-1, 0, size);
    this.relations.fill(-1, 0, size);
    this.left1.fill(-1, 0, size);
    this.left2.fill(-1, 0, size);
    this.right1.fill(-1, 0, size);
    this.right2.fill(-1, 0, size);
    this.leftCount.fill(0, 0, size);
    this.rightCount.fill(0, 0, size);
  }

  /** The stack's k-th position from the top (0: the top), or -1. */
  stackAt(k: number): number {
    return k < this.depth ? this.stack[this.depth - 1 - k]! : -1;
  }

  /** The buffer's k-th position (0: the first), or -1. */
  bufferAt(k: number): number {
    const p = this.next + k;
    return p <= this.n ? p : -1;
  }

  /** True when the tree is complete: the buffer is empty and only the root is left on the stack. */
  get done(): boolean {
    return this.next > this.n && this.depth === 1;
  }

  /** True when the move can be made now. */
  legal(move: number): boolean {
    if (move === SHIFT) return this.next <= this.n;
    if (move === LEFT) return this.next <= this.n && this.depth >= 2;
    return this.depth >= 2;
  }

  /** Makes a move (which must be legal), with the relation of the arc it adds. */
  apply(move: number, relation = -1): void {
    if (move === SHIFT) {
      this.stack[this.depth++] = this.next++;
      return;
    }
    const dependent = this.stack[--this.depth]!;
    const head = move === LEFT ? this.next : this.stack[this.depth - 1]!;
    this.attach(head, dependent, relation);
  }

  private attach(head: number, dependent: number, relation: number): void {
    this.heads[dependent] = head;
    this.relations[dependent] = relation;
    if (dependent < head) {
      this.leftCount[head]!++;
      if (this.left1[head] === -1 || dependent < this.left1[head]!) {
        this.left2[head] = this.left1[head]!;
        this.left1[head] = dependent;
      } else if (this.left2[head] === -1 || dependent < this.left2[head]!) this.left2[head] = dependent;
    } else {
      this.rightCount[head]!++;
      if (this.right1[head] === -1 || dependent > this.right1[head]!) {
        this.right2[head] = this.right1[head]!;
        this.right1[head] = dependent;
      } else if (this.right2[head] === -1 || dependent > this.right2[head]!) this.right2[head] = dependent;
    }
  }

  /**
   * How many gold arcs a move makes unreachable (the dynamic oracle): a move of cost 0 keeps the best tree
   * still reachable within reach. `gold` holds the gold head of each position (index 0, the root, unused).
   */
  cost(move: number, gold: Int32Array): number {
    const s0 = this.stackAt(0);
    const b = this.next;
    if (move === SHIFT) {
      // Note: once b is on the stack it cannot take a head left on the stack below the top, nor a child still on the stack.
      let c = 0;
      for (let k = 0; k < this.depth; k++) {
        const p = this.stack[k]!;
        if (gold[p] === b && p !== 0) c++;
        if (k < this.depth - 1 && gold[b] === p) c++;
      }
      return c;
    }
    let c = 0;
    // Note: popping s0 loses its children still in the buffer.
    for (let d = b; d <= this.n; d++) if (gold[d] === s0) c++;
    const h = gold[s0]!;
    if (move === LEFT) {
      if (h === this.stackAt(1) || (h > b && h <= this.n)) c++;
    } else if (h >= b && h <= this.n) c++;
    return c;
  }
}
