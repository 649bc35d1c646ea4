import { readFileSync } from 'node:fs';
import { extractSource } from '../src/api/extract.js';

interface GoldTimex {
  readonly text: string;
  readonly type: string;
  readonly value: string;
  readonly mod?: string;
  readonly where?: string;
  readonly acceptable_text?: readonly string[];
}

/**
 * Scores the seed story's timexes: each gold one is found when a system timex has its text (or an
 * acceptable one), and right when type, value and mod agree. The header timestamp is not in `text`;
 * it is right when `meta.published` has its value.
 */
export function evaluateSeedTimexes(goldPath: string, documentPath: string): { total: number; found: number; right: number; wrong: string[] } {
  const gold = (JSON.parse(readFileSync(goldPath, 'utf8')) as { timexes: GoldTimex[] }).timexes;
  const [result] = extractSource({ name: documentPath, bytes: readFileSync(documentPath), contentType: null, url: null }, { kind: 'auto', date: null, maxBytes: 1e7 });
  if (!result?.ok) return { total: gold.length, found: 0, right: 0, wrong: ['extraction failed'] };
  const { timexes, meta } = result.doc;
  let found = 0;
  let right = 0;
  const wrong: string[] = [];
  for (const g of gold) {
    if (g.where === 'header line') {
      found++;
      if (meta.published === g.value) right++;
      else wrong.push(`header: ${meta.published} for ${g.value}`);
      continue;
    }
    const texts = [g.text, ...(g.acceptable_text ?? [])];
    const t = timexes.find((x) => texts.includes(x.text));
    if (!t) {
      wrong.push(`${g.text}: not found`);
      continue;
    }
    found++;
    if (t.type === g.type && t.value === g.value && (t.mod ?? null) === (g.mod ?? null)) right++;
    else wrong.push(`${g.text}: ${t.type} ${t.value} ${t.mod ?? ''} for ${g.type} ${g.value} ${g.mod ?? ''}`);
  }
  return { total: gold.length, found, right, wrong };
}
