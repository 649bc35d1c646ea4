/**
 * Actor and agent dictionaries: PETRARCH's formats (`NORTH_KOREA [PRK]`, `+SYNONYM`, dated code lines;
 * agents `TROOPS [~MIL]` with `!MACRO! = A, B`), and two simple ones for users: CSV (`name,code` with
 * optional `from,to` dates) and JSON (`[{"name", "code", "from"?, "to"?, "synonyms"?}]`).
 */
import { zod } from '../../../lazy-module.js';
import type { DatedCode } from '../../entities/kb-types.js';
import type { DictionaryProblem } from './verbs.js';

/** One actor: its names (upper case words as written in the dictionary) and its codes, possibly dated. */
export interface ActorEntry {
  readonly names: readonly string[];
  readonly codes: readonly DatedCode[];
}

/** Actors and agents, as the coder reads them. */
export interface ActorDictionary {
  readonly actors: readonly ActorEntry[];
  /** Agent term (lower case, words separated by spaces) -> sector code without `~` (`officials` -> `GOV`). */
  readonly agents: Readonly<Record<string, string>>;
}

/** `VLADIMIR_PUTIN_` -> `VLADIMIR PUTIN`; a trailing `_` (no inflection) is kept as a marker on the last word. */
export function actorName(raw: string): string {
  return raw.replace(/_/gu, ' ').replace(/\s+/gu, ' ').trim();
}

/** `991231` or `19991231` -> `1999-12-31`; null when unreadable. */
function dictionaryDate(raw: string): string | null {
  const digits = raw.replace(/[^\d]/gu, '');
  if (digits.length === 8) return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  if (digits.length === 6) {
    const yy = Number(digits.slice(0, 2));
    return `${yy <= 30 ? 20 : 19}${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4, 6)}`;
  }
  return null;
}

/** `[RUSGOV 991231-080507]`, `[IGOUNO >20070101]`, `[HOB < 950601]`, `[PRK]` -> dated codes. */
export function parseDatedCodes(text: string): DatedCode[] {
  const out: DatedCode[] = [];
  for (const m of text.matchAll(/\[\s*([~A-Za-z0-9/+-]+)(?:\s+([<>]?)\s*(\d{6,8})(?:\s*-\s*(\d{6,8}))?)?\s*\]/gu)) {
    const [, code, bound, first, second] = m;
    if (!first) out.push({ code: code!, from: null, to: null });
    else if (second) out.push({ code: code!, from: dictionaryDate(first), to: dictionaryDate(second) });
    else if (bound === '<') out.push({ code: code!, from: null, to: dictionaryDate(first) });
    else out.push({ code: code!, from: dictionaryDate(first), to: null });
  }
  return out;
}

/**
 * Reads a PETRARCH actor dictionary: entries, each with its `+` synonyms, its code lines, and the comment on
 * its first line (the Phoenix files note `CountryInfo` there).
 */
