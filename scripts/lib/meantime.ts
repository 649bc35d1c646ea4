import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** Joins tokens into text: no space before closing punctuation or after opening punctuation; PTB quotes (`` '') become curly. */
export function detokenize(tokens: readonly string[]): string {
  let text = '';
  let quoteOpen = false;
  let glueNext = false;
  let singleOpen = false;
  for (const token of tokens) {
    const t: string = token === '``' ? '“' : token === "''" ? '”' : token === '`' ? '‘' : token === "'" && singleOpen ? '’' : token;
    if (t === '‘' || t === '’') singleOpen = t === '‘';
    if (t === '“' || t === '”' || t === '‘' || t === '’') {
      const glue = t === '”' || t === '’' || text === '' || glueNext;
      text += glue ? t : ` ${t}`;
      glueNext = t === '“' || t === '‘';
      continue;
    }
    let glue = glueNext || text === '' || /^(?:[.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$/iu.test(t);
    glueNext = /^[([{$£€]$/u.test(t);
    if (t === '"') {
      if (quoteOpen) glue = true;
      else glueNext = true;
      quoteOpen = !quoteOpen;
    }
    text += glue ? t : ` ${t}`;
  }
  return text;
}

/** One MEANTIME document: its id, URL and its sentences rebuilt as text. */
export interface MeantimeDocument {
  readonly id: string;
  readonly url: string;
  readonly sentences: readonly string[];
}

interface Token { '#text': string | number; '@_sentence': string }

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'token' });

/** Reads every MEANTIME document under a folder of corpus sub-folders, sorted by path. */
export function meantimeDocuments(folder: string): MeantimeDocument[] {
  const docs: MeantimeDocument[] = [];
  for (const corpus of readdirSync(folder).sort()) {
    for (const file of readdirSync(join(folder, corpus)).filter((f) => f.endsWith('.xml')).sort()) {
      const doc = parser.parse(readFileSync(join(folder, corpus, file), 'utf8'))['Document'];
      const sentences: string[][] = [];
      for (const token of doc.token as Token[]) (sentences[Number(token['@_sentence'])] ??= []).push(String(token['#text']));
      docs.push({ id: String(doc['@_doc_id']), url: String(doc['@_url']), sentences: sentences.filter(Boolean).map(detokenize) });
    }
  }
  return docs;
}
