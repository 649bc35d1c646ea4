import { readFileSync } from 'node:fs';
import { extractSource } from '../src/api/extract.js';
import type { Entity, Quote } from '../src/article/layers.js';

interface GoldQuote {
  readonly kind: string;
  readonly speaker: string | null;
  readonly speaker_text?: string;
  readonly speaker_mention?: string;
  readonly cue: string;
  readonly content: string;
  readonly acceptable_content?: readonly string[];
  readonly sources?: readonly string[];
  readonly addressee?: string;
}

const norm = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/**
 * Scores the seed story's quotes: a gold quote is found when a system quote has its content (or an
 * acceptable one); then speaker (the entity's name, or the descriptor text when unnamed), cue, kind, and
 * the channels (each gold source contained in a system source) are checked.
 */
export function evaluateSeedQuotes(goldPath: string, documentPath: string): { total: number; found: number; speakerRight: number; allRight: number; wrong: string[] } {
  const gold = (JSON.parse(readFileSync(goldPath, 'utf8')) as { quotes: GoldQuote[] }).quotes;
  const [result] = extractSource({ name: documentPath, bytes: readFileSync(documentPath), contentType: null, url: null }, { kind: 'auto', date: null, maxBytes: 1e7 });
  const quotes: readonly Quote[] = result?.ok ? result.doc.quotes : [];
  const entities: readonly Entity[] = result?.ok ? result.doc.entities : [];
  const nameOf = (id: string | null): string | null => entities.find((e) => e.id === id)?.name ?? null;
  let found = 0;
  let speakerRight = 0;
  let allRight = 0;
  const wrong: string[] = [];
  for (const g of gold) {
    const contents = [g.content, ...(g.acceptable_content ?? [])].map(norm);
    const q = quotes.find((x) => contents.includes(norm(x.content.text)));
    if (!q) {
      wrong.push(`"${g.content.slice(0, 30)}...": not found`);
      continue;
    }
    found++;
    const speakerOk = g.speaker === null ? q.speaker === null && q.speakerText === g.speaker_text : nameOf(q.speaker) === g.speaker;
    if (speakerOk) speakerRight++;
    const sourcesOk = (g.sources ?? []).every((s) => q.sources.some((x) => x.text.includes(s)));
    const addresseeOk = !g.addressee || nameOf(q.addressee) === g.addressee;
    const mentionOk = !g.speaker_mention || q.speakerSpan?.text === g.speaker_mention;
    if (speakerOk && sourcesOk && addresseeOk && mentionOk && q.cue.text === g.cue && q.kind === g.kind) allRight++;
    else wrong.push(`"${g.content.slice(0, 30)}...": ${[speakerOk ? '' : `speaker ${nameOf(q.speaker) ?? q.speakerText}`, sourcesOk ? '' : 'sources', addresseeOk ? '' : 'addressee', mentionOk ? '' : `mention ${q.speakerSpan?.text}`, q.cue.text === g.cue ? '' : `cue ${q.cue.text}`, q.kind === g.kind ? '' : `kind ${q.kind}`].filter(Boolean).join(', ')}`);
  }
  return { total: gold.length, found, speakerRight, allRight, wrong };
}