export function parsePetrarchActors(text: string): Array<ActorEntry & { readonly comment: string }> {
  const entries: Array<{ names: string[]; codes: DatedCode[]; comment: string }> = [];
  let current: { names: string[]; codes: DatedCode[]; comment: string } | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/u, '');
    if (line.trim() === '' || line.startsWith('#') || line.startsWith('!') || line.trim().startsWith('<')) continue;
    const [body = '', comment = ''] = line.split('#', 2);
    if (body.trim() === '') continue;
    if (/^\s+\[/u.test(body) || /^\[/u.test(body)) {
      current?.codes.push(...parseDatedCodes(body));
    } else if (body.startsWith('+')) {
      const name = actorName(body.slice(1).replace(/\[.*$/u, ''));
      if (current && name) current.names.push(name);
    } else {
      const name = actorName(body.replace(/\[.*$/u, ''));
      if (!name) continue;
      current = { names: [name], codes: parseDatedCodes(body), comment: comment.trim() };
      entries.push(current);
    }
  }
  return entries;
}

/** The regular English plural of a term's last word (`TROOP` -> `TROOPS`, `PARTY` -> `PARTIES`). */
function plural(term: string): string {
  const t = term.replace(/_+$/u, '');
  if (/[^AEIOU]Y$/iu.test(t)) return `${t.slice(0, -1)}IES`;
  if (/(?:S|X|Z|CH|SH)$/iu.test(t)) return `${t}ES`;
  return `${t}S`;
}

/**
 * Reads a PETRARCH agents dictionary: generic actor words and their sector codes (`TROOPS [~MIL]`,
 * `POLICE!PERSON! [~COP]`), with `!MACRO! = A, B` definitions expanded and regular plurals added.
 * @returns lower-cased term (words separated by spaces) -> sector code without the `~`, or with a trailing `~`
 *   for a code that goes before the country's
 */
export function parsePetrarchAgents(text: string): Record<string, string> {
  const macros = new Map<string, string[]>();
  const agents: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/u, '').trim();
    const macro = /^!(\w+)!\s*=\s*(.+)$/u.exec(line);
    if (macro) {
      macros.set(macro[1]!, macro[2]!.split(',').map((w) => w.trim()).filter(Boolean));
      continue;
    }
    // Note: `[~GOV]` puts the agent's code after the country's; `[NGO~]` before it.
    const entry = /^([^[{]+?)\s*(?:\{([^}]*)\})?\s*\[\s*(?:~(\w+)|(\w+)~)\s*\]/u.exec(line);
    if (!entry) continue;
    // Note: as in PETRARCH, a term also stands for its regular plural; braces give irregular plurals ({} none).
    const plurals = entry[2] === undefined ? [plural(entry[1]!)] : entry[2].split(/[,\s]+/u).map((p) => p.trim()).filter(Boolean);
    let forms = [entry[1]!, ...plurals];
    for (const [name, values] of macros) {
      forms = forms.flatMap((f) => (f.includes(`!${name}!`) ? values.map((v) => f.replaceAll(`!${name}!`, v)) : [f]));
    }
    for (const f of forms) {
      const term = actorName(f).replace(/\s+$/u, '').toLowerCase();
      if (term && !term.includes('!') && !(term in agents)) agents[term] = entry[3] ?? `${entry[4]!}~`;
    }
  }
  return agents;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;
const actorSchema = (z = zod().z) => {
  const isoDate = z.string().regex(ISO_DATE);
  return z.object({
    name: z.string().min(1),
    code: z.string().regex(/^[~A-Z0-9]{3,15}$/u),
    from: isoDate.optional(),
    to: isoDate.optional(),
    synonyms: z.array(z.string().min(1)).optional(),
  });
};
let jsonActorSchema: ReturnType<typeof actorSchema> | undefined;

/** Reads a JSON actor list: `[{"name", "code", "from"?, "to"?, "synonyms"?}]`; a code starting `~` makes an agent. */
export function parseJsonActors(text: string): { dictionary: ActorDictionary; problems: DictionaryProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { dictionary: { actors: [], agents: {} }, problems: [{ line: 1, text: `not JSON: ${(e as Error).message}` }] };
  }
  const { z } = zod();
  const jsonActor = (jsonActorSchema ??= actorSchema(z));
  const list = z.array(z.unknown()).safeParse(raw);
  if (!list.success) return { dictionary: { actors: [], agents: {} }, problems: [{ line: 1, text: 'expected an array of actors' }] };
  const actors: ActorEntry[] = [];
  const agents: Record<string, string> = {};
  const problems: DictionaryProblem[] = [];
  list.data.forEach((item, i) => {
    const parsed = jsonActor.safeParse(item);
    if (!parsed.success) return void problems.push({ line: i + 1, text: `actor ${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
    const a = parsed.data;
    const names = [a.name, ...(a.synonyms ?? [])];
    if (a.code.startsWith('~')) for (const n of names) agents[n.toLowerCase()] = a.code.slice(1);
    else actors.push({ names: names.map((n) => n.toUpperCase()), codes: [{ code: a.code, from: a.from ?? null, to: a.to ?? null }] });
  });
  return { dictionary: { actors, agents }, problems };
}

/** Reads a CSV actor list: `name,code[,from,to]` per line (a header line naming `name` is skipped). */
export function parseCsvActors(text: string): { dictionary: ActorDictionary; problems: DictionaryProblem[] } {
  const actors: ActorEntry[] = [];
  const agents: Record<string, string> = {};
  const problems: DictionaryProblem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/u, '').trim();
    if (line === '' || line.startsWith('#') || (i === 0 && /^"?name"?\s*,/iu.test(line))) return;
    const cells = line.split(',').map((c) => c.trim().replace(/^"(.*)"$/u, '$1'));
    const [name = '', code = '', from = '', to = ''] = cells;
    if (!name || !/^[~A-Z0-9]{3,15}$/u.test(code)) return void problems.push({ line: i + 1, text: `expected name,code[,from,to]: ${line}` });
    if ((from && !ISO_DATE.test(from)) || (to && !ISO_DATE.test(to))) return void problems.push({ line: i + 1, text: `dates must be YYYY-MM-DD: ${line}` });
    if (code.startsWith('~')) agents[name.toLowerCase()] = code.slice(1);
    else actors.push({ names: [name.toUpperCase()], codes: [{ code, from: from || null, to: to || null }] });
  });
  return { dictionary: { actors, agents }, problems };
}

/** Merges actor dictionaries; where two give an agent term, the later one wins. */
export function mergeActorDictionaries(dictionaries: readonly ActorDictionary[]): ActorDictionary {
  return { actors: dictionaries.flatMap((d) => d.actors), agents: Object.assign({}, ...dictionaries.map((d) => d.agents)) as Record<string, string> };
}

/** Reads a PETRARCH discards file: phrases (lower case), `+` (story-level) ones included, that keep a sentence from being coded. */
export function parseDiscards(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/#.*$/u, '').replace(/^\+/u, '').replace(/_/gu, ' ').trim().toLowerCase()).filter((l) => l !== '' && !l.startsWith('<'));
}
