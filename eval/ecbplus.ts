/**
 * ECB+ (Cybulska and Vossen 2014) as raw articles for related coverage: each topic (`1`, `12`, ...) holds
 * documents about two seminal events, the ECB ones (`1_10ecb.xml`) and the ECB+ ones (`1_10ecbplus.xml`), so
 * a document's event is its topic and sub-topic. The corpus gives tokens only; the raw text is rebuilt from them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One ECB+ document rebuilt as plain text. */
export interface EcbDocument {
  /** The file name without `.xml` (`1_10ecbplus`). */
  readonly id: string;
  readonly topic: number;
  /** The gold event: topic and sub-topic (`1/ecb`, `1/ecbplus`). */
  readonly event: string;
  /** Sentences on lines of their own, the first one (a title in ECB+ files) as the headline. */
  readonly text: string;
}

const TOKEN = /<token t_id="\d+" sentence="(\d+)" number="\d+">([^<]*)<\/token>/g;
const FILE = /^(\d+)_(\d+)(ecb|ecbplus)\.xml$/;

/** Every document of the corpus folder (`ECB+_LREC2014/ECB+`), topic by topic, in file order. */
export function readEcbPlus(dir: string): EcbDocument[] {
  const docs: EcbDocument[] = [];
  const topics = readdirSync(dir).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(a) - Number(b));
  for (const topic of topics) {
    for (const file of readdirSync(join(dir, topic)).sort()) {
      const m = FILE.exec(file);
      if (!m) continue;
      const xml = readFileSync(join(dir, topic, file), 'utf8');
      docs.push({ id: file.slice(0, -4), topic: Number(m[1]), event: `${m[1]}/${m[3]}`, text: rebuildText(xml, m[3] === 'ecbplus') });
    }
  }
  return docs;
}

/**
 * The text of a document's tokens: sentences on their own lines, tokens joined with the spacing print gives
 * them. ECB+ files open with the page's URL as sentence 0, which is no part of the article and is left out.
 */
export function rebuildText(xml: string, hasUrlSentence: boolean): string {
  const sentences = new Map<number, string[]>();
  for (const m of xml.matchAll(TOKEN)) {
    const n = Number(m[1]);
    if (hasUrlSentence && n === 0) continue;
    let words = sentences.get(n);
    if (!words) sentences.set(n, (words = []));
    words.push(unescapeXml(m[2]!));
  }
  return [...sentences.entries()].sort((a, b) => a[0] - b[0]).map(([, words]) => detokenise(words)).join('\n\n');
}

/** Tokens as printed text: no space before closing punctuation and clitics, none after opening brackets. */
export function detokenise(tokens: readonly string[]): string {
  let out = '';
  let quoteOpen = false;
  let glue = true;
  for (const raw of tokens) {
    let token = raw;
    if (token === '``' || token === "''") token = '"';
    let attach = /^(?:[.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't)$/i.test(token);
    if (token === '"') {
      attach = quoteOpen;
      quoteOpen = !quoteOpen;
    }
    out += glue || attach ? token : ` ${token}`;
    glue = /^[([{$]$/.test(token) || (token === '"' && quoteOpen);
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
