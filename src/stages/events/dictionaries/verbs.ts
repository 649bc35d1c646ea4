/**
 * Reads PETRARCH verb dictionaries (CAMEO 2.0 format): synonym sets (`&NAME` then `+WORD` lines), and verb
 * blocks (`--- NAME [code] ---`), each listing verbs (`SEND {SENDS SENDING SENT}`, multi-word
 * `+STEP_UP {...}`, an optional own code) and patterns (`- * (TO BORDER) [154] # comment`).
 */

/**
 * A pattern element: a word (lower case), `&SET`, or a marker `$` (source), `+` (target), `^` (skip), `%`
 * (compound). Atoms joined by `_` (`memos_on_&TIETYPES`) must stand next to each other; a leading or trailing
 * `_` (`failed_to_`) ties the element to the verb.
 */
export type PatternElement = string;

/** A verb pattern: the words wanted before the verb (after its subject) and after it, and the code it gives. */
export interface VerbPattern {
  readonly before: readonly PatternElement[];
  readonly after: readonly PatternElement[];
  /** The CAMEO code for source -> target, or null (`[:173]` codes only the reverse). */
  readonly code: string | null;
  /** The code for target -> source in paired codes (`[042:043]`), else null. */
  readonly reverse: string | null;
}

/** A verb block: the default code of its verbs and its patterns. */
export interface VerbBlock {
  readonly name: string;
  readonly code: string | null;
  readonly reverse: string | null;
  readonly patterns: readonly VerbPattern[];
}

/** One form of a verb: the block it belongs to, its own code if it has one, and words that must follow it (`up` in `step up`). */
export interface VerbForm {
  readonly block: number;
  readonly code: string | null;
  readonly reverse: string | null;
  readonly particles: readonly string[];
}

/** A verb dictionary, as stored in `data/events/verbs.json.gz` and as read from a user's file. */
export interface VerbDictionary {
  readonly synsets: Readonly<Record<string, readonly (readonly string[])[]>>;
  readonly blocks: readonly VerbBlock[];
  /** Lower-case verb form (first word) -> the verbs it can be. */
  readonly forms: Readonly<Record<string, readonly VerbForm[]>>;
}

/** `[042:043]` -> both codes; `[---]` -> none; `[:173]` -> reverse only. */
export function parseCode(raw: string): { code: string | null; reverse: string | null } {
  const [a = '', b] = raw.replace(/[[\]\s]/gu, '').split(':');
  const clean = (c: string | undefined): string | null => (c && /^[0-9]{2,4}[A-Z]?$/u.test(c) ? c : null);
  return { code: clean(a), reverse: clean(b) };
}

/** The regular forms of an English verb: base, -s, -ed, -ing (with and without a doubled last consonant). */
export function verbForms(base: string): string[] {
  const b = base.toLowerCase();
  const forms = new Set([b]);
  if (/[^aeiou]y$/u.test(b)) {
    forms.add(`${b.slice(0, -1)}ies`);
    forms.add(`${b.slice(0, -1)}ied`);
  } else if (/(?:s|x|z|ch|sh)$/u.test(b)) {
    forms.add(`${b}es`);
    forms.add(`${b}ed`);
  } else {
    forms.add(`${b}s`);
    forms.add(b.endsWith('e') ? `${b}d` : `${b}ed`);
  }
  forms.add(b.endsWith('e') && !b.endsWith('ee') ? `${b.slice(0, -1)}ing` : `${b}ing`);
  if (/[^aeiou][aeiou][bdgklmnprt]$/u.test(b)) {
    forms.add(`${b}${b.at(-1)}ed`);
    forms.add(`${b}${b.at(-1)}ing`);
  }
  return [...forms];
}

/** Splits a pattern's text into elements, dropping the grouping marks `(`, `)`, `{`, `}`. */
function elements(text: string): string[] {
  const atom = (a: string): string => (a.startsWith('&') ? a : a.toLowerCase());
  return text.replace(/[(){}]/gu, ' ').split(/\s+/u).filter(Boolean).map((e) => e.split('_').map(atom).join('_'));
}

/** A positioned problem in a dictionary file. */
export interface DictionaryProblem {
  readonly line: number;
  readonly text: string;
}

/**
 * Parses a verb dictionary. Lines it cannot read are reported with their numbers and skipped.
 * @param text - the file's contents
 */
