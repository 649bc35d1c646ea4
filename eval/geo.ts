/**
 * Place resolution through the product on GeoVirus (../shared/data/geo/GeoVirus.xml): each article's raw text
 * through `extractText` (what `wiregraph extract` runs), its GPE and LOC name mentions mapped back to the
 * raw text. A gold toponym is found when a GPE or LOC mention overlaps its span; it is resolved when that
 * mention's point (its own, else its entity's) is within 161 km (100 miles) of the gold coordinates.
 *
 * Run alone: `npx tsc -p tsconfig.json && node dist/eval/geo.js [--errors N]`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GeoPoint } from '../src/article/layers.js';
import { createArticle } from '../src/article/article.js';
import { EMPTY_META } from '../src/article/meta.js';
import { selectStages } from '../src/pipeline/default.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { createResources } from '../src/pipeline/resources.js';
import { entitiesStage } from '../src/stages/entities/stage.js';
import { cachedLookups, geoStage } from '../src/stages/geo/stage.js';
import { extractText } from './product.js';
import type { Row } from './scores.js';
import { sharedPath } from './shared.js';

// Note: how many articles the geo timing runs before the pass it keeps (see geoTiming).
const WARM_ARTICLES = 1000;

/** This process's CPU time in ms. Note: CPU time, not wall time, so that other processes on a shared machine do not count. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One gold toponym. */
export interface GoldToponym {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly lat: number;
  readonly lon: number;
}

/** One GeoVirus article. */
export interface GeoArticle {
  readonly text: string;
  readonly toponyms: readonly GoldToponym[];
}

const unescape = (s: string): string => s.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&apos;/gu, "'").replace(/&amp;/gu, '&');

/** Reads GeoVirus' XML (articles with text and located toponyms). */
export function readGeoVirus(xml: string): GeoArticle[] {
  // Note: the corpus comments some locations out; they are no gold.
  return [...xml.replace(/<!--[\s\S]*?-->/gu, '').matchAll(/<article>([\s\S]*?)<\/article>/gu)].map((a) => {
    const body = a[1]!;
    const text = unescape(/<text>([\s\S]*?)<\/text>/u.exec(body)?.[1] ?? '');
    const toponyms = [...body.matchAll(/<location>([\s\S]*?)<\/location>/gu)].flatMap((l) => {
      const field = (name: string): string | undefined => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, 'u').exec(l[1]!)?.[1];
      const start = Number(field('start')), end = Number(field('end')), lat = Number(field('lat')), lon = Number(field('lon'));
      return [start, end, lat, lon].every(Number.isFinite) && field('lat') !== undefined ? [{ name: unescape(field('name') ?? ''), start, end, lat, lon }] : [];
    });
    return { text, toponyms };
  });
}

/** Great-circle distance in km. */
export function kmBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad, dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The scores, and the misses for reading. */
export interface GeoScores {
  readonly gold: number;
  readonly found: number;
  readonly within161: number;
  readonly meanKm: number;
  readonly placed: number;
  readonly ms: number;
  readonly misses: Array<{ name: string; got: string; km: number | null; context: string }>;
}

