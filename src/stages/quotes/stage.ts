import type { Stage } from '../../pipeline/stage.js';
import { quoteContext } from './context.js';
import { learnedAttributions } from './learned.js';
import { ruleAttributions } from './rules.js';
import type { TaggerModel } from './tagger/model.js';

/**
 * Quotes: the rules' attributions ({@link ruleAttributions}), then the learned tagger's, which reads the
 * rules' decisions as features and adds the attributions they missed.
 */
export const quotesStage: Stage<TaggerModel> = {
  name: 'quotes',
  requires: ['tokens', 'sentences', 'quotations', 'entities', 'timexes', 'pos'],
  assigns: ['quotes'],
  load: (resources) => resources.attributionTagger(),
  run(article, tagger) {
    const ctx = quoteContext(article);
    const found = ruleAttributions(ctx);
    found.push(...learnedAttributions(ctx, tagger, found));
    return { layers: { quotes: found.sort((a, b) => a.cue.start - b.cue.start).map((q, i) => ({ id: `Q${i + 1}`, ...q })) } };
  },
};
