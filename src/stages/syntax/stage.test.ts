import { describe, expect, it } from 'vitest';
import { createArticle } from '../../article/article.js';
import { EMPTY_META } from '../../article/meta.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { selectStages } from '../../pipeline/default.js';
import { mayHoldEvent, syntaxStage, syntaxStageWith } from './stage.js';

const text = 'Russia attacked Ukraine on Monday. The weather was mild.';

describe('the syntax stage', () => {
  const article = createPipeline([...selectStages(['entities']), syntaxStageWith({ parse: mayHoldEvent })]).run(createArticle(text, EMPTY_META));
  const tokens = article.layers.tokens!;
  const words = tokens.map((t) => text.slice(t.start, t.end));
  const at = (word: string): number => words.indexOf(word);

  it('tags every token', () => {
    expect(article.layers.pos).toHaveLength(tokens.length);
    expect(article.layers.pos![at('attacked')]).toBe('VBD');
    expect(article.layers.pos![at('weather')]).toBe('NN');
  });

  it('parses a simple sentence into subject, verb and object', () => {
    const deps = article.layers.deps!;
    const verb = at('attacked');
    expect(deps[verb]).toEqual({ head: -1, relation: 'root' });
    expect(deps[at('Russia')]).toEqual({ head: verb, relation: 'nsubj' });
    expect(deps[at('Ukraine')]).toEqual({ head: verb, relation: 'obj' });
    expect(deps[at('on')]).toEqual({ head: at('Monday'), relation: 'case' });
  });

  it('parses in the default pipeline what may hold an event, and never reads the parser when asked to parse nothing', () => {
    const plain = createPipeline(selectStages(['syntax'])).run(createArticle(text, EMPTY_META));
    expect(plain.layers.deps![at('Russia')]).toEqual({ head: at('attacked'), relation: 'nsubj' });
    const none = syntaxStageWith({ parse: 'none' });
    expect(none.load!({ posTagger: () => article as never, parser: () => { throw new Error('the parser was read'); } } as never)).toMatchObject({ parser: null, filter: 'none' });
    expect(syntaxStage.load!({ posTagger: () => article as never, parser: () => 'parser' as never } as never)).toMatchObject({ parser: 'parser' });
  });

  it('takes a sentence with a verb and a person, an organisation, a state or a nationality for one that may hold an event', () => {
    const parsed = createPipeline([...selectStages(['entities']), syntaxStageWith({ parse: mayHoldEvent })]).run(createArticle('Barack Obama visited Paris on Monday.', EMPTY_META));
    expect(parsed.layers.deps!.every((d) => d !== null)).toBe(true);
    const sentence = (tags: string[], actorMentions: number) => ({ index: 0, tokens: [], words: tags, tags, actorMentions });
    expect(mayHoldEvent(sentence(['NNS', 'VBD', 'DT', 'NN'], 1))).toBe(true);
    expect(mayHoldEvent(sentence(['NNS', 'VBD', 'DT', 'NN'], 0))).toBe(false);
    expect(mayHoldEvent(sentence(['NNP', 'RB'], 1))).toBe(false);
  });

  it('leaves a sentence without an actor unparsed (null), unless asked to parse every sentence', () => {
    const second = tokens.findIndex((t) => t.sentence === 1);
    expect(article.layers.deps!.slice(second).every((d) => d === null)).toBe(true);
    const all = createPipeline([...selectStages(['entities']), syntaxStageWith({ parse: 'all' })]).run(createArticle(text, EMPTY_META));
    const was = all.layers.deps![at('was')]!;
    expect(all.layers.deps![at('weather')]).toEqual({ head: at('mild'), relation: 'nsubj' });
    expect(was.head).toBe(at('mild'));
  });
});