/** Scores place resolution on GeoVirus articles through the product. */
export function evaluateGeo(articles: readonly GeoArticle[]): GeoScores {
  let gold = 0, found = 0, within = 0, placed = 0, sumKm = 0;
  const misses: GeoScores['misses'] = [];
  const started = performance.now();
  for (const a of articles) {
    const result = extractText(a.text, { kind: 'text' });
    const mentions: Array<{ start: number; end: number; geo: GeoPoint | null }> = [];
    for (const e of result.doc?.entities ?? []) {
      if (e.type !== 'GPE' && e.type !== 'LOC') continue;
      for (const m of e.mentions) if (m.kind === 'name') mentions.push({ start: result.toInput(m.start), end: result.toInput(m.end), geo: m.geo ?? e.geo ?? null });
    }
    for (const t of a.toponyms) {
      gold++;
      const overlapping = mentions.filter((x) => x.start < t.end && t.start < x.end);
      const m = overlapping.find((x) => x.geo) ?? overlapping[0];
      const context = a.text.slice(Math.max(0, t.start - 40), t.end + 30).replace(/\s+/gu, ' ');
      if (!m) {
        misses.push({ name: t.name, got: 'not found', km: null, context });
        continue;
      }
      found++;
      if (!m.geo) {
        misses.push({ name: t.name, got: 'not placed', km: null, context });
        continue;
      }
      placed++;
      const km = kmBetween(m.geo, t);
      sumKm += km;
      if (km <= 161) within++;
      else misses.push({ name: t.name, got: `${m.geo.name} (${m.geo.kind}, ${m.geo.country})`, km: Math.round(km), context });
    }
  }
  return { gold, found, within161: within, meanKm: placed > 0 ? sumKm / placed : 0, placed, ms: performance.now() - started, misses };
}

