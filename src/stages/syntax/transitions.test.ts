import { describe, expect, it } from 'vitest';
import { Configuration, LEFT, MOVES, RIGHT, SHIFT } from './transitions.js';
import { isProjective, parseConllu } from './treebank.js';

// Note: "Russia sent troops to the border ." with its UD tree, written by hand.
const TREE = `# text = Russia sent troops to the border .
1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tsent\tsend\tVERB\tVBD\t_\t0\troot\t_\t_
3\ttroops\ttroop\tNOUN\tNNS\t_\t2\tobj\t_\t_
4\tto\tto\tADP\tIN\t_\t6\tcase\t_\t_
5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_
6\tborder\tborder\tNOUN\tNN\t_\t2\tobl\t_\t_
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
`;

/** Follows the oracle's first move of cost 0 (in the order given) until the tree is done. */
function followOracle(gold: readonly number[], order: readonly number[]): Configuration {
  const heads = Int32Array.from([0, ...gold.map((h) => h + 1)]);
  const c = new Configuration(gold.length);
  for (let steps = 0; !c.done; steps++) {
    if (steps > 4 * gold.length) throw new Error('the oracle does not finish');
    const move = order.find((m) => c.legal(m) && c.cost(m, heads) === 0);
    if (move === undefined) throw new Error('no move of cost 0');
    c.apply(move, 0);
  }
  return c;
}

describe('the arc-hybrid transition system', () => {
  const [sentence] = parseConllu(TREE);

  it('reads a CoNLL-U tree with 0-based heads and the root as -1', () => {
    expect(sentence!.words).toEqual(['Russia', 'sent', 'troops', 'to', 'the', 'border', '.']);
    expect(sentence!.heads).toEqual([1, -1, 1, 5, 5, 1, 1]);
    expect(sentence!.relations[0]).toBe('nsubj');
  });

  it('rebuilds the gold tree by following moves of cost 0, whichever of them it prefers', () => {
    for (const order of [[SHIFT, LEFT, RIGHT], [LEFT, RIGHT, SHIFT], [RIGHT, LEFT, SHIFT]]) {
      const c = followOracle(sentence!.heads, order);
      expect(Array.from(c.heads.slice(1), (h) => h - 1)).toEqual(sentence!.heads);
    }
  });

  it('gives a move that loses gold arcs its cost', () => {
    const heads = Int32Array.from([0, ...sentence!.heads.map((h) => h + 1)]);
    const c = new Configuration(sentence!.heads.length);
    c.apply(SHIFT);
    // Note: the stack holds Russia, the buffer starts at sent: attaching Russia to the root loses Russia <- sent.
    expect(c.cost(RIGHT, heads)).toBe(1);
    expect(c.cost(LEFT, heads)).toBe(0);
    c.apply(SHIFT);
    // Note: sent is on the stack over Russia; shifting troops loses nothing, but sent can no longer take Russia.
    expect(c.cost(LEFT, heads)).toBeGreaterThan(0);
    expect(MOVES[SHIFT]).toBe('SHIFT');
  });

  it('keeps the leftmost and rightmost children for the features', () => {
    const c = followOracle(sentence!.heads, [SHIFT, LEFT, RIGHT]);
    expect(c.left1[2]).toBe(1);
    expect(c.right1[2]).toBe(7);
    expect(c.right2[2]).toBe(6);
    expect(c.leftCount[6]).toBe(2);
  });
});

describe('the projective check', () => {
  it('accepts a tree whose arcs do not cross', () => {
    expect(isProjective([1, -1, 1, 5, 5, 1, 1])).toBe(true);
  });

  it('refuses crossing arcs, the root arc included', () => {
    // Note: 0 -> 2 and 1 -> 3 cross.
    expect(isProjective([-1, 3, 0, 0])).toBe(false);
    // Note: the word before the root's dependent hangs on a word after it, across the root arc.
    expect(isProjective([2, -1, 1])).toBe(false);
  });
});

describe('a configuration used again', () => {
  const [sentence] = parseConllu(TREE);
  const gold = sentence!.heads;

  it('parses a short sentence after a longer one as a new configuration does', () => {
    const heads = Int32Array.from([0, ...gold.map((h) => h + 1)]);
    const run = (c: Configuration): number[] => {
      while (!c.done) c.apply([SHIFT, LEFT, RIGHT].find((m) => c.legal(m) && c.cost(m, heads) === 0)!, 0);
      return Array.from(c.heads.subarray(1, gold.length + 1), (h) => h - 1);
    };
    const reused = new Configuration(3, 40);
    for (let k = 0; k < 3; k++) reused.apply(SHIFT);
    reused.reset(gold.length);
    expect(reused.n).toBe(gold.length);
    expect(run(reused)).toEqual(run(new Configuration(gold.length)));
    expect(run(reused)).toEqual([...gold]);
  });

  it('refuses a sentence longer than its room', () => {
    expect(() => new Configuration(3, 5).reset(6)).toThrow(/room for 5/u);
  });
});
