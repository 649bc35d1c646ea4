/**
 * Scores the event coder on PETRARCH's own test records (the PETRARCH2 unit tests and the UD-PETRARCH 2.02
 * validation suite), each run with the dictionaries its file names, loaded as user dictionaries, and with
 * PETRARCH's conventions (actors from the dictionaries only, a target required, statements coded).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { createArticle } from '../src/article/article.js';
import { EMPTY_META } from '../src/article/meta.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import type { Stage } from '../src/pipeline/stage.js';
import { entitiesStage } from '../src/stages/entities/stage.js';
import { parseDiscards, parsePetrarchActors, parsePetrarchAgents } from '../src/stages/events/dictionaries/actors.js';
import { parseVerbDictionary } from '../src/stages/events/dictionaries/verbs.js';
import { eventsStageWith } from '../src/stages/events/stage.js';
import { syntaxStage } from '../src/stages/syntax/stage.js';
import { quotesStage } from '../src/stages/quotes/stage.js';
import { segmentStage } from '../src/stages/segment/index.js';
import { timeStage } from '../src/stages/time/stage.js';

/** Scores over the evaluated records of one file. */
export interface PetrarchResult {
  readonly records: number;
  /** Records whose codings we give exactly (no more, no fewer). */
  readonly fullyRight: number;
  readonly fullyRightRoot: number;
  /** Gold codings (source, target, code). */
  readonly gold: number;
  readonly found: number;
  readonly foundRoot: number;
  /** Codings we give that are not in the gold. */
  readonly extra: number;
  readonly extraRoot: number;
  /** The records we get wrong, with what we gave. */
  readonly misses: readonly string[];
}

interface GoldRecord {
  readonly id: string;
  readonly date: string | null;
  readonly text: string;
  readonly codings: ReadonlyArray<{ source: string; target: string; code: string }>;
}

const asList = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Reads a PETRARCH records file: its environment (dictionary file names) and the records to evaluate. */
export function readPetrarchRecords(path: string): { environment: Record<string, string>; records: GoldRecord[] } {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, trimValues: true });
  // Note: the files are not quite XML: a comment quotes `<!-- ... -->` inside another, and `<PLEvent {json}>`
  // lines stand unclosed among the records. One-line comments go first, then the rest, then PLEvent lines.
  const source = readFileSync(path, 'utf8').replace(/<!--[^\n]*?-->/gu, '').replace(/<!--[\s\S]*?-->/gu, '').replace(/<PLEvent[^>]*>/gu, '');
  const xml = parser.parse(source) as Record<string, Record<string, unknown>>;
  const root = Object.values(xml).find((v) => typeof v === 'object' && v !== null && 'Sentences' in v) as Record<string, unknown>;
  const environment = Object.fromEntries(Object.entries(root['Environment'] as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const sentences = asList((root['Sentences'] as Record<string, unknown>)['Sentence'] as Array<Record<string, unknown>>);
  const records = sentences
    .filter((s) => s['evaluate'] !== 'false' && typeof s['Text'] === 'string')
    .map((s) => {
      const codings = asList(s['EventCoding'] as Array<Record<string, string>>)
        .filter((c) => c['eventcode'])
        .map((c) => ({ source: c['sourcecode'] ?? '', target: c['targetcode'] ?? '', code: c['eventcode']! }));
      const d = String(s['date'] ?? '');
      return { id: String(s['id'] ?? '?'), date: /^\d{8}$/u.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : null, text: (s['Text'] as string).replace(/\s+/gu, ' ').trim(), codings };
    });
  return { environment, records };
}

/**
 * Codes every evaluated record of a file with the dictionaries its Environment names (looked up beside the
 * file, then in `dictionaries`), and scores the codings.
 */
export function evaluatePetrarch(path: string, dictionaries: string): PetrarchResult {
  const { environment, records } = readPetrarchRecords(path);
  const read = (key: string): string => {
    const name = environment[key];
    if (!name) return '';
    for (const dir of [dirname(path), dictionaries]) {
      try {
        return readFileSync(join(dir, name), 'utf8');
      } catch {
        continue;
      }
    }
    return '';
  };
  const verbs = parseVerbDictionary(read('Verbfile')).dictionary;
  const actors = { actors: parsePetrarchActors(read('Actorfile')), agents: parsePetrarchAgents(read('Agentfile')) };
  const events = eventsStageWith({ verbs: [verbs], replaceVerbs: true, actors: [actors], actorsOnly: true, requireDyad: true, codeStatements: true, bothWays: true, discards: parseDiscards(read('Discardfile')) });
  const pipeline = createPipeline([segmentStage, entitiesStage as Stage, syntaxStage as Stage, timeStage, quotesStage as Stage, events as Stage]);
  let fullyRight = 0;
  let fullyRightRoot = 0;
  let gold = 0;
  let found = 0;
  let foundRoot = 0;
  let extra = 0;
  let extraRoot = 0;
  const misses: string[] = [];
  for (const r of records) {
    const article = pipeline.run(createArticle(r.text, { ...EMPTY_META, language: 'en', published: r.date }));
    const ours = new Set<string>();
    for (const e of article.layers.events ?? []) for (const s of e.source) for (const t of e.target) ours.add(`${s.code}|${t.code}|${e.cameo}`);
    const theirs = new Set(r.codings.map((c) => `${c.source}|${c.target}|${c.code}`));
    const root = (key: string): string => key.replace(/\|(\d\d)[^|]*$/u, '|$1');
    const oursRoot = new Set([...ours].map(root));
    const theirsRoot = new Set([...theirs].map(root));
    gold += theirs.size;
    found += [...theirs].filter((k) => ours.has(k)).length;
    foundRoot += [...theirsRoot].filter((k) => oursRoot.has(k)).length;
    extra += [...ours].filter((k) => !theirs.has(k)).length;
    extraRoot += [...oursRoot].filter((k) => !theirsRoot.has(k)).length;
    const same = ours.size === theirs.size && [...ours].every((k) => theirs.has(k));
    if (same) fullyRight++;
    else misses.push(`${r.id}: gold [${[...theirs].join(' ')}] ours [${[...ours].join(' ')}]`);
    if (oursRoot.size === theirsRoot.size && [...oursRoot].every((k) => theirsRoot.has(k))) fullyRightRoot++;
  }
  return { records: records.length, fullyRight, fullyRightRoot, gold, found, foundRoot, extra, extraRoot, misses };
}
