/**
 * `npm run bench`: throughput per stage and end to end on the BBC corpus (2,225 articles), one process on
 * one core, with peak memory; the peers (compromise, chrono-node) run on the same texts in the same run.
 * Not part of `npm test`: tests check behaviour, this checks speed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import type { Article } from '../src/article/article.js';
import { evaluateConll } from '../eval/entities.js';
import { sharedPath } from '../eval/shared.js';
import { ingest } from '../src/ingest/ingest.js';
import { toWiregraph } from '../src/output/wiregraph1.js';
import { createPipeline, defaultPipeline } from '../src/pipeline/pipeline.js';
import { defaultResources } from '../src/pipeline/resources.js';
import { entitiesStage } from '../src/stages/entities/stage.js';
import { segmentStage } from '../src/stages/segment/index.js';
import { timeStage } from '../src/stages/time/stage.js';
import { quotesStage } from '../src/stages/quotes/stage.js';
import { eventsStage } from '../src/stages/events/stage.js';
import { tagPos } from '../src/stages/syntax/pos/model.js';
import { parse } from '../src/stages/syntax/parser.js';
import { assignSyntax, mayHoldEvent, syntaxStage, syntaxStageWith, type SyntaxSentence } from '../src/stages/syntax/stage.js';
import { withLayers } from '../src/article/article.js';
import { readSource } from '../src/read/read.js';
import { openSqliteStore } from '../src/store/sqlite/store.js';
import { loadBbc } from './corpus.js';
import { benchApi } from './api.js';
import { benchJsonlMemory } from './jsonl-memory.js';
import { benchColdStart } from './cold-start.js';
import { gcShare, peakRssMiB, settleGc, time, type Timing } from './timing.js';
import { benchScaling } from './scaling.js';
import { benchWorkers } from './workers.js';
import { benchStories } from './stories.js';

const folder = sharedPath('data', 'news', 'bbc');
if (!folder) {
  process.stdout.write('skipped  bench: ../shared/data/news/bbc is absent\n');
  process.exit(0);
}
const docs = loadBbc(folder);
const n = docs.length;
const pipeline = defaultPipeline();
const readAll = (): Article[] => docs.flatMap((d) => readSource({ name: d.name, bytes: d.bytes, contentType: null, url: null }, { kind: 'text', date: null }).flatMap((i) => (i.ok ? [i.article] : [])));
const articles = readAll();
const texts = articles.map((a) => a.text);
const tokenCount = articles.reduce((sum, a) => sum + (pipeline.run(a).layers.tokens?.length ?? 0), 0);

let sink = 0;
const segmentOnly = createPipeline([segmentStage]);
const segmentAll = (list: readonly Article[]): number => list.reduce((sum, a) => sum + (segmentOnly.run(a).layers.tokens?.length ?? 0), 0);
const rows: Array<[string, Timing]> = [];
rows.push(['read (text reader)', time(n, () => (sink += readAll().length, tokenCount))]);
const segment = time(n, () => segmentAll(articles));
rows.push(['segment (tokens, sentences, quotations)', segment]);
const readSegment = time(n, () => segmentAll(readAll()));
rows.push(['read + segment', readSegment]);
const endToEnd = time(n, () => {
  for (const a of readAll()) sink += JSON.stringify(toWiregraph(pipeline.run(a))).length;
  return tokenCount;
});
rows.push(['end to end: read, all stages, wiregraph/1 JSON', endToEnd]);
const segmented = articles.map((a) => segmentOnly.run(a));
const entityResources = entitiesStage.load!(defaultResources());
const entityStage = time(n, () => segmented.reduce((sum, a) => (sink += entitiesStage.run(a, entityResources).layers.entities?.length ?? 0, sum + (a.layers.tokens?.length ?? 0)), 0));
rows.push(['entities (recognise, link, coreference)', entityStage]);
const timeOnly = time(n, () => segmented.reduce((sum, a) => (sink += timeStage.run(a, undefined).layers.timexes?.length ?? 0, sum + (a.layers.tokens?.length ?? 0)), 0));
rows.push(['time (TIMEX3)', timeOnly]);
const quoteResources = quotesStage.load!(defaultResources());
const tagsOnly = syntaxStageWith({ parse: 'none' });
const tagsOnlyResources = tagsOnly.load!(defaultResources());
// Note: the quote stage reads the tags too (its tagger's features), so they are given, not timed, with it.
const withEntitiesAndTime = segmented.map((a) => {
  const given = withLayers(withLayers(a, { entities: entitiesStage.run(a, entityResources).layers.entities ?? [] }), { timexes: timeStage.run(a, undefined).layers.timexes ?? [] });
  return withLayers(given, { pos: tagsOnly.run(given, tagsOnlyResources).layers.pos ?? [] });
});
rows.push(['quotes (attribution)', time(n, () => withEntitiesAndTime.reduce((sum, a) => (sink += quotesStage.run(a, quoteResources).layers.quotes?.length ?? 0, sum + (a.layers.tokens?.length ?? 0)), 0))]);
const withQuotes = withEntitiesAndTime.map((a) => withLayers(a, { quotes: quotesStage.run(a, quoteResources).layers.quotes ?? [] }));
const syntaxResources = syntaxStage.load!(defaultResources());
const tagging = time(n, () => withQuotes.reduce((sum, a) => (sink += tagsOnly.run(a, tagsOnlyResources).layers.pos?.length ?? 0, sum + (a.layers.tokens?.length ?? 0)), 0));
rows.push(['syntax, POS tags only', tagging]);
const parsing = syntaxStageWith({ parse: mayHoldEvent });
const parsingResources = parsing.load!(defaultResources());
const tagsAndParse = time(n, () => withQuotes.reduce((sum, a) => (sink += syntaxStage.run(a, syntaxResources).layers.pos?.length ?? 0, sum + (a.layers.tokens?.length ?? 0)), 0));
rows.push(['syntax as in the default pipeline (tags, and the parse of sentences that may hold an event)', tagsAndParse]);
// Note: the tags are there already (given to the quote stage); the syntax stage's other layers are added.
const withSyntax = withQuotes.map((a) => {
  const { pos: _tags, ...parsed } = syntaxStage.run(a, syntaxResources).layers;
  return withLayers(a, parsed);
});
const eventResources = eventsStage.load!(defaultResources());
const eventsAlone = time(n, () => withSyntax.reduce((sum, a) => (sink += eventsStage.run(a, eventResources).layers.events?.length ?? 0, sum + (a.layers.tokens?.length ?? 0)), 0));
rows.push(['events (actors, coding; syntax layers given)', eventsAlone]);
// Note: the event stage's goal counts the parse it needs: its time and the parse's (the default syntax stage's less tagging's).
const eventsWithParse = eventsAlone.seconds + Math.max(0, tagsAndParse.seconds - tagging.seconds);
rows.push(['events with the parse they read', { seconds: eventsWithParse, articles: eventsAlone.articles, tokens: eventsAlone.tokens }]);
const sentenceWords = segmented.flatMap((a) => {
  const bySentence: string[][] = (a.layers.sentences ?? []).map(() => []);
  for (const t of a.layers.tokens ?? []) bySentence[t.sentence]?.push(a.text.slice(t.start, t.end));
  return bySentence;
});
rows.push(['part-of-speech tagger alone (every sentence)', time(n, () => sentenceWords.reduce((sum, words) => (sink += tagPos(syntaxResources.tagger, { words }).length, sum + words.length), 0))]);
const sentenceTags = sentenceWords.map((words) => tagPos(syntaxResources.tagger, { words }));
rows.push(['dependency parser alone (every sentence, tags given)', time(n, () => sentenceWords.reduce((sum, words, i) => (sink += parse(parsingResources.parser!, words, sentenceTags[i]!).heads.length, sum + words.length), 0))]);
const eventSentences = withQuotes.flatMap((a) => {
  const chosen: Array<readonly [readonly string[], readonly string[]]> = [];
  // Note: the filter only collects the sentences (and their tags) that the parsing stage would parse.
  const collect = (s: SyntaxSentence): boolean => {
    if (mayHoldEvent(s)) chosen.push([s.words, s.tags]);
    return false;
  };
  assignSyntax(a.text, a.layers.tokens ?? [], (a.layers.sentences ?? []).length, a.layers.entities ?? [], { ...parsingResources, filter: collect });
  return chosen;
});
rows.push(['dependency parser alone (sentences with a verb and an actor, tags given)', time(n, () => eventSentences.reduce((sum, [words, tags]) => (sink += parse(parsingResources.parser!, words, tags).heads.length, sum + words.length), 0))]);
const oursPeak = peakRssMiB();

// Note: the BBC corpus holds 98 exact duplicates (and one copy differing only in spacing); ingest stores each once.
const distinct = new Set(articles.map((a) => a.id)).size;
const topics = [...new Set(docs.map((d) => join(folder, d.name.split('/')[0]!)))];
const dir = mkdtempSync(join(tmpdir(), 'wg-bench-'));
const ingestRuns: number[] = [];
for (let run = 0; run < 3; run++) {
  const store = openSqliteStore(join(dir, `bench-${run}.db`));
  const result = await ingest(topics, store, { kind: 'text', date: null, maxBytes: 1e7, batchSize: 500 });
  ingestRuns.push(result.seconds);
  if (result.added !== distinct) throw new Error(`bench ingest stored ${result.added} of ${distinct} distinct articles`);
  store.close();
}
const ingestTiming: Timing = { seconds: ingestRuns.sort((x, y) => x - y)[1]!, articles: n, tokens: tokenCount };
rows.push(['ingest: read, all stages, SQLite + FTS5', ingestTiming]);
// Note: the store's own rate (documents already extracted, batches of 500, WAL and FTS5), apart from the NLP stages.
const docsToStore = [...new Map(articles.map((a) => [a.id, toWiregraph(pipeline.run(a))])).values()].map((doc) => ({ doc, source: 'bench' }));
const storeRuns: number[] = [];
for (let run = 0; run < 3; run++) {
  const store = openSqliteStore(join(dir, `store-${run}.db`));
  const started = performance.now();
  for (let i = 0; i < docsToStore.length; i += 500) store.addBatch(docsToStore.slice(i, i + 500));
  storeRuns.push((performance.now() - started) / 1000);
  store.close();
}
rows.push(['store only: SQLite + FTS5 (extracted documents)', { seconds: storeRuns.sort((x, y) => x - y)[1]!, articles: docsToStore.length, tokens: tokenCount }]);
rmSync(dir, { recursive: true, force: true });

const compromiseTok = time(n, () => texts.reduce((sum, t) => sum + nlp.tokenize(t).terms().length, 0));
const compromiseNames = time(n, () => texts.reduce((sum, t) => {
  const doc = nlp(t);
  sink += doc.people().length + doc.places().length + doc.organizations().length;
  return sum + doc.terms().length;
}, 0));
const anchor = new Date('2005-01-01T12:00:00Z');
const chronoParse = time(n, () => (sink += texts.reduce((sum, t) => sum + chrono.parse(t, anchor).length, 0), tokenCount));
const allPeak = peakRssMiB();
const testa = sharedPath('data', 'conll2003', 'eng.testa');
const accuracy = testa ? evaluateConll(testa) : null;

await settleGc();
const perSec = (t: Timing): string => (t.articles / t.seconds).toFixed(0);
const gcPercent = (t: Timing): string => {
  const share = gcShare(t);
  return share === null ? '' : `${(100 * share).toFixed(1)}%`;
};
const tokSec = (t: Timing): string => (t.tokens / t.seconds).toFixed(0);
const lines = [
  `wiregraph bench: BBC corpus, ${n} articles (${distinct} distinct), ${tokenCount} tokens, Node ${process.version}, one process (one core), median of 3 runs`,
  '',
  ['stage'.padEnd(48), 'articles/s'.padStart(11), 'tokens/s'.padStart(11), 'seconds'.padStart(8), 'GC'.padStart(6)].join(' '),
  ...rows.map(([name, t]) => [name.padEnd(48), perSec(t).padStart(11), tokSec(t).padStart(11), t.seconds.toFixed(3).padStart(8), gcPercent(t).padStart(6)].join(' ')),
  '',
  'peers on the same texts, same process:',
  [`compromise nlp.tokenize (tokens + sentences)`.padEnd(48), perSec(compromiseTok).padStart(11), tokSec(compromiseTok).padStart(11), compromiseTok.seconds.toFixed(3).padStart(8)].join(' '),
  [`chrono-node parse (dates)`.padEnd(48), perSec(chronoParse).padStart(11), ''.padStart(11), chronoParse.seconds.toFixed(3).padStart(8)].join(' '),
  [`compromise people + places + organizations`.padEnd(48), perSec(compromiseNames).padStart(11), tokSec(compromiseNames).padStart(11), compromiseNames.seconds.toFixed(3).padStart(8), gcPercent(compromiseNames).padStart(6)].join(' '),
  `ratio  segment / compromise tokenize: ${(compromiseTok.seconds / segment.seconds).toFixed(1)} times as fast`,
  `ratio  entities / compromise names: ${(compromiseNames.seconds / entityStage.seconds).toFixed(1)} times as fast`,
  `ratio  end to end (every stage) / compromise names: ${(compromiseNames.seconds / endToEnd.seconds).toFixed(1)} times as fast (goal: 5 on one core)`,
  `ratio  time (TIMEX3) / chrono-node parse: ${(chronoParse.seconds / timeOnly.seconds).toFixed(1)} times as fast`,
  `ratio  read + segment / compromise tokenize: ${(compromiseTok.seconds / readSegment.seconds).toFixed(1)} times as fast`,
  accuracy
    ? `accuracy on CoNLL-2003 testa (F1, exact span and type): wiregraph entities ${accuracy.stage.overall.f1.toFixed(3)}, compromise ${accuracy.compromise.overall.f1.toFixed(3)}`
    : 'accuracy on CoNLL-2003 testa: skipped, ../shared/data/conll2003 is absent',
  '',
  `peak RSS: ${oursPeak.toFixed(0)} MiB after our stages, ${allPeak.toFixed(0)} MiB after the peers`,
];
process.stdout.write(`${lines.join('\n')}\n`);
benchScaling(docs);
if (sink < 0) process.stdout.write('');
process.stdout.write(`${(await benchJsonlMemory(docs)).join('\n')}\n`);
process.stdout.write(`${benchWorkers(topics, n, tokenCount).join('\n')}\n`);
const seed = sharedPath('corpus', 'seed', 'bss-2025-09-13-north-korea-arsenal.txt');
process.stdout.write(`${benchColdStart(seed ? readFileSync(seed, 'utf8') : texts[0]!).join('\n')}\n`);
process.stdout.write(`${benchStories(texts).join('\n')}\n`);

// The knowledge graph through HTTP: 20,000 stored articles, queried from a second process on loopback.
const api = await benchApi(docsToStore.map((d) => d.doc));
const apiLines = [
  '',
  `HTTP API: ${api.articles} articles (the corpus repeated under new ids), stored with the graph in ${api.storeSeconds.toFixed(1)} s (${(api.articles / api.storeSeconds).toFixed(0)} articles/s); latency in ms, load from a second process`,
  ['load / route'.padEnd(34), 'p50'.padStart(7), 'p99'.padStart(7), 'max'.padStart(7), 'req/s'.padStart(8)].join(' '),
  ...Object.entries(api.routes).flatMap(([load, routes]) => Object.entries(routes).map(([route, r]) => [`${load}: ${route}`.padEnd(34), r.p50.toFixed(1).padStart(7), r.p99.toFixed(1).padStart(7), r.max.toFixed(1).padStart(7), r.perSecond.toFixed(0).padStart(8)].join(' '))),
  ...(api.firstView === null
    ? ['UI first view: skipped (no /usr/bin/chromium or the UI is not built)']
    : [`UI first content per view, ${api.articles} articles stored (Chromium, a fresh load, median of 3; goal under 1,000 ms):`, ...Object.entries(api.firstView).map(([view, ms]) => `  ${view.padEnd(28)} ${Number.isFinite(ms) ? `${ms.toFixed(0).padStart(6)} ms` : 'not shown within 30 s'}`)]),
];
process.stdout.write(`${apiLines.join('\n')}\n`);
