import { describe, expect, it } from 'vitest';
import { WiregraphError } from '../../../errors.js';
import { encodeWeights } from '../../../pipeline/weights.js';
import { defaultResources } from '../../../pipeline/resources.js';
import { mergeVerbDictionaries } from '../dictionaries/verbs.js';
import { candidateOf, readWritten, unmark } from './examples.js';
import { stem } from './features.js';
import { decodePloverModel, encodePloverModel, PLOVER_MODEL_FORMAT } from './model-file.js';
import { probabilities, scoreFeatures, trainPlover } from './model.js';
import { trainSoftmax } from './softmax.js';
import { isEvent, typeCandidate } from './typer.js';

const resources = defaultResources();
const lexicon = resources.eventLexicon();
const verbs = mergeVerbDictionaries([lexicon.verbs]);
const typer = resources.ploverTyper();
const decide = (marked: string) => typeCandidate(typer, candidateOf(marked, verbs, resources.posTagger()));

describe('the PLOVER typer', () => {
  // Note: sentences written for this test, none of them in the training data.
  it.each([
    ['ASSAULT', '<s>Rebel fighters</s> shelled <t>the town of Marib</t> overnight.'],
    ['ASSAULT', '<s>Israeli jets</s> struck <t>Hezbollah positions</t> in southern Lebanon.'],
    ['ACCUSE', '<s>The opposition</s> accused <t>the prime minister</t> of lying to parliament.'],
    ['ACCUSE', '<s>Human rights groups</s> condemned <t>the junta</t> for the executions.'],
    ['REJECT', '<s>Moscow</s> rejected <t>the Western ultimatum</t> outright.'],
    ['AGREE', '<s>The two rival factions</s> agreed to a truce brokered by <t>Qatar</t> on Sunday.'],
    ['CONSULT', '<s>The Chinese foreign minister</s> met <t>his Australian counterpart</t> in Canberra.'],
    // Note: PLV labels imposing sanctions COERCE (11 of 12 sentences), the manual SANCTION; the typer follows PLV there.
    ['SANCTION', '<s>Moscow</s> expelled <t>two British diplomats</t> on Friday.'],
    ['COERCE', '<s>Police</s> arrested <t>dozens of protesters</t> in the capital.'],
  ])('types %s: %s', (type, marked) => {
    const d = decide(marked);
    expect(d.type).toBe(type);
    expect(isEvent(d)).toBe(true);
    expect(d.typeConfidence).toBeGreaterThan(0);
    expect(d.typeConfidence).toBeLessThanOrEqual(1);
  });

  it.each([
    'The <v>armed</v> forces of <s>Russia</s> held a parade in Moscow.',
    'Rockets <v>aimed</v> at <t>Seoul</t> were displayed in <s>Pyongyang</s>.',
    'Shares of <s>Samsung</s> fell as the <v>stock</v> market slid in Seoul.',
  ])('takes a participle used as an adjective, or a noun like stock, for no event: %s', (marked) => {
    const d = decide(marked);
    expect(d.label).toBe('NONE');
    expect(isEvent(d)).toBe(false);
  });

  it('is surer of a plain event than of one it has to guess, and a threshold drops the unsure', () => {
    const sure = decide('<s>Russia</s> attacked <t>Ukraine</t> on Monday.');
    expect(sure.type).toBe('ASSAULT');
    expect(isEvent(sure, 0.5)).toBe(true);
    expect(isEvent(sure, 1.01)).toBe(false);
  });
});

