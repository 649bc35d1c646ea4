import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { XMLParser } from 'fast-xml-parser';
import { extractSource } from '../src/api/extract.js';
import type { Entity } from '../src/article/layers.js';
import { readConll } from '../src/stages/entities/ner/conll.js';
import { tagDocument } from '../src/stages/entities/ner/document.js';
import { iob1ToBilou, spansFromLabels } from '../src/stages/entities/ner/labels.js';
import { entitiesStage, loadEntityResources, type EntityResources } from '../src/stages/entities/stage.js';
import { conllEval, type ConllEvalResult } from './conlleval.js';
import { prf, type Prf } from './scores.js';
import { articleFromTokens, labelsFor } from './token-article.js';

/** Maps our entity types back to CoNLL's: GPE to LOC, NORP to MISC, PERSON to PER. */
export const TO_CONLL: Readonly<Record<string, string>> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', NORP: 'MISC', MISC: 'MISC' };

let resources: EntityResources | null = null;
const loaded = (): EntityResources => (resources ??= loadEntityResources());

/** The entity stage's name mentions over gold-tokenised sentences, as BILOU labels with CoNLL types. */
function stageLabels(sentences: ReadonlyArray<readonly string[]>, keep: (type: string) => boolean = () => true): string[][] {
  const { article, spans } = articleFromTokens(sentences);
  const entities = entitiesStage.run(article, loaded()).layers.entities ?? [];
  const names = entities.flatMap((e) => e.mentions.filter((m) => m.kind === 'name').map((m) => ({ start: m.start, end: m.end, type: TO_CONLL[e.type]! }))).filter((n) => keep(n.type));
  return spans.map((s) => labelsFor(s, names.filter((n) => n.start >= (s[0]?.start ?? 0) && n.end <= (s.at(-1)?.end ?? 0))));
}

/** CoNLL figures of the recogniser alone, the whole entity stage (types mapped back), and compromise. */
export function evaluateConll(path: string): { recogniser: ConllEvalResult; stage: ConllEvalResult; compromise: ConllEvalResult } {
  const docs = readConll(path);
  const gold = docs.flatMap((d) => d.map((s) => iob1ToBilou(s.tags)));
  const recogniser = docs.flatMap((d) => tagDocument(loaded().model, d.map((s) => s.words)));
  const stage = docs.flatMap((d) => stageLabels(d.map((s) => s.words)));
  const peer = docs.flatMap((d) => compromiseLabels(d.map((s) => s.words)));
  return { recogniser: conllEval(gold, recogniser), stage: conllEval(gold, stage), compromise: conllEval(gold, peer) };
}

/** compromise's people, places and organisations over the same text, as BILOU labels. */
function compromiseLabels(sentences: ReadonlyArray<readonly string[]>): string[][] {
  const { article, spans } = articleFromTokens(sentences);
  const doc = nlp(article.text);
  const names: Array<{ start: number; end: number; type: string }> = [];
  for (const [type, view] of [['PER', doc.people()], ['LOC', doc.places()], ['ORG', doc.organizations()]] as const) {
    for (const m of view.json({ offset: true }) as Array<{ offset: { start: number; length: number }; text: string }>) {
      const raw = article.text.slice(m.offset.start, m.offset.start + m.offset.length);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim().replace(/[.,;:'"]+$/u, '');
      names.push({ start: m.offset.start + lead, end: m.offset.start + lead + trimmed.length, type });
    }
  }
  return spans.map((s) => labelsFor(s, names));
}

const meantimeParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (n) => ['token', 'ENTITY_MENTION', 'token_anchor', 'ENTITY', 'REFERS_TO', 'source'].includes(n) });

