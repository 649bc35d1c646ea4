/**
 * Reuters-21578 for stories (issue 13): the items as ingest sees them (headline, then the body), and the
 * templated reports among them (dividend notices, earnings tables, debt filings of different companies, one
 * template filled with other names and figures): different stories that share most of their words, the
 * templated negatives of the syndication set (eval/syndication.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare, fingerprint, type StoryOptions } from '../src/stories/index.js';
import { anchorsOf } from '../src/stories/normalise.js';

/** One Reuters item: its NEWID, headline and body paragraphs (the `Reuter` sign-off dropped). */
export interface ReutersItem {
  readonly id: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
}

/** The text ingest fingerprints: the headline as first paragraph, then the body. */
export function reutersText(item: ReutersItem): string {
  return [item.title, ...item.paragraphs].join('\n\n');
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/** The items with a body in the `.sgm` files under `root`, in NEWID order of the files. */
export function readReuters(root: string): ReutersItem[] {
  const items: ReutersItem[] = [];
  const clean = (s: string): string => s.replace(/&(?:lt|gt|amp);/g, (e) => ENTITIES[e]!).replace(/&#\d+;/g, '');
  for (const file of readdirSync(root).filter((f) => f.endsWith('.sgm')).sort()) {
    const sgml = readFileSync(join(root, file), 'latin1');
    for (const m of sgml.matchAll(/<REUTERS[^>]*NEWID="(\d+)"[\s\S]*?<\/REUTERS>/g)) {
      const body = /<BODY>([\s\S]*?)<\/BODY>/.exec(m[0]);
      if (!body) continue;
      const title = clean(/<TITLE>([\s\S]*?)<\/TITLE>/.exec(m[0])?.[1] ?? '').replace(/\s+/g, ' ').trim();
      // Note: body paragraphs are indented lines; the lines between are wrapped at 70 characters.
      const paragraphs = clean(body[1]!).replace(/\s*Reuter\s*$/, '').split(/\n(?=[ \t]+\S)/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
      if (paragraphs.length > 0) items.push({ id: m[1]!, title, paragraphs });
    }
  }
  return items;
}

/** The first `words` words of a text with its numbers and capitalised words masked: items filled into one template have the same. */
function templateOf(paragraphs: readonly string[], words: number): string | null {
  const masked = paragraphs.join(' ').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (masked.length < words) return null;
  return masked.slice(0, words).map((w) => (/^[\p{Lu}\p{N}]/u.test(w) ? '#' : w)).join(' ');
}

/** Share of the smaller anchor set found in the other. */
function anchorShare(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / Math.max(1, Math.min(x.size, y.size));
}

/**
 * Groups of templated reports: items whose bodies open with one template once numbers and capitalised words
 * are masked (the first `words` words), whose headlines name different things (less than half their
 * anchors shared, so that a correction or a resent item stays out), and whose bodies are not the same text.
 * @returns groups of two to `perGroup` items, in file order
 */
export function templatedGroups(items: readonly ReutersItem[], words = 12, perGroup = 3): ReutersItem[][] {
  const byTemplate = new Map<string, ReutersItem[]>();
  for (const item of items) {
    if (/^CORRECTED|^REVISED|^UPDATE/i.test(item.title)) continue;
    const template = templateOf(item.paragraphs, words);
    if (template === null) continue;
    const list = byTemplate.get(template);
    if (list) list.push(item);
    else byTemplate.set(template, [item]);
  }
  const groups: ReutersItem[][] = [];
  for (const list of byTemplate.values()) {
    const chosen: ReutersItem[] = [];
    for (const item of list) {
      const own = anchorsOf(item.title, false);
      const body = item.paragraphs.flatMap((p) => anchorsOf(p));
      // Note: the body must differ in names or figures too (a fifth of them): the same report under a new headline is a copy.
      if (chosen.every((c) => anchorShare(own, anchorsOf(c.title, false)) < 0.5 && anchorShare(body, c.paragraphs.flatMap((p) => anchorsOf(p))) < 0.8)) chosen.push(item);
      if (chosen.length === perGroup) break;
    }
    if (chosen.length >= 2) groups.push(chosen);
  }
  return groups;
}

/** A hand-labelled pair of Reuters items (eval/data/reuters-pairs.jsonl): NEWIDs, the label, and why. */
export interface LabelledPair {
  readonly a: string;
  readonly b: string;
  readonly label: 'same' | 'different';
  readonly reason: string;
}

/** Reads the labelled pairs, one JSON object a line. */
export function readLabelledPairs(path: string | URL): LabelledPair[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledPair);
}

/** Grouping on the labelled sample: of the pairs put in one story, the share labelled the same story. */
export interface LabelledScores {
  /** Labelled pairs compared as copies or versions. */
  readonly grouped: number;
  /** Of those, labelled the same story. */
  readonly right: number;
  /** Pairs labelled the same story, and how many of them were grouped. */
  readonly same: number;
  readonly sameGrouped: number;
  /** Pairs labelled the same story that were not grouped, `a/b`. */
  readonly lost: readonly string[];
}

/**
 * Compares each labelled pair as ingest would (the later item, by NEWID, against the earlier), each text its
 * headline then its body.
 */
export function scoreLabelledPairs(items: readonly ReutersItem[], pairs: readonly LabelledPair[], options: Partial<StoryOptions> = {}): LabelledScores {
  const byId = new Map(items.map((i) => [i.id, i]));
  let grouped = 0;
  let right = 0;
  let same = 0;
  let sameGrouped = 0;
  const lost: string[] = [];
  for (const p of pairs) {
    const [older, newer] = [p.a, p.b].sort((x, y) => Number(x) - Number(y)).map((id) => byId.get(id));
    if (!older || !newer) throw new Error(`labelled pair ${p.a}/${p.b}: no such Reuters item`);
    const together = compare(fingerprint(reutersText(newer), options), fingerprint(reutersText(older), options), options).relation !== 'different';
    if (p.label === 'same') same++;
    if (!together) {
      if (p.label === 'same') lost.push(`${p.a}/${p.b}`);
      continue;
    }
    grouped++;
    if (p.label === 'same') {
      right++;
      sameGrouped++;
    }
  }
  return { grouped, right, same, sameGrouped, lost };
}