describe('the typer model file', () => {
  const examples = [
    { features: ['b', 'v=attack'], label: 'ASSAULT' as const },
    { features: ['b', 'v=meet'], label: 'CONSULT' as const },
    { features: ['b', 'v=stock', 'noun'], label: 'NONE' as const },
  ];
  const model = { ...trainPlover(examples, { epochs: 5 }), temperature: 0.7 };

  it('round-trips: the same labels, temperature and scores, to 16-bit precision', () => {
    const back = decodePloverModel(encodePloverModel(model, 'three examples'), 'test.weights');
    expect(back.labels).toEqual(model.labels);
    expect(back.temperature).toBe(0.7);
    for (const ex of examples) {
      const a = scoreFeatures(model, ex.features);
      const b = scoreFeatures(back, ex.features);
      a.forEach((x, l) => expect(b[l]).toBeCloseTo(x, 3));
      expect(model.labels[b.indexOf(Math.max(...b))]).toBe(ex.label);
    }
  });

  it('refuses a file that is not a weights file, holds another model, or has other labels, with WG_MODEL_FORMAT', () => {
    const code = (bytes: Uint8Array): string | undefined => {
      try {
        decodePloverModel(bytes, 'bad.weights');
      } catch (e) {
        return e instanceof WiregraphError ? e.code : 'other';
      }
      return undefined;
    };
    expect(code(Buffer.from('not a model at all'))).toBe('WG_MODEL_FORMAT');
    const other = { generatedBy: 'test', labels: ['NONE', 'X'], scale: 1, precision: 32 as const, extra: { temperature: 1 }, weights: { b: [0, 1] } };
    expect(code(encodeWeights({ ...other, format: 'wiregraph-ner/2' }))).toBe('WG_MODEL_FORMAT');
    expect(code(encodeWeights({ ...other, format: PLOVER_MODEL_FORMAT }))).toBe('WG_MODEL_FORMAT');
  });
});

describe('the softmax learner', () => {
  it('learns separable labels, counts a weighted example less, and gives probabilities that sum to 1', () => {
    const examples = [
      ...Array.from({ length: 4 }, () => ({ features: ['b', 'v=attack'], label: 'ASSAULT' as const })),
      ...Array.from({ length: 4 }, () => ({ features: ['b', 'v=meet'], label: 'CONSULT' as const })),
      { features: ['b', 'v=meet'], label: 'AGREE' as const, weight: 0.1 },
    ];
    const model = trainSoftmax(examples, { epochs: 20 });
    const best = (features: string[]): string => {
      const s = scoreFeatures(model, features);
      return model.labels[s.indexOf(Math.max(...s))]!;
    };
    expect(best(['b', 'v=attack'])).toBe('ASSAULT');
    expect(best(['b', 'v=meet'])).toBe('CONSULT');
    const p = probabilities(scoreFeatures(model, ['b', 'v=meet']), 1);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});

describe('the written examples and their marks', () => {
  it('reads marks out of a sentence, keeping the spans they stood around', () => {
    const u = unmark('<s>Iran</s> <v>condemned</v> <t>the raid</t>.');
    expect(u.text).toBe('Iran condemned the raid.');
    expect(u.text.slice(u.source!.start, u.source!.end)).toBe('Iran');
    expect(u.text.slice(u.target!.start, u.target!.end)).toBe('the raid');
    expect(u.text.slice(u.trigger!.start, u.trigger!.end)).toBe('condemned');
  });

  it('keeps the first span of a mark that is repeated', () => {
    const u = unmark("<s>Pakistan</s> refused a request from <t>India</t>, <s>Pakistan</s>'s minister said.");
    expect(u.source).toEqual({ start: 0, end: 8 });
  });

  it('refuses a line whose label is not a PLOVER type', () => {
    expect(readWritten('AGREE\t<s>A</s> agreed with <t>B</t>.\n', 'x.tsv')).toHaveLength(1);
    expect(() => readWritten('FRIENDS\t<s>A</s> liked <t>B</t>.\n', 'x.tsv')).toThrow(/x\.tsv:1/u);
  });

  it('stems inflections together', () => {
    expect(new Set(['attacked', 'attacks', 'attacking', 'attack'].map(stem)).size).toBe(1);
    expect(stem('said')).toBe('say');
  });
});
