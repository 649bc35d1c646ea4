import { extname } from 'node:path';
import { layoutOf } from './layout.js';
import type { InputKind } from './types.js';

const BY_EXTENSION: Readonly<Record<string, Exclude<InputKind, 'auto'>>> = {
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.rss': 'feed', '.atom': 'feed', '.xml': 'feed',
};

/**
 * Picks the reader for an input under `--input auto`: by file extension, then HTTP Content-Type, then by
 * sniffing the text (markup, a JSON first line, a wire header or dateline), else plain text.
 */
export function detectKind(name: string, contentType: string | null, text: string): Exclude<InputKind, 'auto'> {
  const byName = BY_EXTENSION[extname(name.replace(/[?#].*$/u, '')).toLowerCase()];
  if (byName) return byName;
  const type = contentType?.toLowerCase() ?? '';
  if (type.includes('html')) return 'html';
  if (/(?:rss|atom|xml)/u.test(type)) return 'feed';
  if (type.includes('ndjson') || type.includes('jsonl')) return 'jsonl';
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^(?:<!doctype html|<html|<head|<body)/u.test(head) || (head.startsWith('<?xml') && head.includes('<html'))) return 'html';
  if (/^(?:<\?xml|<rss|<feed|<rdf:rdf)/u.test(head)) return 'feed';
  if (head.startsWith('{') && firstLineIsJson(text)) return 'jsonl';
  return layoutOf(text).wire ? 'wire' : 'text';
}

function firstLineIsJson(text: string): boolean {
  try {
    JSON.parse(text.trimStart().split('\n', 1)[0] ?? '');
    return true;
  } catch {
    return false;
  }
}