/** A typed token range within one sentence. */
interface TypedRange {
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** Name mentions (exact or overlapping, same type, one-to-one) against gold ranges. */
function matchRanges(gold: readonly TypedRange[], system: readonly TypedRange[], overlap: boolean): Prf {
  const used = new Set<number>();
  let correct = 0;
  for (const s of system) {
    const i = gold.findIndex((g, k) => !used.has(k) && g.sentence === s.sentence && g.type === s.type && (overlap ? g.start < s.end && s.start < g.end : g.start === s.start && g.end === s.end));
    if (i >= 0) {
      used.add(i);
      correct++;
    }
  }
  return prf(correct, system.length, gold.length);
}

/** Converts BILOU labels per sentence into typed ranges. */
function rangesOf(labels: ReadonlyArray<readonly string[]>, offset: number): TypedRange[] {
  return labels.flatMap((l, i) => spansFromLabels(l).map((s) => ({ sentence: offset + i, start: s.start, end: s.end, type: s.type })));
}

/**
 * MEANTIME's person, organisation and location names (gold tokens) against the entity stage and compromise.
 * MEANTIME marks a name's whole noun phrase ("European aircraft manufacturer, Airbus"), so both exact and
 * overlap matching are reported.
 */
export function evaluateMeantime(folder: string): Record<'stage' | 'compromise', { exact: Prf; overlap: Prf }> {
  const gold: TypedRange[] = [];
  const stage: TypedRange[] = [];
  const peer: TypedRange[] = [];
  let offset = 0;
  for (const corpus of readdirSync(folder).sort()) {
    for (const file of readdirSync(join(folder, corpus)).filter((f) => f.endsWith('.xml')).sort()) {
      const doc = meantimeParser.parse(readFileSync(join(folder, corpus, file), 'utf8'))['Document'];
      const tokens = doc.token as Array<{ '#text': string | number; '@_t_id': string; '@_sentence': string }>;
      const bySentence = new Map<number, string[]>();
      const where = new Map<string, [number, number]>();
      for (const t of tokens) {
        const s = Number(t['@_sentence']);
        const words = bySentence.get(s) ?? [];
        words.push(String(t['#text']));
        bySentence.set(s, words);
        where.set(t['@_t_id'], [s, words.length - 1]);
      }
      const numbers = [...bySentence.keys()].sort((x, y) => x - y);
      const index = new Map(numbers.map((n, i) => [n, i]));
      const sentences = numbers.map((n) => bySentence.get(n)!);
      const typeOf = new Map<string, string>();
      for (const e of doc.Markables?.ENTITY ?? []) typeOf.set(e['@_m_id'], e['@_ent_type']);
      const refers = new Map<string, string>();
      for (const r of doc.Relations?.REFERS_TO ?? []) {
        const target = typeOf.get(r.target?.['@_m_id']);
        for (const src of r.source ?? []) if (target) refers.set(src['@_m_id'], target);
      }
      for (const m of doc.Markables?.ENTITY_MENTION ?? []) {
        const type = refers.get(m['@_m_id']);
        if (m['@_syntactic_type'] !== 'NAM' || !type || !['PER', 'ORG', 'LOC'].includes(type)) continue;
        const anchors = (m.token_anchor ?? []).map((a: { '@_t_id': string }) => where.get(a['@_t_id'])).filter(Boolean) as Array<[number, number]>;
        if (anchors.length === 0 || anchors.some((a) => a[0] !== anchors[0]![0])) continue;
        gold.push({ sentence: offset + index.get(anchors[0]![0])!, start: Math.min(...anchors.map((a) => a[1])), end: Math.max(...anchors.map((a) => a[1])) + 1, type });
      }
      stage.push(...rangesOf(stageLabels(sentences, (t) => t !== 'MISC'), offset));
      peer.push(...rangesOf(compromiseLabels(sentences), offset));
      offset += sentences.length;
    }
  }
  return {
    stage: { exact: matchRanges(gold, stage, false), overlap: matchRanges(gold, stage, true) },
    compromise: { exact: matchRanges(gold, peer, false), overlap: matchRanges(gold, peer, true) },
  };
}

/** One gold entity of the seed annotation. */
interface GoldEntity {
  readonly name: string;
  readonly type: string;
  readonly country?: string;
  readonly wikidata?: string;
  readonly optional?: boolean;
  readonly mentions: readonly string[];
  readonly acceptable_mentions?: readonly string[];
}

/** Seed-gold figures: entities found with the right type (and country), and mention-level P/R/F1. */
export function evaluateSeedEntities(goldPath: string, documentPath: string): { found: number; total: number; typeCountry: number; misses: string[]; mentions: Prf } {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { entities: GoldEntity[]; nationalities: Array<{ text: string; country: string; count: number }> };
  const [result] = extractSource({ name: documentPath, bytes: readFileSync(documentPath), contentType: null, url: null }, { kind: 'auto', date: null, maxBytes: 1e7 });
  const entities = (result?.ok ? result.doc.entities : []) as Entity[];
  const required = gold.entities.filter((e) => !e.optional);
  let found = 0;
  let typeCountry = 0;
  let correct = 0;
  let goldMentions = 0;
  const misses: string[] = [];
  for (const g of required) {
    const accepted = new Set([...g.mentions, ...(g.acceptable_mentions ?? [])]);
    const match = entities.find((e) => e.name === g.name || e.mentions.some((m) => m.text === g.name)) ?? entities.find((e) => e.mentions.some((m) => accepted.has(m.text)) && e.type === g.type);
    goldMentions += g.mentions.length;
    if (!match) {
      misses.push(`${g.name}: not found`);
      continue;
    }
    found++;
    if (match.type === g.type && (g.country === undefined || match.links.country === g.country)) typeCountry++;
    else misses.push(`${g.name}: ${match.type}/${match.links.country} for ${g.type}/${g.country ?? '-'}`);
    const pool = [...g.mentions];
    for (const m of match.mentions) {
      const i = pool.indexOf(m.text);
      const alt = i < 0 ? pool.findIndex(() => accepted.has(m.text)) : i;
      if (alt >= 0) {
        pool.splice(alt, 1);
        correct++;
      }
    }
  }
  const nationalities = gold.nationalities ?? [];
  for (const n of nationalities) {
    const e = entities.find((x) => x.type === 'NORP' && x.name === n.text);
    goldMentions += n.count;
    if (e && e.links.country === n.country) correct += Math.min(n.count, e.mentions.length);
    else misses.push(`${n.text}: nationality not found`);
  }
  const systemMentions = entities.reduce((n, e) => n + e.mentions.length, 0);
  return { found, total: required.length, typeCountry, misses, mentions: prf(correct, systemMentions, goldMentions) };
}
