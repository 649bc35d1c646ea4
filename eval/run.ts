/**
 * `npm run eval`: scores every layer against the gold data in ../shared and prints one table.
 * Exits non-zero only on errors, never on low scores; a corpus that is absent is skipped with a line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConllEvalResult } from './conlleval.js';
import { evaluateConll, evaluateMeantime, evaluateSeedEntities } from './entities.js';
import { evaluateHtmlPages, htmlPagesDir, htmlRows } from './html.js';
import { evaluatePolnear, readPolnearFolder } from './polnear.js';
import { evaluateProductConll } from './product-entities.js';
import { evaluateProductPolnear } from './product-quotes.js';
import { evaluateProductTimeml } from './product-time.js';
import { evaluateSeedQuotes } from './seed-quotes.js';
import { evaluateSeedEvents } from './seed-events.js';
import { evaluatePetrarch } from './petrarch.js';
import { ploverRows } from './plover.js';
import { conllPosSentences, conlluPosSentences, posAccuracy } from './pos.js';
import { attachmentScores, predictedTags } from './parser.js';
import { defaultResources } from '../src/pipeline/resources.js';
import { readConllu } from '../src/stages/syntax/treebank.js';
import { evaluateSeedTimexes } from './seed-timexes.js';
import { evaluateTimeml, readTimemlFolder } from './timeml.js';
import { formatTable, type Row } from './scores.js';
import { evaluateSeedMeta } from './seed-meta.js';
import { geoRows, seedGeo } from './geo.js';
import { compromiseSentences, conlluDocuments, meantimeSegmentedDocuments, ourSentences, scoreSegmenter, type SegmentedDoc } from './sentences.js';
import { SHARED, sharedPath } from './shared.js';
import { reutersPairRows, storyRows } from './stories.js';
import { relatedRows } from './related.js';
import { resolutionRows } from './resolution.js';
import { packageRoot } from '../src/data-dir.js';
import { readLabelledPairs, readReuters } from './syndication-reuters.js';
import { syndicationSet } from './syndication.js';


/** Each gold-annotated seed story: the gold file, the story it annotates, and a corpus label. */
function seedStories(): Array<{ goldPath: string; document: string; corpus: string }> {
  const goldDir = sharedPath('gold');
  if (!goldDir) return [];
  return readdirSync(goldDir).filter((f) => f.endsWith('.gold.json')).sort().flatMap((goldFile) => {
    const goldPath = join(goldDir, goldFile);
    const document = sharedPath((JSON.parse(readFileSync(goldPath, 'utf8')) as { document: string }).document);
    return document ? [{ goldPath, document, corpus: `seed ${goldFile.replace('.gold.json', '')}` }] : [];
  });
}

const rows: Row[] = [];
const skipped: string[] = [];

/**
 * Pushes a component's row and, under it, the product path's row on the same corpus (`wiregraph extract` on
 * the raw text), whose note gives the loss: the component's F1 (or accuracy) less the product's.
 */
function pushWithProduct(component: Row, product: Partial<Pick<Row, 'p' | 'r' | 'f1' | 'accuracy' | 'n'>>, note = ''): void {
  rows.push(component);
  const key = component.f1 !== undefined ? 'f1' : 'accuracy';
  const loss = (component[key] ?? 0) - (product[key] ?? 0);
  // Note: a gain under half a thousandth would print as `-0.000`.
  const shown = Math.abs(loss) < 0.0005 ? '0.000' : loss.toFixed(3);
  rows.push({ ...component, ...product, metric: `${component.metric}, product path`, note: `loss ${shown}${note ? `; ${note}` : ''}` });
}

