import type { Entity } from '../../article/layers.js';
import type { Span } from '../../article/span.js';
import type { ActorDictionary, ActorEntry } from './dictionaries/actors.js';
import { AGENT_OF, COORDINATORS, COUNT_WORDS, PLURAL_ACTOR_NOUNS } from './locale/en.js';
import { UNKNOWN_ACTOR, type ActorGroup, type ActorRef, type CoderSentence } from './sentence.js';

const coordinators = new Set<string>(COORDINATORS);
const agentOf = new Set<string>(AGENT_OF);
const pluralNouns = new Set<string>(PLURAL_ACTOR_NOUNS);

/** An actor dictionary indexed for matching: entries by the first word of each name. */
export interface ActorIndex {
  readonly byFirst: ReadonlyMap<string, ReadonlyArray<{ readonly words: readonly string[]; readonly entry: ActorEntry }>>;
  readonly agents: ReadonlyMap<string, string>;
  /** The most words of an agent term starting with each word. */
  readonly agentWords: ReadonlyMap<string, number>;
}

/** Indexes an actor dictionary. Names are matched by their first word lower-cased, without any trailing `_`. */
export function indexActors(dictionary: ActorDictionary): ActorIndex {
  const byFirst = new Map<string, Array<{ words: string[]; entry: ActorEntry }>>();
  for (const entry of dictionary.actors) {
    for (const name of entry.names) {
      const words = name.toLowerCase().split(/\s+/u).filter(Boolean);
      if (words.length === 0) continue;
      const key = stem(words[0]!);
      const list = byFirst.get(key) ?? [];
      list.push({ words, entry });
      byFirst.set(key, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const agents = new Map(Object.entries(dictionary.agents));
  const agentWords = new Map<string, number>();
  for (const term of agents.keys()) {
    const words = term.split(' ');
    agentWords.set(words[0]!, Math.max(agentWords.get(words[0]!) ?? 0, words.length));
  }
  return { byFirst, agents, agentWords };
}

/** The key a word is indexed under: its first five letters, so that stems (`ARGENTIN`) and inflections meet. */
function stem(word: string): string {
  return word.slice(0, 5);
}

/** True when a token matches a dictionary word: the same, or (as in TABARI) the word is a stem the token extends by a short ending. */
function wordMatches(token: string, word: string): boolean {
  if (token === word) return true;
  return word.length >= 4 && token.startsWith(word) && token.length - word.length <= 3 && /^[a-z]+$/u.test(token.slice(word.length));
}

/** The code of a dated entry on a date (`YYYY-MM-DD`), or its undated code. */
export function codeOn(entry: ActorEntry, date: string | null): string | null {
  const day = date?.slice(0, 10) ?? null;
  const dated = entry.codes.filter((c) => c.from !== null || c.to !== null);
  if (day) {
    const hit = dated.find((c) => (c.from === null || c.from <= day) && (c.to === null || day <= c.to));
    if (hit) return hit.code;
  }
  return entry.codes.find((c) => c.from === null && c.to === null)?.code ?? (day ? null : dated.at(-1)?.code ?? null);
}

type Item =
  | { readonly kind: 'actor'; readonly from: number; readonly to: number; readonly ref: ActorRef; readonly sector: boolean }
  | { readonly kind: 'agent'; readonly from: number; readonly to: number; readonly code: string };

/** Actors known by the entity layer, by the token where each mention starts. */
function entityItems(s: CoderSentence, entities: readonly Entity[]): Item[] {
  const out: Item[] = [];
  if (s.tokens.length === 0) return out;
  const first = s.tokens[0]!.start;
  const last = s.tokens.at(-1)!.end;
  for (const e of entities) {
    // Note: a person or an organisation the knowledge base gives no code is still an actor, of unknown code (`the ACLU`, `Erdogan`).
    const code = e.links.cameo ?? (e.type === 'LOC' ? null : e.links.country) ?? (e.type === 'PERSON' || e.type === 'ORG' ? UNKNOWN_ACTOR : null);
    if (!code || e.type === 'LOC') continue;
    for (const m of e.mentions) {
      if (m.start < first || m.end > last) continue;
      const from = s.tokens.findIndex((t) => t.start >= m.start);
      let to = from;
      while (to + 1 < s.tokens.length && s.tokens[to + 1]!.end <= m.end) to++;
      if (from < 0) continue;
      out.push({ kind: 'actor', from, to, ref: { entity: e.id, code, text: m.text, start: m.start, end: m.end }, sector: code.length > 3 });
    }
  }
  return out;
}

/** Finds actors, agents and plural descriptors in a sentence and groups coordinated ones. */
export function findActorGroups(s: CoderSentence, text: string, index: ActorIndex, entities: readonly Entity[], date: string | null, actorsOnly: boolean, history: readonly ActorRef[], blocked: Span | null = null): ActorGroup[] {
  const n = s.tokens.length;
  const taken: Array<Item | null> = new Array<Item | null>(n).fill(null);
  // Note: nothing in the blocked span (the dateline: `KYIV, Ukraine (AP) -`) is an actor.
  const free = (k: number): boolean => !blocked || s.tokens[k]!.end <= blocked.start || s.tokens[k]!.start >= blocked.end;
  const place = (item: Item): void => {
    for (let k = item.from; k <= item.to; k++) if (taken[k] || !free(k)) return;
    for (let k = item.from; k <= item.to; k++) taken[k] = item;
  };
  const ref = (from: number, to: number, code: string, entity: string | null = null): ActorRef => ({ entity, code, text: text.slice(s.tokens[from]!.start, s.tokens[to]!.end), start: s.tokens[from]!.start, end: s.tokens[to]!.end });
  // 1. The user's (or the evaluation's) actor dictionary, longest match first.
  for (let i = 0; i < n; i++) {
    for (const { words, entry } of index.byFirst.get(stem(s.lower[i]!)) ?? []) {
      if (i + words.length > n || !words.every((w, k) => wordMatches(s.lower[i + k]!, w))) continue;
      const code = codeOn(entry, date);
      if (code && code !== '---') place({ kind: 'actor', from: i, to: i + words.length - 1, ref: ref(i, i + words.length - 1, code), sector: code.length > 3 });
      i += words.length - 1;
      break;
    }
  }
  // 2. Entities.
  // Note: the longest mention first: `The North Korean leader` (Kim) over the `North Korean` inside it.
  if (!actorsOnly) for (const item of entityItems(s, entities).sort((a, b) => b.to - b.from - (a.to - a.from))) place(item);
  // 3. Agents, longest first.
  for (let i = 0; i < n; i++) {
    if (taken[i]) continue;
    const longest = index.agentWords.get(s.lower[i]!);
    if (!longest) continue;
    // Note: the phrases of 1 to `longest` words from i, each made from the one before (most agents are one word).
    const phrases = [s.lower[i]!];
    for (let len = 2; len <= Math.min(longest, n - i); len++) phrases.push(`${phrases[len - 2]!} ${s.lower[i + len - 1]!}`);
    for (let len = Math.min(longest, n - i); len >= 1; len--) {
      const code = index.agents.get(phrases[len - 1]!);
      if (!code || !/^(?:NN|JJ)/u.test(s.tags[i + len - 1]!)) continue;
      place({ kind: 'agent', from: i, to: i + len - 1, code });
      break;
    }
  }
  const found = groups(s, taken);
  // 4. Plural descriptors: `the three leaders` stands for the last people (or countries) with codes named before.
  for (let i = 0; i + 2 < n; i++) {
    if (taken[i] || taken[i + 2] || s.lower[i] !== 'the' || COUNT_WORDS[s.lower[i + 1]!] === undefined) continue;
    const before = [...history, ...found.filter((g) => g.to < i).flatMap((g) => g.actors)];
    const plural = pluralDescriptor(s, text, i, before, []);
    if (plural) found.push({ from: i, to: plural.to, actors: plural.actors, descriptor: { at: i, before } });
  }
  return found.sort((a, b) => a.from - b.from);
}

/** Builds coordinated actor groups from the placed items (see {@link findActorGroups}). */
function groups(s: CoderSentence, taken: ReadonlyArray<Item | null>): ActorGroup[] {
  const n = s.tokens.length;
  const out: ActorGroup[] = [];
  let i = 0;
  // Note: a participle modifies a noun only before one (`the affected villages`), never right after an actor (`police arrested`).
  const isModifier = (k: number): boolean => !taken[k] && (/^(?:DT|PDT|PRP\$|JJ|JJR|JJS|NNP|NNPS|NN|NNS|VBN)$/u.test(s.tags[k]!) || parenthesis(k) || s.lower[k] === '-') && !(s.tags[k] === 'VBN' && taken[k - 1]) && !coordinators.has(s.lower[k]!) && !/^["“”'`]+$/u.test(s.lower[k]!);
  // Note: a short parenthesis inside a name list (`the European Union (EU) and`) is read past.
  const parenthesis = (k: number): boolean => (s.lower[k] === '(' && s.lower.slice(k + 1, k + 4).includes(')')) || (s.lower[k] === ')' && s.lower.slice(Math.max(0, k - 3), k).includes('('));
  // Note: `, the Osgiliath newspaper said` (an actor straight after a comma, then a verb) starts a new clause.
  const opensClause = (comma: number): boolean => {
    let j = comma + 1;
    while (j < n && !taken[j]) {
      if (s.tags[j] === 'CC') return false;
      j++;
    }
    const item = taken[j];
    if (!item) return false;
    let k = item.to + 1;
    while (k < n && (taken[k] || /^(?:NN|NNS|NNP|NNPS|RB)$/u.test(s.tags[k]!))) k = taken[k] ? taken[k]!.to + 1 : k + 1;
    return /^VB[DZP]?$/u.test(s.tags[k] ?? '') || s.tags[k] === 'MD';
  };
  const nextItemWithin = (k: number, reach: number): boolean => {
    for (let j = k; j < Math.min(n, k + reach + 1); j++) {
      if (taken[j]) return true;
      if (!/^(?:DT|PDT|JJ|JJR|JJS|RB|CC|NN|NNP|VBN)$/u.test(s.tags[j]!) && s.lower[j] !== 'the') return false;
    }
    return false;
  };
  while (i < n) {
    if (!taken[i]) {
      i++;
      continue;
    }
    // Collect a run: items joined by coordinators, `of`/`from`/`in`, possessives and modifiers.
    const from = i;
    const items: Array<Item | 'and' | ',' | 'of' | 's'> = [];
    let k = i;
    let lastItemEnd = i - 1;
    while (k < n) {
      const it = taken[k];
      if (it) {
        items.push(it);
        k = it.to + 1;
        lastItemEnd = it.to;
        continue;
      }
      const w = s.lower[k]!;
      // Note: a comma or `and` continues the run only when an actor or agent follows (past a determiner or adjectives).
      if (coordinators.has(w) || w === 'neither' || w === 'either') {
        if (!nextItemWithin(k + 1, 4) || (w === ',' && opensClause(k))) break;
        items.push(w === ',' ? ',' : 'and');
        k++;
        continue;
      }
      // Note: `of`, `from`, `in` bind a country to an agent before them (`soldiers from Gondor`), and nothing else.
      if (agentOf.has(w)) {
        const last = items.at(-1);
        const beforeAgent = items.at(-2);
        if (typeof last !== 'object' || last.kind !== 'agent' || !nextItemWithin(k + 1, 2)) break;
        // Note: `in` places an agent that has a country already (`Osgiliath soldiers in south Ithilen`): the run ends.
        if (w === 'in' && typeof beforeAgent === 'object' && beforeAgent.kind === 'actor') break;
        items.push('of');
        k++;
        continue;
      }
      if (w === "'s" || w === "'" || w === 's') {
        items.push('s');
        k++;
        continue;
      }
      if (isModifier(k)) {
        k++;
        continue;
      }
      break;
    }
    const actors = compose(items);
    if (actors.length > 0) out.push({ from, to: lastItemEnd, actors });
    i = Math.max(lastItemEnd + 1, i + 1);
  }
  return out;
}

/**
 * Composes codes within a run: countries before agents (`Russian police`, `Hungarian and Romanian officials`,
 * `Danish media and government`), agents before `of`/`from`/`in` countries (`soldiers from Gondor`), a
 * possessive (`Dagolath's foreign minister`); an actor named right after an agent is that agent (`Prime
 * Minister Romendacil`), and keeps its own code when it has a sector.
 */
function compose(items: ReadonlyArray<Item | 'and' | ',' | 'of' | 's'>): ActorRef[] {
  const out: ActorRef[] = [];
  let countries: ActorRef[] = [];
  let agents: string[] = [];
  let agentJoined = false;
  let pendingOf = false;
  const flush = (): void => {
    // Note: an agent code ending in `~` goes before the country's (`MSF` [NGO~]: `MSF Arnor` -> NGOARN).
    if (agents.length > 0 && countries.length > 0) for (const c of countries) for (const a of agents) out.push({ ...c, code: a.endsWith('~') ? `${a.slice(0, -1)}${c.code}` : `${c.code.slice(0, 3)}${a}` });
    else out.push(...countries);
    countries = [];
    agents = [];
  };
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it === 'and' || it === ',') {
      // Note: countries joined to an agent phrase stand alone (`Ithilen and the government of Gondor`), while
      // countries joined to countries share the agent after them (`Hungarian and Romanian officials`); a comma
      // ends such a list (`Gondor and Dagolath, the Osgiliath newspaper`).
      const next = items.slice(k + 1).find((x): x is Item => typeof x === 'object');
      const previous = items[k - 1];
      if (agents.length === 0 && (it === ',' || (next?.kind === 'agent' && typeof previous === 'object' && previous.kind === 'actor'))) flush();
      agentJoined = agents.length > 0;
      continue;
    }
    if (it === 'of') {
      pendingOf = agents.length > 0;
      if (!pendingOf) flush();
      continue;
    }
    if (it === 's') continue;
    if (it.kind === 'agent') {
      if (agents.length > 0 && !agentJoined) agents[agents.length - 1] += it.code;
      else agents.push(it.code);
      agentJoined = false;
      continue;
    }
    // An actor.
    if (pendingOf && !it.sector) {
      countries.push(it.ref);
      continue;
    }
    if (agents.length > 0 && items[k - 1] !== 'and') {
      // Apposition: `Prime Minister Romendacil`, `North Korean leader Kim Jong Un`.
      if (it.sector) {
        countries = [];
        agents = [];
        out.push(it.ref);
      } else {
        if (countries.length === 0) countries.push(it.ref);
        flush();
      }
      continue;
    }
    if (agents.length > 0) flush();
    countries.push(it.ref);
  }
  flush();
  const seen = new Set<string>();
  return out.filter((a) => a.code.length >= 3 && !seen.has(`${a.entity}|${a.code}`) && (seen.add(`${a.entity}|${a.code}`), true));
}

/**
 * Resolves `the three leaders` to the last people (or `the two countries` to countries) with codes named before a
 * sentence; each actor's text is the descriptor as written in `text` (the article's), as its span is.
 */
export function pluralDescriptor(s: CoderSentence, text: string, i: number, earlier: readonly ActorRef[], exclude: readonly ActorRef[]): { to: number; actors: ActorRef[] } | null {
  const count = COUNT_WORDS[s.lower[i + 1] ?? ''];
  if (s.lower[i] !== 'the' || !count || !pluralNouns.has(s.lower[i + 2] ?? '')) return null;
  const people = s.lower[i + 2] === 'leaders' || s.lower[i + 2] === 'presidents';
  const picked: ActorRef[] = [];
  for (let k = earlier.length - 1; k >= 0 && picked.length < count; k--) {
    const a = earlier[k]!;
    const key = (x: ActorRef): string => x.entity ?? x.code;
    if ((a.code.length > 3) !== people || picked.some((p) => key(p) === key(a)) || exclude.some((x) => key(x) === key(a))) continue;
    picked.push(a);
  }
  if (picked.length !== count) return null;
  const start = s.tokens[i]!.start;
  const end = s.tokens[i + 2]!.end;
  // Note: the text is the slice of the span, never the words re-joined by one space (a line break or two spaces inside made them differ).
  const span = { text: text.slice(start, end), start, end };
  return { to: i + 2, actors: picked.reverse().map((a) => ({ ...a, ...span })) };
}