/** The eval table's rows for GeoVirus, or a skip row when ../shared lacks it. */
export function geoRows(): Row[] {
  const path = sharedPath('data', 'geo', 'GeoVirus.xml');
  if (!path) return [{ layer: 'places', corpus: 'GeoVirus', metric: 'skipped', n: 0, note: '../shared/data/geo/GeoVirus.xml not found' }];
  const articles = readGeoVirus(readFileSync(path, 'utf8'));
  const s = evaluateGeo(articles);
  const share = (n: number): number => n / Math.max(1, s.gold);
  const t = geoTiming(articles.map((a) => a.text));
  return [
    { layer: 'places', corpus: 'GeoVirus', metric: 'geo stage time / entity stage time', accuracy: t.geoMs / Math.max(1e-9, t.entityMs), n: articles.length, note: `goal < 0.10; ${t.geoMs.toFixed(0)} ms against ${t.entityMs.toFixed(0)} ms; gazetteer loaded in ${t.loadMs.toFixed(0)} ms (goal < 200)` },
    { layer: 'places', corpus: 'GeoVirus (product path)', metric: 'toponyms found (GPE/LOC overlap)', accuracy: share(s.found), n: s.gold, note: 'goal >= 0.90' },
    { layer: 'places', corpus: 'GeoVirus (product path)', metric: 'accuracy within 161 km of found', accuracy: s.within161 / Math.max(1, s.found), n: s.found, note: `mean error ${s.meanKm.toFixed(0)} km over ${s.placed} placed` },
    { layer: 'places', corpus: 'GeoVirus (product path)', metric: 'resolved within 161 km of all gold', accuracy: share(s.within161), n: s.gold, note: 'goal >= 0.85' },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = sharedPath('data', 'geo', 'GeoVirus.xml');
  if (!path) {
    process.stdout.write('skipped: ../shared/data/geo/GeoVirus.xml not found\n');
  } else {
    const s = evaluateGeo(readGeoVirus(readFileSync(path, 'utf8')));
    const at = process.argv.indexOf('--errors');
    const shown = at > 0 ? Number(process.argv[at + 1] ?? 50) : 0;
    const t = geoTiming(readGeoVirus(readFileSync(path, 'utf8')).map((a) => a.text));
    process.stdout.write(`geo ${t.geoMs.toFixed(0)} ms, entities ${t.entityMs.toFixed(0)} ms (${((100 * t.geoMs) / t.entityMs).toFixed(1)}%); gazetteer load ${t.loadMs.toFixed(0)} ms\n`);
    process.stdout.write(`gold ${s.gold}; found ${(s.found / s.gold).toFixed(3)}; accuracy@161 of found ${(s.within161 / s.found).toFixed(3)}; resolved@161 ${(s.within161 / s.gold).toFixed(3)}; mean error ${s.meanKm.toFixed(0)} km; ${(s.ms / 1000).toFixed(1)} s\n`);
    for (const m of s.misses.slice(0, shown)) process.stdout.write(`${m.name}\t${m.got}\t${m.km ?? ''}\t${m.context}\n`);
  }
}

/** Reference points of the seed story's places (their Wikipedia coordinates). */
const SEED_PLACES: ReadonlyArray<readonly [string, number, number]> = [
  ['Seoul', 37.57, 126.98], ['Pyongyang', 39.02, 125.74], ['Moscow', 55.76, 37.62], ['Beijing', 39.9, 116.4],
  ['Ukraine', 49, 32], ['Russia', 60, 90], ['China', 35, 103], ['United States', 40, -100],
];

/** The seed story's places: how many of its eight named places are within 161 km of their points, and whether the parade in Beijing is placed. */
export function seedGeo(text: string): { right: string[]; wrong: string[]; placedEvents: number; events: number; paradeInBeijing: boolean } {
  const result = extractText(text, {});
  const right: string[] = [], wrong: string[] = [];
  const doc = result.doc;
  for (const [name, lat, lon] of SEED_PLACES) {
    const points = (doc?.entities ?? []).flatMap((e) => e.mentions.filter((m) => m.text.toLowerCase() === name.toLowerCase()).map((m) => m.geo ?? e.geo ?? null));
    const ok = points.length > 0 && points.every((p) => p !== null && kmBetween(p, { lat, lon }) <= 161);
    (ok ? right : wrong).push(name);
  }
  const events = doc?.events ?? [];
  // Note: offsets are the document's, whose text is the reader's (the file's header lines are metadata there).
  const body = doc?.text ?? '';
  const paradeEnd = body.indexOf('parade in Beijing');
  const parade = events.find((e) => paradeEnd >= 0 && e.trigger.start < paradeEnd && e.trigger.start > body.lastIndexOf('.', paradeEnd));
  const paradeInBeijing = parade?.place?.text === 'Beijing' && parade.place.fallback === undefined && parade.place.geo !== null && parade.place.geo !== undefined && kmBetween(parade.place.geo, { lat: 39.9, lon: 116.4 }) <= 161;
  return { right, wrong, placedEvents: events.filter((e) => e.place?.geo).length, events: events.length, paradeInBeijing };
}

/**
 * How long resolution takes beside the entity stage, over the same articles: each article through the stages up
 * to entities once, then the entity stage and the geo stage timed (in CPU time) on it alone. Note: the passes before
 * the last warm the code over at least 1,000 articles (as the bench's stages are warmed on its 2,225 BBC articles:
 * one pass of GeoVirus' 229 left the geo stage's code three times slower than it runs in a long ingest) and are
 * discarded; each pass starts with a fresh lookup cache, so that names are not looked up for free.
 */
export function geoTiming(texts: readonly string[]): { entityMs: number; geoMs: number; loadMs: number } {
  const resources = createResources();
  const loadStarted = performance.now();
  resources.gazetteer();
  const loadMs = performance.now() - loadStarted;
  const entityRes = entitiesStage.load!(resources);
  const upToEntities = createPipeline(selectStages(['entities']), resources);
  const articles = texts.map((text) => upToEntities.run(createArticle(text, EMPTY_META)));
  let entityMs = 0, geoMs = 0;
  const passes = 1 + Math.ceil(WARM_ARTICLES / Math.max(1, articles.length));
  for (let pass = 0; pass < passes; pass++) {
    const geoRes = { gazetteer: cachedLookups(resources.gazetteer()) };
    entityMs = 0;
    geoMs = 0;
    for (const article of articles) {
      let t = cpuMs();
      entitiesStage.run(article, entityRes);
      entityMs += cpuMs() - t;
      t = cpuMs();
      geoStage.run(article, geoRes);
      geoMs += cpuMs() - t;
    }
  }
  return { entityMs, geoMs, loadMs };
}