const seed = evaluateSeedMeta();
if (seed === null) skipped.push(`meta: ${join(SHARED, 'gold')} is absent; seed meta not scored`);
for (const { gold, fields } of seed ?? []) {
  const right = fields.filter((f) => f.ok).length;
  rows.push({ layer: 'meta', corpus: `seed ${gold.replace('.gold.json', '')}`, metric: 'fields exact', accuracy: right / fields.length, n: fields.length, note: fields.filter((f) => !f.ok).map((f) => `wrong: ${f.field}`).join(', ') });
}

const corpora: Array<[string, string[], (path: string) => SegmentedDoc[]]> = [
  ['UD EWT dev', ['data', 'treebanks', 'UD_English-EWT', 'en_ewt-ud-dev.conllu'], conlluDocuments],
  ['MEANTIME news', ['data', 'meantime', 'intra-doc_annotation'], meantimeSegmentedDocuments],
];
for (const [name, parts, load] of corpora) {
  const path = sharedPath(...parts);
  if (!path) {
    skipped.push(`sentences: ${join(SHARED, ...parts)} is absent; ${name} not scored`);
    continue;
  }
  const docs = load(path);
  for (const [system, segment] of [['wiregraph', ourSentences], ['peer: compromise', compromiseSentences]] as const) {
    const s = scoreSegmenter(docs, segment);
    rows.push({ layer: 'sentences', corpus: name, metric: `exact span, ${system}`, p: s.precision, r: s.recall, f1: s.f1, n: s.gold });
  }
}

const testa = sharedPath('data', 'conll2003', 'eng.testa');
if (!testa) skipped.push('entities: ../shared/data/conll2003/eng.testa is absent; CoNLL not scored');
else {
  const conll = evaluateConll(testa);
  const add = (system: string, r: ConllEvalResult, note = ''): void => {
    rows.push({ layer: 'entities', corpus: 'CoNLL-2003 testa', metric: `exact span+type, ${system}`, p: r.overall.precision, r: r.overall.recall, f1: r.overall.f1, n: r.overall.gold, note });
    for (const [type, t] of r.byType) rows.push({ layer: 'entities', corpus: 'CoNLL-2003 testa', metric: `  ${type}, ${system}`, p: t.precision, r: t.recall, f1: t.f1, n: t.gold });
  };
  add('recogniser', conll.recogniser);
  add('entity stage (types mapped back)', conll.stage);
  const product = evaluateProductConll(testa).result;
  add('product path (extract on the raw text)', product, `loss ${(conll.recogniser.overall.f1 - product.overall.f1).toFixed(3)} against the recogniser`);
  rows.push({ layer: 'entities', corpus: 'CoNLL-2003 testa', metric: 'exact span+type, peer: compromise', p: conll.compromise.overall.precision, r: conll.compromise.overall.recall, f1: conll.compromise.overall.f1, n: conll.compromise.overall.gold, note: 'no MISC type' });
}
const meantimeDir = sharedPath('data', 'meantime', 'intra-doc_annotation');
if (meantimeDir) {
  const m = evaluateMeantime(meantimeDir);
  for (const [system, r] of [['entity stage', m.stage], ['peer: compromise', m.compromise]] as const) {
    for (const [how, s] of [['exact', r.exact], ['overlap', r.overlap]] as const) {
      rows.push({ layer: 'entities', corpus: 'MEANTIME (PER/ORG/LOC names)', metric: `${how} span+type, ${system}`, p: s.precision, r: s.recall, f1: s.f1, n: s.gold, note: how === 'exact' ? 'gold spans are whole noun phrases' : '' });
    }
  }
}
for (const { goldPath, document, corpus } of seedStories()) {
  const seedEntities = evaluateSeedEntities(goldPath, document);
  rows.push({ layer: 'entities', corpus, metric: 'required entities found', accuracy: seedEntities.found / seedEntities.total, n: seedEntities.total });
  rows.push({ layer: 'entities', corpus, metric: 'found with right type and country', accuracy: seedEntities.typeCountry / seedEntities.total, n: seedEntities.total, note: seedEntities.misses.join('; ') });
  rows.push({ layer: 'entities', corpus, metric: 'mentions (incl. nationalities)', p: seedEntities.mentions.precision, r: seedEntities.mentions.recall, f1: seedEntities.mentions.f1, n: seedEntities.mentions.gold });
}

