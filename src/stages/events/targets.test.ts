import { describe, expect, it } from 'vitest';
import { decodeTargetModel, linearTargetRanker, targetFeatures, trainTargetWeights, TARGETS_FORMAT, type TargetCandidate, type TargetContext } from './targets.js';
import type { SentenceTree } from './syntax-args.js';

const lower = ['un', 'condemned', 'the', 'attack', 'in', 'pakistan'];
const tree: SentenceTree = { heads: [1, -1, 3, 1, 5, 3], relations: ['nsubj', 'root', 'det', 'obj', 'case', 'nmod'], children: [[], [0, 3], [], [2, 5], [], [4]] };
const context: TargetContext = { lower, tags: ['NNP', 'VBD', 'DT', 'NN', 'IN', 'NNP'], tree, predicate: 1, source: null };
const actor = (text: string, start: number, code: string) => ({ entity: code === '---' ? null : text, code, text, start, end: start + text.length });
const pakistan: TargetCandidate = { group: { from: 5, to: 5, actors: [actor('Pakistan', 30, 'PAK')] }, reach: 'obj>nmod:in', kind: 'holding', head: 5 };
const attack: TargetCandidate = { group: { from: 2, to: 3, actors: [actor('the attack', 14, '---')] }, reach: 'obj', kind: 'phrase', head: 3 };

describe('the target ranker', () => {
  it('describes a candidate by how the parse reaches it, what it is, and the verb', () => {
    const features = targetFeatures(pakistan, 0, context);
    expect(features).toEqual(expect.arrayContaining(['r=obj>nmod:in', 'k=holding', 'c=country', 'h=pakistan', 'side=after', 'o=0']));
    expect(features.find((f) => f.startsWith('vr='))).toMatch(/^vr=condemn\w*\|obj>nmod:in$/u);
  });

  it('chooses the candidate whose features weigh most, the earliest on a tie', () => {
    expect(linearTargetRanker(new Map()).choose([pakistan, attack], context)).toBe(0);
    expect(linearTargetRanker(new Map([['k=phrase', 1]])).choose([pakistan, attack], context)).toBe(1);
  });

  it('learns from instances which kind of candidate is right, and keeps nothing from instances it cannot learn from', () => {
    const instance = { features: [targetFeatures(pakistan, 0, context), targetFeatures(attack, 1, context)], right: [false, true] };
    const weights = trainTargetWeights([instance, instance]);
    expect(linearTargetRanker(weights).choose([pakistan, attack], context)).toBe(1);
    expect(trainTargetWeights([{ features: instance.features, right: [true, true] }, { features: instance.features, right: [false, false] }]).size).toBe(0);
  });

  it('reads its file and refuses what is not one with WG_MODEL_FORMAT', () => {
    const file = Buffer.from(JSON.stringify({ format: TARGETS_FORMAT, generatedBy: 'test', weights: { 'k=phrase': 2 } }));
    expect(decodeTargetModel(file, 'targets.json').choose([pakistan, attack], context)).toBe(1);
    for (const bad of ['{', JSON.stringify({ format: 'wiregraph-targets/0', weights: {} }), 'null']) {
      expect(() => decodeTargetModel(Buffer.from(bad), 'targets.json')).toThrow(expect.objectContaining({ code: 'WG_MODEL_FORMAT' }));
    }
  });
});
