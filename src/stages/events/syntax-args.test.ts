import { describe, expect, it } from 'vitest';
import type { Token } from '../../article/layers.js';
import { UNKNOWN_ACTOR, type ActorGroup } from './sentence.js';
import { parsedArguments, sentenceTree, statementArguments, type ArgumentSentence, type SentenceTree } from './syntax-args.js';
import type { TargetCandidate, TargetChooser } from './targets.js';

/** A sentence with its tree written by hand: each word as `word/TAG/relation>head` (head -1 for the root). */
function sentence(spec: string): { s: ArgumentSentence; tree: SentenceTree; group: (...words: string[]) => ActorGroup } {
  const parts = spec.split(' ').map((p) => p.split('/'));
  const words = parts.map((p) => p[0]!);
  const text = words.join(' ');
  let at = 0;
  const tokens: Token[] = words.map((w) => {
    const t = { start: at, end: at + w.length, sentence: 0 } as Token;
    at += w.length + 1;
    return t;
  });
  const deps = parts.map((p) => {
    const [relation, head] = p[2]!.split('>');
    return { relation: relation!, head: Number(head) };
  });
  const tree = sentenceTree(deps, 0, words.length)!;
  const s = { tokens, lower: words.map((w) => w.toLowerCase()), tags: parts.map((p) => p[1]!), text };
  const group = (...names: string[]): ActorGroup => {
    const from = words.indexOf(names[0]!);
    const to = words.indexOf(names.at(-1)!);
    return { from, to, actors: [{ entity: names.join(' '), code: 'XXX', text: names.join(' '), start: tokens[from]!.start, end: tokens[to]!.end }] };
  };
  return { s, tree, group };
}

const names = (g: ActorGroup | null): string | null => (g ? g.actors.map((a) => a.text).join('+') : null);

describe('source and target from the parse', () => {
  it('takes the target of `support for X` from the object noun, before the object itself', () => {
    const { s, tree, group } = sentence('Russia/NNP/nsubj>1 stepped/VBD/root>-1 up/RP/compound:prt>1 support/NN/obj>1 for/IN/case>5 Pyongyang/NNP/nmod>3');
    const a = parsedArguments(s, tree, [group('Russia'), group('Pyongyang')], 1);
    expect([names(a.source), names(a.target)]).toEqual(['Russia', 'Pyongyang']);
  });

  it('takes the agent of a passive as the source and its subject as the target', () => {
    const { s, tree, group } = sentence('Arafat/NNP/nsubj:pass>2 was/VBD/aux:pass>2 criticized/VBN/root>-1 by/IN/case>4 officials/NNS/obl:agent>2');
    const a = parsedArguments(s, tree, [group('Arafat'), group('officials')], 2);
    expect([names(a.source), names(a.target)]).toEqual(['officials', 'Arafat']);
  });

  it('gives a participle clause the subject of the passive it hangs on, not its agent', () => {
    const { s, tree, group } = sentence('leader/NN/nsubj:pass>1 emboldened/VBN/root>-1 by/IN/case>3 war/NN/obl:agent>1 ,/,/punct>5 securing/VBG/advcl>1 support/NN/obj>5');
    const a = parsedArguments(s, tree, [group('leader'), group('war')], 5);
    expect(names(a.source)).toBe('leader');
    expect(a.target?.actors[0]).toMatchObject({ text: 'support', code: UNKNOWN_ACTOR, entity: null });
  });

  it('finds the target of an infinitive the verb takes (`agreed to set up a station at Digha`)', () => {
    const { s, tree, group } = sentence('Jio/NNP/nsubj>1 agreed/VBD/root>-1 to/TO/mark>3 set/VB/xcomp>1 up/RP/compound:prt>3 a/DT/det>6 station/NN/obj>3 at/IN/case>8 Digha/NNP/obl>3');
    const a = parsedArguments(s, tree, [group('Jio'), group('Digha')], 1);
    expect([names(a.source), names(a.target)]).toEqual(['Jio', 'Digha']);
  });

  it('codes a statement from the speaker to the subject of what they said, and nothing without a clause of content', () => {
    const { s, tree, group } = sentence('Lawmakers/NNS/nsubj>1 demanded/VBD/root>-1 that/IN/mark>5 the/DT/det>4 minister/NN/nsubj>5 resign/VB/ccomp>1');
    const a = statementArguments(s, tree, [group('Lawmakers')], 1);
    expect(names(a?.source ?? null)).toBe('Lawmakers');
    expect(a?.target?.actors[0]).toMatchObject({ text: 'the minister', code: UNKNOWN_ACTOR });
    const plain = sentence('Lawmakers/NNS/nsubj>1 demanded/VBD/root>-1 answers/NNS/obj>1');
    expect(statementArguments(plain.s, plain.tree, [plain.group('Lawmakers')], 1)).toBeNull();
  });

  it('offers a ranker every target the parse reaches and takes its choice; without one, the entity under the object wins', () => {
    const spec = 'UN/NNP/nsubj>1 condemned/VBD/root>-1 the/DT/det>4 terrorist/JJ/amod>4 attack/NN/obj>1 in/IN/case>6 Pakistan/NNP/nmod>4';
    const { s, tree, group } = sentence(spec);
    const groups = [group('UN'), group('Pakistan')];
    expect(names(parsedArguments(s, tree, groups, 1).target)).toBe('Pakistan');
    const seen: TargetCandidate[][] = [];
    const phrase: TargetChooser = { choose: (candidates) => (seen.push([...candidates]), candidates.findIndex((c) => c.kind === 'phrase' && c.reach === 'obj')) };
    const ranked = parsedArguments({ ...s, targets: phrase }, tree, groups, 1);
    expect(ranked.target?.actors[0]).toMatchObject({ text: 'the terrorist attack', code: UNKNOWN_ACTOR });
    expect(seen[0]!.map((c) => `${c.kind} ${c.reach}`)).toEqual(['holding obj>nmod:in', 'phrase obj>nmod:in', 'phrase obj']);
  });

  it('lets a ranker take coordinated sources as acting on each other, with no target of their own', () => {
    const { s, tree } = sentence('Trump/NNP/nsubj>3 and/CC/cc>2 Putin/NNP/conj>0 agreed/VBD/root>-1 to/TO/mark>5 share/VB/xcomp>3 information/NN/obj>5');
    const both: ActorGroup = { from: 0, to: 2, actors: [{ entity: 'T', code: 'USA', text: 'Trump', start: 0, end: 5 }, { entity: 'P', code: 'RUS', text: 'Putin', start: 10, end: 15 }] };
    const mutual: TargetChooser = { choose: (candidates) => candidates.findIndex((c) => c.kind === 'mutual') };
    const a = parsedArguments({ ...s, targets: mutual }, tree, [both], 3);
    expect(a.source).toBe(both);
    expect(a.target).toBeNull();
    expect(parsedArguments(s, tree, [both], 3).target?.actors[0]).toMatchObject({ text: 'information' });
  });

  it('has no tree for a sentence the syntax stage left unparsed', () => {
    expect(sentenceTree([null, null], 0, 2)).toBeNull();
    expect(sentenceTree(undefined, 0, 2)).toBeNull();
  });
});