const tbaq = sharedPath('data', 'timeml', 'TBAQ-cleaned');
if (!tbaq) skipped.push('timexes: ../shared/data/timeml/TBAQ-cleaned is absent; TimeML not scored');
else {
  const docs = readTimemlFolder(tbaq);
  const t = evaluateTimeml(docs);
  const pt = evaluateProductTimeml(docs);
  const corpus = `TimeBank+AQUAINT (${docs.length} docs)`;
  const refused = pt.refused.length ? `refused ${pt.refused.join(', ')}` : '';
  pushWithProduct({ layer: 'timexes', corpus, metric: 'strict (exact span)', p: t.strict.precision, r: t.strict.recall, f1: t.strict.f1, n: t.strict.gold }, { p: pt.strict.precision, r: pt.strict.recall, f1: pt.strict.f1 }, refused);
  pushWithProduct({ layer: 'timexes', corpus, metric: 'relaxed (overlap)', p: t.relaxed.precision, r: t.relaxed.recall, f1: t.relaxed.f1, n: t.relaxed.gold }, { p: pt.relaxed.precision, r: pt.relaxed.recall, f1: pt.relaxed.f1 });
  pushWithProduct({ layer: 'timexes', corpus, metric: 'type accuracy (relaxed matches)', accuracy: t.typeAccuracy, n: t.relaxed.correct }, { accuracy: pt.typeAccuracy, n: pt.relaxed.correct });
  pushWithProduct({ layer: 'timexes', corpus, metric: 'value (relaxed match, right value)', p: t.value.precision, r: t.value.recall, f1: t.value.f1, n: t.value.gold }, { p: pt.value.precision, r: pt.value.recall, f1: pt.value.f1 });
}
for (const { goldPath, document, corpus } of seedStories()) {
  const seed = evaluateSeedTimexes(goldPath, document);
  rows.push({ layer: 'timexes', corpus, metric: 'found / type, value and mod right', accuracy: seed.right / seed.total, n: seed.total, note: `${seed.found} found; ${seed.wrong.join('; ')}` });
}

const polnear = sharedPath('data', 'polnear', 'data', 'dev');
if (!polnear) skipped.push('quotes: ../shared/data/polnear/data/dev is absent; PolNeAR not scored');
else {
  const q = evaluatePolnear(polnear);
  const pq = evaluateProductPolnear(readPolnearFolder(polnear));
  const corpus = 'PolNeAR dev';
  const refused = pq.refused.length ? `refused ${pq.refused.join(', ')}` : '';
  pushWithProduct({ layer: 'quotes', corpus, metric: 'content overlap', p: q.content.precision, r: q.content.recall, f1: q.content.f1, n: q.content.gold }, { p: pq.content.precision, r: pq.content.recall, f1: pq.content.f1 }, refused);
  pushWithProduct({ layer: 'quotes', corpus, metric: 'content exact', p: q.contentExact.precision, r: q.contentExact.recall, f1: q.contentExact.f1, n: q.contentExact.gold }, { p: pq.contentExact.precision, r: pq.contentExact.recall, f1: pq.contentExact.f1 });
  pushWithProduct({ layer: 'quotes', corpus, metric: 'of found: source right (overlap / exact)', accuracy: q.sourceRight, n: q.withSource, note: `exact ${q.sourceExact.toFixed(3)}` }, { accuracy: pq.sourceRight, n: pq.withSource }, `exact ${pq.sourceExact.toFixed(3)}`);
  pushWithProduct({ layer: 'quotes', corpus, metric: 'of found: cue right (overlap / exact)', accuracy: q.cueRight, n: q.found, note: `exact ${q.cueExact.toFixed(3)}` }, { accuracy: pq.cueRight, n: pq.found }, `exact ${pq.cueExact.toFixed(3)}`);
  rows.push({ layer: 'quotes', corpus, metric: 'of found: kind (direct, indirect, mixed) as the gold content\'s quotation marks imply', accuracy: q.kindRight, n: q.found, note: 'PolNeAR labels no kind' });
}
for (const { goldPath, document, corpus } of seedStories()) {
  const seed = evaluateSeedQuotes(goldPath, document);
  rows.push({ layer: 'quotes', corpus, metric: 'found (content)', accuracy: seed.found / seed.total, n: seed.total });
  rows.push({ layer: 'quotes', corpus, metric: 'right speaker', accuracy: seed.speakerRight / seed.total, n: seed.total });
  rows.push({ layer: 'quotes', corpus, metric: 'all right (speaker, cue, kind, channels, addressee)', accuracy: seed.allRight / seed.total, n: seed.total, note: seed.wrong.join('; ') });
}