export function parseVerbDictionary(text: string): { dictionary: VerbDictionary; problems: DictionaryProblem[] } {
  const synsets: Record<string, string[][]> = {};
  const blocks: Array<VerbBlock & { patterns: VerbPattern[] }> = [];
  const forms: Record<string, VerbForm[]> = {};
  const problems: DictionaryProblem[] = [];
  let synset: string | null = null;
  const addForm = (form: string, entry: VerbForm): void => {
    const list = (forms[form] ??= []);
    if (!list.some((f) => f.block === entry.block && f.particles.join(' ') === entry.particles.join(' '))) list.push(entry);
  };
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/#.*$/u, '').replace(/\r$/u, '').trimEnd();
    if (line.trim() === '' || line.trim().startsWith('<')) return;
    if (line.startsWith('~')) return void problems.push({ line: index + 1, text: `transformation rules are not read: ${line.trim()}` });
    const block = /^---\s*(\S+)\s*(\[[^\]]*\])?\s*---/u.exec(line.trim());
    if (block) {
      synset = null;
      blocks.push({ name: block[1]!, ...parseCode(block[2] ?? '[---]'), patterns: [] });
      return;
    }
    if (line.startsWith('&')) {
      // Note: a set may be defined as `&NAME_` and used as `&NAME`.
      synset = line.trim().split(/\s+/u)[0]!.replace(/_+$/u, '');
      synsets[synset] = [];
      return;
    }
    if (synset) {
      if (line.startsWith('+')) synsets[synset]!.push(line.slice(1).trim().replace(/_+$/u, '').toLowerCase().split(/[_\s]+/u));
      else problems.push({ line: index + 1, text: `unreadable synonym: ${line.trim()}` });
      return;
    }
    const current = blocks.at(-1);
    if (line.trim().startsWith('-')) {
      if (!current) return void problems.push({ line: index + 1, text: 'pattern outside a verb block' });
      const m = /^-\s*(.*?)\s*(\[[^\]]*\])\s*$/u.exec(line.trim());
      if (!m || !m[1]!.includes('*')) return void problems.push({ line: index + 1, text: `unreadable pattern: ${line.trim()}` });
      const [before = '', after = ''] = m[1]!.split('*', 2);
      current.patterns.push({ before: elements(before), after: elements(after), ...parseCode(m[2]!) });
      return;
    }
    if (!current) return void problems.push({ line: index + 1, text: `verb outside a verb block: ${line.trim()}` });
    // A verb line: WORD or +MULTI_WORD, optional {forms}, optional [code].
    const m = /^\+?([A-Z][A-Z'-]*(?:_[A-Z'-]+)*_?)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/u.exec(line.trim());
    if (!m) return void problems.push({ line: index + 1, text: `unreadable verb: ${line.trim()}` });
    const own = m[3] ? parseCode(m[3]) : { code: null, reverse: null };
    const entry = (particles: string[]): VerbForm => ({ block: blocks.length - 1, code: own.code, reverse: own.reverse, particles });
    const words = m[1]!.replace(/_+$/u, '').toLowerCase().split('_');
    const particles = words.slice(1);
    for (const f of verbForms(words[0]!)) addForm(f, entry(particles));
    for (const irregular of elements(m[2] ?? '')) {
      const w = irregular.replace(/^\+/u, '').replace(/_+$/u, '').toLowerCase().split('_');
      addForm(w[0]!, entry(w.slice(1)));
    }
  });
  return { dictionary: { synsets, blocks, forms }, problems };
}

/** Merges verb dictionaries: later ones add blocks, forms and synonym sets (a later set of the same name wins). */
export function mergeVerbDictionaries(dictionaries: readonly VerbDictionary[]): VerbDictionary {
  const synsets: Record<string, readonly (readonly string[])[]> = {};
  const blocks: VerbBlock[] = [];
  const forms: Record<string, VerbForm[]> = {};
  for (const d of dictionaries) {
    Object.assign(synsets, d.synsets);
    const offset = blocks.length;
    blocks.push(...d.blocks);
    for (const [form, list] of Object.entries(d.forms)) (forms[form] ??= []).push(...list.map((f) => ({ ...f, block: f.block + offset })));
  }
  return { synsets, blocks, forms };
}
