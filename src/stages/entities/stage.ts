import type { Entity, Message, Token } from '../../article/layers.js';
import type { Stage } from '../../pipeline/stage.js';
import type { Candidate } from './candidate.js';
import { findAcronymMentions, findCountryNominals, findRepeatedNames, findRoleNominals, findSpeakerPronouns, resolveShortNames, unifyTypes } from './coreference.js';
import { defaultResources, type Resources } from '../../pipeline/resources.js';
import type { KnowledgeBase } from './kb.js';
import type { NerModel } from './ner/model.js';
import { recogniseDateline } from './recognise-dateline.js';
import { recogniseNames } from './recognise-names.js';
import { mergeOrganisationParts, splitTitles } from './merge-names.js';
import { correctName, refineName } from './refine-types.js';
import { roleAfter, roleBefore, tokenIndexAt } from './roles.js';
import { SpanIndex } from '../common/span-index.js';
import { toEntities } from './to-entities.js';

/** What the entity stage loads once per process. */
export interface EntityResources {
  readonly kb: KnowledgeBase;
  readonly model: NerModel;
}

/** The knowledge base and the recogniser, from the shared resources (the process-wide ones by default). */
export function loadEntityResources(resources: Resources = defaultResources()): EntityResources {
  return { kb: resources.knowledgeBase(), model: resources.recogniser() };
}

/**
 * Entities: names found by the trained recogniser and the dateline, typed and linked through the
 * knowledge base (with capitals as their states where they act), then grouped by coreference: short names,
 * role descriptions, `the country`, and speaker pronouns.
 */
export const entitiesStage: Stage<EntityResources> = {
  name: 'entities',
  requires: ['tokens', 'sentences', 'quotations'],
  assigns: ['entities'],
  load: loadEntityResources,
  run(article, { kb, model }) {
    const { text, meta } = article;
    const tokens = article.layers.tokens ?? [];
    if (meta.language !== null && meta.language !== 'en') {
      const message: Message = { source: 'entities', rule: 'not-english', text: `The article's language is "${meta.language}"; entities are recognised in English only, so none are given.`, start: 0, end: 0 };
      return { layers: { entities: [] }, messages: [message] };
    }
    const date = meta.published ?? (meta.dateline?.date?.startsWith('X') ? null : meta.dateline?.date) ?? null;
    const fromDateline = recogniseDateline(text, meta.dateline, kb);
    const inDateline = (start: number): boolean => meta.dateline !== null && start >= meta.dateline.start && start < meta.dateline.end;
    const word = (i: number): string => (tokens[i] ? text.slice(tokens[i]!.start, tokens[i]!.end).toLowerCase() : '');
    const named = mergeOrganisationParts(text, recogniseNames(text, tokens, article.layers.sentences?.length ?? 0, model))
      .filter((n) => !inDateline(n.start))
      .map((n) => correctName(text, n))
      .filter((n): n is NonNullable<typeof n> => n !== null);
    const typed = splitTitles(text, named).map((n) => refineName(text, n, word(tokenIndexAt(tokens, n.start) - 1), kb, date));
    let candidates: Candidate[] = resolveShortNames(unifyTypes([...fromDateline, ...typed].sort((a, b) => a.start - b.start), text));
    // Note: no person is added in a headline, whose subject the quote stage would take for the speaker of the headline.
    const headlineEnd = meta.headline !== null && text.startsWith(meta.headline) ? meta.headline.length : 0;
    const skipped = (start: number, of: Candidate): boolean => inDateline(start) || (start < headlineEnd && of.type === 'PERSON');
    // Note: repeated names, then acronyms (`General Motors (GM)` where only `GM` was found), then the names the acronyms gave.
    candidates = [...candidates, ...findRepeatedNames(text, tokens, candidates, skipped)].sort((a, b) => a.start - b.start);
    const expanded = findAcronymMentions(text, candidates, skipped);
    if (expanded.length > 0) {
      candidates = [...candidates, ...expanded].sort((a, b) => a.start - b.start);
      candidates = [...candidates, ...findRepeatedNames(text, tokens, candidates, skipped)].sort((a, b) => a.start - b.start);
    }

    const geo = new SpanIndex(candidates.filter((c) => c.type === 'GPE' || c.type === 'NORP'));
    const inGeo = (t: Token): boolean => geo.containsSpan(t);
    const roles = new Map<string, { role: string; after: number; anchor: Candidate }>();
    const roleText = new Map<string, string>();
    for (const c of candidates.filter((x) => x.type === 'PERSON')) {
      const at = tokenIndexAt(tokens, c.start);
      const before = roleBefore(text, tokens, at, inGeo);
      let endAt = at;
      while (endAt < tokens.length && tokens[endAt]!.end <= c.end) endAt++;
      const role = before ?? roleAfter(text, tokens, endAt);
      if (role && !roleText.has(c.key)) roleText.set(c.key, role);
      if (before && !roles.has(c.key)) roles.set(c.key, { role: before, after: c.end, anchor: c });
    }
    // Note: a description may hold a nationality ("The North Korean leader" holds "North Korean"); only another person's mention blocks it.
    const people = new SpanIndex(candidates.filter((c) => c.type === 'PERSON'));
    const taken = (start: number, end: number): boolean => people.overlapsSpan({ start, end });
    candidates = [...candidates, ...findRoleNominals(text, roles, taken)];
    candidates = [...candidates, ...findCountryNominals(text, tokens, candidates)];
    candidates = [...candidates, ...findSpeakerPronouns(text, tokens, candidates, article.layers.quotations ?? [])];
    const entities: Entity[] = toEntities(candidates, roleText);
    return { layers: { entities } };
  },
};
