import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../src/stages/segment/tokenize.js';

/** One corpus of unlabelled news: its name and its token sequences (one per document or paragraph). */
export interface NewsCorpus {
  readonly name: string;
  readonly sequences: string[][];
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(name)) out.push(path);
  }
  return out;
}

const ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" };

function unescape(text: string): string {
  return text.replace(/&(?:lt|gt|amp|quot|apos);/gu, (e) => ENTITIES[e]!).replace(/&#(\d+);/gu, (_, n: string) => String.fromCharCode(Number(n)));
}

function words(text: string): string[] {
  return tokenize(text).map((s) => text.slice(s.start, s.end));
}

/** Reuters-21578: each story's title and body. */
function reuters(dir: string): string[][] {
  const out: string[][] = [];
  for (const path of filesUnder(dir, (n) => /^reut2-\d+\.sgm$/u.test(n))) {
    const sgm = readFileSync(path, 'latin1');
    for (const m of sgm.matchAll(/<TITLE>([\s\S]*?)<\/TITLE>|<BODY>([\s\S]*?)<\/BODY>/gu)) {
      out.push(words(unescape((m[1] ?? m[2] ?? '').replace(/\s+Reuter\s*\u0003?\s*$/u, ''))));
    }
  }
  return out;
}

/** Plain-text stories, one sequence per paragraph (BBC, PolNeAR). */
function plainText(dir: string): string[][] {
  return filesUnder(dir, (n) => n.endsWith('.txt') && !/^(README|SOURCE|LICENSE)/iu.test(n)).flatMap((path) =>
    readFileSync(path, 'utf8').split(/\n\s*\n/u).map(words).filter((s) => s.length > 0),
  );
}

/** TimeML stories: the text of TITLE and TEXT with the annotation tags removed. */
function timeml(dir: string): string[][] {
  return filesUnder(dir, (n) => n.endsWith('.tml')).flatMap((path) => {
    const xml = readFileSync(path, 'utf8');
    return [...xml.matchAll(/<(TITLE|TEXT)>([\s\S]*?)<\/\1>/gu)].flatMap((m) => m[2]!.split(/\n\s*\n/u).map((p) => words(unescape(p.replace(/<[^>]+>/gu, '')))));
  });
}

/** Token-annotated XML (ECB+, MEANTIME): one sequence per sentence. */
function tokenXml(dir: string): string[][] {
  return filesUnder(dir, (n) => n.endsWith('.xml')).flatMap((path) => {
    const sentences = new Map<string, string[]>();
    for (const m of readFileSync(path, 'utf8').matchAll(/<token\b[^>]*\bsentence="(\d+)"[^>]*>([^<]*)<\/token>/gu)) {
      let s = sentences.get(m[1]!);
      if (!s) sentences.set(m[1]!, (s = []));
      s.push(unescape(m[2]!));
    }
    return [...sentences.values()];
  });
}

/**
 * The unlabelled news text under `shared/data`: Reuters-21578, BBC News, the TempEval-3 silver AFP and
 * Xinhua stories, PolNeAR, ECB+ and MEANTIME. Note: no CoNLL-2003 text, so clusters learned from it
 * carry nothing of the evaluation sets.
 */
export function readNewsCorpora(shared: string): NewsCorpus[] {
  const data = join(shared, 'data');
  return [
    { name: 'Reuters-21578', sequences: reuters(join(data, 'news', 'reuters21578')) },
    { name: 'BBC News', sequences: plainText(join(data, 'news', 'bbc')) },
    { name: 'TempEval-3 silver', sequences: timeml(join(data, 'timeml', 'TE3-Silver-data')) },
    { name: 'PolNeAR', sequences: plainText(join(data, 'polnear', 'data')) },
    { name: 'ECB+', sequences: tokenXml(join(data, 'ecbplus')) },
    { name: 'MEANTIME', sequences: tokenXml(join(data, 'meantime', 'intra-doc_annotation')) },
  ];
}
