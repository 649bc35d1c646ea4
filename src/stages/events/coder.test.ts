import { describe, expect, it } from 'vitest';
import { createArticle } from '../../article/article.js';
import type { Event } from '../../article/layers.js';
import { EMPTY_META } from '../../article/meta.js';
import { stagesWithEvents } from '../../pipeline/default.js';
import { createPipeline, defaultPipeline } from '../../pipeline/pipeline.js';
import { syntaxStageWith } from '../syntax/stage.js';
import type { EventDraft } from './candidates.js';
import { dropEchoes, keepConfident, SENTENCE_RATIO } from './refiners.js';

const run = (text: string): readonly Event[] => defaultPipeline().run(createArticle(text, { ...EMPTY_META, language: 'en', published: '2025-09-13' })).layers.events ?? [];
const brief = (e: Event): string => `${e.source.map((a) => a.text).join('+')} ${e.plover} ${e.target.map((a) => a.text).join('+')} (${e.rule})`;

describe('the event coder', () => {
  it('finds with the typer and the parse an event the verb dictionary does not code', () => {
    expect(run('Russia launched cyber warfare against Britain.').map(brief)).toContain('Russia ASSAULT Britain (learned)');
  });

  it('finds nothing the dictionary does not code when the sentence is not parsed', () => {
    const stages = stagesWithEvents({}).map((s) => (s.name === 'syntax' ? syntaxStageWith({ parse: 'none' }) : s));
    const events = createPipeline(stages).run(createArticle('Russia launched cyber warfare against Britain.', { ...EMPTY_META, language: 'en' })).layers.events ?? [];
    expect(events.filter((e) => e.rule === 'learned')).toEqual([]);
  });

  it('takes a target from the parse that no dictionary names, as an actor of unknown code', () => {
    const e = run('Russian troops attacked a military base on Sunday.').find((x) => x.trigger.text === 'attacked');
    expect(e?.target.map((a) => [a.text, a.code, a.entity])).toEqual([['a military base', '---', null]]);
  });

  it('gives every event a confidence between 0 and 1', () => {
    const events = run('Moscow and Pyongyang signed a mutual defence pact last year when Russian President Vladimir Putin visited the reclusive state.');
    expect(events.length).toBeGreaterThan(1);
    for (const e of events) expect(e.confidence).toBeGreaterThan(0), expect(e.confidence).toBeLessThanOrEqual(1);
  });
});

const draft = (sentence: number, start: number, confidence: number, rule = 'verb', plover = 'ASSAULT', target = 1): EventDraft => ({
  cameo: '190', plover, mode: 'asserted', date: null, place: null, sentence, rule, quote: null, reportedBy: null, confidence,
  trigger: { start, end: start + 1, text: 'x' },
  source: [{ entity: 'E1', code: 'RUS', country: 'RUS', text: 'Russia', start: 0, end: 6 }],
  target: Array.from({ length: target }, () => ({ entity: 'E2', code: 'UKR', country: 'UKR', text: 'Ukraine', start: 20, end: 27 })),
});

describe('the refiners', () => {
  it('keeps in a sentence the triggers at least SENTENCE_RATIO as confident as its best, all events of a kept trigger', () => {
    const kept = keepConfident([draft(0, 10, 0.9), draft(0, 10, 0.2), draft(0, 30, 0.9 * SENTENCE_RATIO), draft(0, 40, 0.9 * SENTENCE_RATIO - 0.01), draft(1, 10, 0.1)]);
    expect(kept.map((d) => [d.sentence, d.trigger.start, d.confidence])).toEqual([[0, 10, 0.9], [0, 10, 0.2], [0, 30, 0.9 * SENTENCE_RATIO], [1, 10, 0.1]]);
  });

  it('weighs what a quote reports apart from the statement that reports it', () => {
    const reported = { ...draft(0, 30, 0.3), quote: 'Q1' };
    expect(keepConfident([draft(0, 10, 0.9), reported]).map((d) => d.trigger.start)).toEqual([10, 30]);
    expect(keepConfident([draft(0, 10, 0.9), draft(0, 30, 0.3)]).map((d) => d.trigger.start)).toEqual([10]);
  });

  it('drops an event noun without a target, and one that echoes a verb event of its sentence', () => {
    const kept = dropEchoes([draft(0, 10, 0.9), draft(0, 20, 0.5, 'noun'), draft(0, 30, 0.5, 'noun', 'AID'), draft(1, 5, 0.5, 'noun', 'AID', 0)]);
    expect(kept.map((d) => [d.sentence, d.rule, d.plover])).toEqual([[0, 'verb', 'ASSAULT'], [0, 'noun', 'AID']]);
  });
});