for (const { goldPath, document, corpus } of seedStories()) {
  const seed = evaluateSeedEvents(goldPath, document);
  rows.push({ layer: 'events', corpus, metric: 'required events found', accuracy: seed.found / seed.total, n: seed.total });
  rows.push({ layer: 'events', corpus, metric: 'found with right mode and date', accuracy: seed.right / seed.total, n: seed.total, note: `${seed.optionalFound} optional found, ${seed.extra} others; ${seed.wrong.join('; ')}` });
}
for (const [corpus, path, read] of [['CoNLL-2003 testa', sharedPath('data', 'conll2003', 'eng.testa'), conllPosSentences], ['UD EWT dev', sharedPath('data', 'treebanks', 'UD_English-EWT', 'en_ewt-ud-dev.conllu'), conlluPosSentences]] as const) {
  if (!path) {
    skipped.push(`POS: ${corpus} is absent`);
    continue;
  }
  const r = posAccuracy(read(path));
  rows.push({ layer: 'POS', corpus, metric: 'token accuracy (Penn tags), tagger of the event coder', accuracy: r.accuracy, n: r.tokens });
}
const plvTrain = sharedPath('data', 'plover-plv', 'PLV_train.tsv');
const ploverConfusion: string[] = [];
if (!plvTrain) skipped.push('events: ../shared/data/plover-plv/PLV_train.tsv is absent; the PLOVER typer not scored');
else {
  const plover = ploverRows(plvTrain);
  rows.push(...plover.rows);
  ploverConfusion.push('PLOVER typer on PLV train (5-fold CV, gold dyad): gold type -> predicted types', ...plover.confusion);
}
// Note: the parser's settings were chosen on EWT dev; PUD (news and Wikipedia) is the closer check for news. EWT test is not read.
for (const [corpus, path] of [['UD EWT dev', sharedPath('data', 'treebanks', 'UD_English-EWT', 'en_ewt-ud-dev.conllu')], ['UD PUD', sharedPath('data', 'treebanks', 'UD_English-PUD', 'en_pud-ud-test.conllu')]] as const) {
  if (!path) {
    skipped.push(`syntax: ${corpus} is absent`);
    continue;
  }
  const sentences = readConllu(path);
  const r = attachmentScores(defaultResources().parser(), sentences, predictedTags(sentences));
  const note = `predicted tags, punctuation counted; ${Math.round(r.tokensPerSecond)} tokens/s`;
  rows.push({ layer: 'syntax', corpus, metric: 'UAS (parser)', accuracy: r.uas, n: r.tokens, note });
  rows.push({ layer: 'syntax', corpus, metric: 'LAS (relations with subtypes)', accuracy: r.las, n: r.tokens, note: `universal relations only ${r.lasUniversal.toFixed(3)}` });
}
const petrarchDictionaries = sharedPath('data', 'petrarch', 'dictionaries');
for (const [corpus, parts] of [['PETRARCH2 unit tests', ['unit-tests', 'PETR.UnitTest.records.xml']], ['PETRARCH validation 2.02', ['validate-2.02', 'PETR_Validate_records_2_02.xml']]] as const) {
  const path = sharedPath('data', 'petrarch', ...parts);
  if (!path || !petrarchDictionaries) {
    skipped.push(`events: ${parts.join('/')} is absent; ${corpus} not scored`);
    continue;
  }
  const r = evaluatePetrarch(path, petrarchDictionaries);
  const note = 'own dictionaries; actors from them only, dyads, statements coded';
  rows.push({ layer: 'events', corpus, metric: 'records fully right (exact / root)', accuracy: r.fullyRight / r.records, n: r.records, note: `root ${(r.fullyRightRoot / r.records).toFixed(3)}; ${note}` });
  rows.push({ layer: 'events', corpus, metric: 'codings found (exact / root)', accuracy: r.found / r.gold, n: r.gold, note: `root ${(r.foundRoot / r.gold).toFixed(3)}` });
  rows.push({ layer: 'events', corpus, metric: 'extra codings per record (exact / root)', accuracy: r.extra / r.records, n: r.records, note: `root ${(r.extraRoot / r.records).toFixed(3)}` });
}

