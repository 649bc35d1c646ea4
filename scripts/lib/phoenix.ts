import { readFileSync } from 'node:fs';
import type { DatedCode } from '../../src/stages/entities/kb-types.js';

/** One entry of a PETRARCH/TABARI actor dictionary: its names and its (dated) codes. */
export interface PhoenixEntry {
  readonly names: string[];
  readonly codes: DatedCode[];
  readonly comment: string;
}

/** `VLADIMIR_PUTIN_` -> `VLADIMIR PUTIN`. */
export function phoenixName(raw: string): string {
  return raw.replace(/_+$/u, '').replace(/_/gu, ' ').replace(/\s+/gu, ' ').trim();
}

/** `991231` or `19991231` -> `1999-12-31`; null when unreadable. */
function phoenixDate(raw: string): string | null {
  const digits = raw.replace(/[^\d]/gu, '');
  if (digits.length === 8) return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if (digits.length === 6) {
    const yy = Number(digits.slice(0, 2));
    return `${yy <= 30 ? 20 : 19}${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4, 6)}`;
  }
  return null;
}

/** `[RUSGOV 991231-080507]`, `[IGOUNO >20070101]`, `[PRK]` -> dated codes. */
function parseCodes(text: string): DatedCode[] {
  const out: DatedCode[] = [];
  for (const m of text.matchAll(/\[([~A-Z0-9]+)(?:\s+([<>]?)(\d{6,8})(?:-(\d{6,8}))?)?\s*\]/gu)) {
    const [, code, bound, first, second] = m;
    if (!first) out.push({ code: code!, from: null, to: null });
    else if (second) out.push({ code: code!, from: phoenixDate(first), to: phoenixDate(second) });
    else if (bound === '<') out.push({ code: code!, from: null, to: phoenixDate(first) });
    else out.push({ code: code!, from: phoenixDate(first), to: null });
  }
  return out;
}

/** Reads a PETRARCH actor dictionary: entries, each with its `+` synonyms and its code lines. */
export function readPhoenixActors(path: string): PhoenixEntry[] {
  const entries: PhoenixEntry[] = [];
  let current: PhoenixEntry | null = null;
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/u, '');
    if (line.trim() === '' || line.startsWith('#') || line.startsWith('!') || line.startsWith('<')) continue;
    const [body = '', comment = ''] = line.split('#', 2);
    if (/^\s+\[/u.test(line) || /^\[/u.test(line)) {
      current?.codes.push(...parseCodes(body));
    } else if (line.startsWith('+')) {
      const name = phoenixName(body.slice(1).replace(/\[.*$/u, ''));
      if (current && name) current.names.push(name);
    } else {
      const name = phoenixName(body.replace(/\[.*$/u, ''));
      if (!name) continue;
      current = { names: [name], codes: parseCodes(body), comment: comment.trim() };
      entries.push(current);
    }
  }
  return entries;
}

/**
 * Reads the Phoenix agents dictionary: generic actor words and their sector codes (`TROOPS [~MIL]`,
 * `POLICE!PERSON! [~COP]`), with its `!MACRO! = A, B` definitions expanded.
 * @returns lower-cased term (words separated by spaces) -> sector code without the `~`
 */
export function readPhoenixAgents(path: string): Record<string, string> {
  const macros = new Map<string, string[]>();
  const agents: Record<string, string> = {};
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/#.*$/u, '').trim();
    const macro = /^!(\w+)!\s*=\s*(.+)$/u.exec(line);
    if (macro) {
      macros.set(macro[1]!, macro[2]!.split(',').map((w) => w.trim()).filter(Boolean));
      continue;
    }
    const entry = /^([^[{]+?)\s*(?:\{([^}]*)\})?\s*\[~(\w+)\]/u.exec(line);
    if (!entry) continue;
    // Note: as in PETRARCH, a term also stands for its regular plural; braces give irregular plurals ({} none).
    const plurals = entry[2] === undefined ? [plural(entry[1]!)] : entry[2].split(',').map((p) => p.trim()).filter(Boolean);
    let forms = [entry[1]!, ...plurals];
    for (const [name, values] of macros) {
      forms = forms.flatMap((f) => (f.includes(`!${name}!`) ? values.map((v) => f.replaceAll(`!${name}!`, v)) : [f]));
    }
    for (const f of forms) {
      const term = phoenixName(f).toLowerCase();
      if (term && !term.includes('!') && !(term in agents)) agents[term] = entry[3]!;
    }
  }
  return agents;
}

/** The regular English plural of a term's last word (`TROOP` -> `TROOPS`, `PARTY` -> `PARTIES`). */
function plural(term: string): string {
  const t = term.replace(/_+$/u, '');
  if (/[^AEIOU]Y$/u.test(t)) return `${t.slice(0, -1)}IES`;
  if (/(?:S|X|Z|CH|SH)$/u.test(t)) return `${t}ES`;
  return `${t}S`;
}