// HTML reader: Readability.js alone (component) beside the page through extractSource (product), and their difference.
const htmlPages = htmlPagesDir();
if (!htmlPages) skipped.push('html: ../shared/data/html/readability-test-pages is absent; HTML reader not scored');
else rows.push(...htmlRows(evaluateHtmlPages(htmlPages)));

const syndicationBbc = sharedPath('data', 'news', 'bbc');
if (!syndicationBbc) skipped.push('stories: ../shared/data/news/bbc is absent; the syndication set cannot be built');
else rows.push(...storyRows(syndicationSet(syndicationBbc).test));
const reuters = sharedPath('data', 'news', 'reuters21578');
if (!reuters) skipped.push('stories: ../shared/data/news/reuters21578 is absent; the labelled Reuters pairs are not scored');
else rows.push(...reutersPairRows(readReuters(reuters), readLabelledPairs(new URL('../../eval/data/reuters-pairs.jsonl', import.meta.url))));
// Note: the resolution pairs' BBC articles are skipped (and counted in the note) when ../shared is absent.
const bbcNews = sharedPath('data', 'news', 'bbc');
if (!bbcNews) skipped.push('entities: ../shared/data/news/bbc is absent; the BBC resolution pairs are not scored');
rows.push(...(await resolutionRows(new URL('../../eval/data/resolution-pairs.jsonl', import.meta.url), { sample: join(packageRoot(), 'data', 'sample'), bbc: bbcNews })));
const ecbPlus = sharedPath('data', 'ecbplus', 'ECB+_LREC2014', 'ECB+');
if (!ecbPlus) skipped.push('stories: ../shared/data/ecbplus/ECB+_LREC2014/ECB+ is absent; related coverage not scored');
else rows.push(...relatedRows(ecbPlus));

// Places: GeoVirus through the product, and the seed story's places.
rows.push(...geoRows());
for (const { document, corpus } of seedStories()) {
  const g = seedGeo(readFileSync(document, 'utf8'));
  rows.push({ layer: 'places', corpus, metric: 'named places within 161 km', accuracy: g.right.length / (g.right.length + g.wrong.length), n: g.right.length + g.wrong.length, note: `${g.wrong.length > 0 ? `wrong: ${g.wrong.join(', ')}; ` : ''}${g.placedEvents} of ${g.events} events placed; the parade ${g.paradeInBeijing ? 'placed in Beijing' : 'not placed in Beijing'}` });
}

process.stdout.write(`${formatTable(rows)}\n`);
for (const line of ploverConfusion) process.stdout.write(`${line}\n`);
for (const line of skipped) process.stdout.write(`skipped  ${line}\n`);
