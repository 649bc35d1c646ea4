/**
 * The syndication development set for stories (issue 13): wire stories made from the real BBC articles in
 * ../shared/data/news/bbc, each credited to an agency, with copies made the way outlets make them, rolling
 * versions (half of them dropping the former lead), digests that fold several stories together, and hard negatives (another article of the same
 * topic folder, sharing a name, with a quotation of the first inserted), and templated negatives (Reuters
 * reports of different companies written from one template, eval/syndication-reuters.ts). Gold is known by construction.
 * Deterministic: the same seed gives the same set. The set is split in two halves by source article (tune
 * on one, report on the other).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReuters, templatedGroups, type ReutersItem } from './syndication-reuters.js';
import { boilerplate, localParagraph, newHeadline, quoteMarks, Random, render, spacing, typos, type Parts } from './syndication-edits.js';

/** One generated article with its gold. */
export interface SyndicatedArticle {
  readonly id: string;
  /** The story it belongs to (a digest is a story of its own). */
  readonly story: string;
  readonly role: 'original' | 'copy' | 'version' | 'digest';
  /** The agency the text still credits, canonical, or null when an outlet dropped every credit. */
  readonly originator: string | null;
  readonly topic: string;
  readonly outlet: string;
  /** Minutes since the start of the set: an article's sources come before it. */
  readonly published: number;
  readonly text: string;
}

/** The set: articles in publication order, and pairs of different stories that must stay apart. */
export interface SyndicationSet {
  readonly articles: readonly SyndicatedArticle[];
  /** Different stories on one topic sharing a quotation. */
  readonly twins: ReadonlyArray<readonly [string, string]>;
  /** Stories of templated Reuters reports (eval/syndication-reuters.ts): each is a different story from every other, though several share a template. */
  readonly templated: readonly string[];
}

/** A source article a story is made from. */
export interface Source {
  readonly file: string;
  readonly topic: string;
  readonly headline: string;
  readonly paragraphs: readonly string[];
}

const AGENCIES = ['AFP', 'AP', 'Reuters', 'Xinhua', 'dpa'] as const;
const OUTLETS = ['The Daily Star', 'Gulf News', 'The Hindu', 'Dawn', 'The Straits Times', 'Arab News', 'The Citizen', 'Daily Nation', 'The Japan Times', 'Bangkok Post', 'Khaleej Times', 'The Jakarta Post'];
const PLACES = ['LONDON', 'PARIS', 'NEW YORK', 'BRUSSELS', 'WASHINGTON', 'MANCHESTER', 'GENEVA', 'BERLIN'];

/** Reads the BBC articles: headline, then wire-style paragraphs of one or two sentences. */
export function readBbc(root: string): Source[] {
  const sources: Source[] = [];
  const seen = new Set<string>();
  for (const topic of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of readdirSync(join(root, topic)).filter((f) => f.endsWith('.txt')).sort()) {
      const raw = readFileSync(join(root, topic, file), 'utf8').replace(/\r/g, '');
      const [headline, ...blocks] = raw.split(/\n\s*\n/).map((b) => b.replace(/\s+/g, ' ').trim()).filter(Boolean);
      const sentences = blocks.flatMap((b) => b.split(/(?<=[.!?]["”]?) +(?=["“]?[A-Z])/));
      const key = sentences.slice(0, 3).join(' ');
      // Note: the BBC set holds some articles twice; a story made from each would be two gold stories of one text.
      if (!headline || sentences.length < 6 || seen.has(key)) continue;
      seen.add(key);
      const paragraphs: string[] = [];
      for (let i = 0; i < sentences.length; ) {
        const take = sentences[i]!.length < 120 && i + 1 < sentences.length ? 2 : 1;
        paragraphs.push(sentences.slice(i, i + take).join(' '));
        i += take;
      }
      sources.push({ file: `${topic}/${file}`, topic, headline, paragraphs });
    }
  }
  return sources;
}

/** A name (two capitalised words) in a text, for finding same-topic articles that share one. */
function namesOf(paragraphs: readonly string[]): Set<string> {
  return new Set(paragraphs.join(' ').match(/\b[A-Z][a-z]+ [A-Z][a-z]+\b/g) ?? []);
}

/** A sentence carrying a quotation, to insert into a hard negative. */
function quotationOf(paragraphs: readonly string[]): string | null {
  return paragraphs.find((p) => /"[^"]{40,}"/.test(p)) ?? null;
}

/** How the agency is credited in the original: dateline, byline, sign-off, or two of them. */
function credits(agency: string, rng: Random): { dateline: boolean; top: string[]; bottom: string[] } {
  const form = rng.int(0, 2);
  const dateline = form !== 2 || agency === 'Xinhua' || agency === 'dpa';
  const top = agency === 'AP' && form > 0 ? ['By The Associated Press'] : [];
  const bottom = form === 0 ? [] : agency === 'AFP' ? ['- AFP'] : agency === 'Reuters' ? ['(Reporting by Jane Doe; Editing by John Smith)'] : [];
  return { dateline, top, bottom };
}

/** Builds a set from the sources of one half, and the templated reports' groups of it (their own random source, so that the rest does not change with them). */
function buildHalf(sources: readonly Source[], rng: Random, half: string, templates: ReadonlyArray<readonly Source[]> = [], templateRng = new Random(0)): SyndicationSet {
  const articles: SyndicatedArticle[] = [];
  const twins: Array<readonly [string, string]> = [];
  const used = new Set<string>();
  const stories: Array<{ id: string; source: Source; agency: string; base: Parts; start: number }> = [];
  let clock = 0;
  const storyFor = (source: Source, insert: string | null): void => {
    used.add(source.file);
    const agency = rng.pick(AGENCIES);
    const c = credits(agency, rng);
    const place = rng.pick(PLACES);
    const paragraphs = [...source.paragraphs];
    if (insert) paragraphs.splice(rng.int(1, paragraphs.length - 1), 0, insert);
    const id = `${half}-s${stories.length}`;
    const base: Parts = { headline: source.headline, top: c.top, dateline: c.dateline ? `${place} (${agency}) -` : `${place} -`, paragraphs, bottom: c.bottom };
    stories.push({ id, source, agency, base, start: (clock += rng.int(5, 90)) });
  };
  for (const source of rng.shuffle(sources)) {
    if (used.has(source.file) || stories.length >= 220) continue;
    storyFor(source, null);
    const quote = quotationOf(source.paragraphs);
    if (!quote || !rng.chance(0.35)) continue;
    const names = namesOf(source.paragraphs);
    const twin = sources.find((s) => !used.has(s.file) && s.topic === source.topic && [...namesOf(s.paragraphs)].some((n) => names.has(n)));
    if (!twin) continue;
    const first = stories[stories.length - 1]!.id;
    storyFor(twin, quote);
    twins.push([first, stories[stories.length - 1]!.id]);
  }
  for (const story of stories) articles.push(...storyArticles(story, rng, stories));
  articles.push(...digests(stories, rng, half, clock));
  const templated = templateStories(templates, templateRng, half, stories.map((s) => s.source), articles);
  articles.sort((a, b) => a.published - b.published || a.id.localeCompare(b.id));
  return { articles, twins, templated };
}

/**
 * Stories of templated reports (each a Reuters item credited to Reuters, with its outlets' copies), spread over
 * the set's time span; pushes their articles and returns the stories' ids.
 */
function templateStories(templates: ReadonlyArray<readonly Source[]>, rng: Random, half: string, headlines: readonly Source[], articles: SyndicatedArticle[]): string[] {
  const ids: string[] = [];
  const end = Math.max(1, ...articles.map((a) => a.published));
  let n = 0;
  for (const group of templates) {
    for (const source of group) {
      const id = `${half}-r${n++}`;
      const base: Parts = { headline: source.headline, top: [], dateline: `${rng.pick(PLACES)} (Reuters) -`, paragraphs: source.paragraphs, bottom: [] };
      articles.push(...storyArticles({ id, source, agency: 'Reuters', base, start: rng.int(0, end) }, rng, headlines.map((h) => ({ source: h }))));
      ids.push(id);
    }
  }
  return ids;
}

/** The original, its rolling versions, and outlets' copies of either. */
function storyArticles(story: { id: string; source: Source; agency: string; base: Parts; start: number }, rng: Random, all: ReadonlyArray<{ source: Source }>): SyndicatedArticle[] {
  const { base, agency } = story;
  const n = base.paragraphs.length;
  const versions = n >= 8 && rng.chance(0.4) ? rng.int(1, 2) : 0;
  const firstShown = versions > 0 ? Math.ceil(n * 0.6) : n;
  const tops: Parts[] = [{ ...base, paragraphs: base.paragraphs.slice(0, firstShown) }];
  for (let v = 1; v <= versions; v++) {
    const shown = Math.min(n, firstShown + Math.ceil(((n - firstShown) * v) / versions));
    const lead = base.paragraphs[shown - 1]!;
    // Note: half the updates drop the former lead, figures and all, as a new lead often replaces the old one.
    const from = rng.chance(0.5) ? 1 : 0;
    tops.push({ ...base, headline: `UPDATE ${v}-${base.headline}`, paragraphs: [lead, ...base.paragraphs.slice(from, shown - 1)] });
  }
  const out: SyndicatedArticle[] = [];
  let at = story.start;
  const credited = (p: Parts): string | null => (/\(/.test(p.dateline) || p.top.some((t) => t.startsWith('By ')) || p.bottom.some((b) => /^- AFP|^\(Reporting/.test(b)) ? agency : null);
  tops.forEach((p, v) => {
    out.push({ id: `${story.id}-v${v}`, story: story.id, role: v === 0 ? 'original' : 'version', originator: credited(p), topic: story.source.topic, outlet: agency, published: (at += v === 0 ? 0 : rng.int(60, 240)), text: render(p) });
  });
  const copies = rng.int(0, 7);
  for (let c = 0; c < copies; c++) {
    const v = rng.int(0, tops.length - 1);
    const outlet = rng.pick(OUTLETS);
    const parts = copyOf(tops[v]!, outlet, agency, rng, rng.pick(all).source.headline);
    const published = out[v]!.published + rng.int(5, 600);
    const text = finish(render(parts), rng);
    out.push({ id: `${story.id}-c${c}`, story: story.id, role: 'copy', originator: credited(parts), topic: story.source.topic, outlet, published, text });
  }
  return out;
}

/** An outlet's copy: some of new headline and outlet line, credit changed or dropped, last paragraphs cut, a paragraph added, a new lead, boilerplate. */
function copyOf(p: Parts, outlet: string, agency: string, rng: Random, otherHeadline: string): Parts {
  let paragraphs = [...p.paragraphs];
  if (rng.chance(0.5) && paragraphs.length > 3) paragraphs = paragraphs.slice(0, Math.max(2, Math.round(paragraphs.length * (0.25 + rng.next() * 0.55))));
  // Note: a notice of a few lines is not padded or reworded: an added paragraph would be most of the copy.
  const long = paragraphs.join(' ').split(' ').length >= 40;
  if (rng.chance(0.3) && long) paragraphs.splice(rng.int(1, paragraphs.length), 0, localParagraph(outlet, rng.pick(['the ministry', 'the company', 'the club', 'a spokesman']), rng));
  if (rng.chance(0.15) && long) paragraphs[0] = `${outlet} reports: ${paragraphs[0]!.split(' ').slice(rng.int(3, 6)).join(' ')}`;
  const place = p.dateline.replace(/ \(.*$| -$/g, '');
  const credit = rng.next();
  const dateline = credit < 0.25 ? `${place} (BSS/${agency}) -` : credit < 0.45 ? `${place} -` : credit < 0.55 ? '' : p.dateline;
  const dropCredits = rng.chance(0.3);
  return {
    headline: rng.chance(0.7) ? newHeadline(p.headline, paragraphs[0]!, rng) : p.headline,
    top: [...(rng.chance(0.5) ? [`${outlet} | Staff and agencies`] : []), ...(dropCredits ? [] : p.top)],
    dateline,
    paragraphs,
    bottom: [...(dropCredits ? [] : p.bottom), ...(rng.chance(0.5) ? boilerplate(outlet, otherHeadline, rng) : [])],
  };
}

/** Typos, quote-mark and spacing changes, each in some copies. */
function finish(text: string, rng: Random): string {
  let t = text;
  if (rng.chance(0.5)) t = typos(t, rng, rng.int(30, 120));
  if (rng.chance(0.5)) t = quoteMarks(t, rng);
  if (rng.chance(0.5)) t = spacing(t, rng);
  return t;
}

/** "News in Brief" digests: the first paragraph or two of three to five stories under one AP byline. */
function digests(stories: ReadonlyArray<{ base: Parts; start: number }>, rng: Random, half: string, end: number): SyndicatedArticle[] {
  const out: SyndicatedArticle[] = [];
  for (let d = 0; d < Math.round(stories.length / 8); d++) {
    const items = rng.shuffle(stories).slice(0, rng.int(3, 5));
    const paragraphs = items.flatMap((s) => [s.base.headline.toUpperCase(), ...s.base.paragraphs.slice(0, rng.int(1, 2))]);
    const text = render({ headline: 'AP News in Brief', top: ['By The Associated Press'], dateline: '', paragraphs, bottom: [] });
    const published = Math.min(end, Math.max(...items.map((s) => s.start)) + rng.int(30, 300));
    out.push({ id: `${half}-d${d}`, story: `${half}-d${d}`, role: 'digest', originator: 'AP', topic: 'digest', outlet: 'AP', published, text });
  }
  return out;
}

/** Templated report groups per half. */
const TEMPLATE_GROUPS = 60;

/**
 * The two halves of the set: `tune` and `test`, from disjoint BBC articles split by a seeded shuffle, each
 * with templated Reuters reports (disjoint template groups) when `reutersRoot` is there.
 * @param reutersRoot - Reuters-21578's `.sgm` files; by default `reuters21578` beside `bbcRoot`
 */
export function syndicationSet(bbcRoot: string, seed = 13, reutersRoot = join(bbcRoot, '..', 'reuters21578')): { tune: SyndicationSet; test: SyndicationSet } {
  const sources = readBbc(bbcRoot);
  const rng = new Random(seed);
  const order = rng.shuffle(sources.map((_, i) => i));
  const inTune = new Set(order.slice(0, Math.floor(order.length / 2)));
  const groups = existsSync(reutersRoot) ? new Random(seed + 3).shuffle(templatedGroups(readReuters(reutersRoot))).map((g) => g.map(reutersSource)) : [];
  return {
    tune: buildHalf(sources.filter((_, i) => inTune.has(i)), new Random(seed + 1), 'tune', groups.slice(0, TEMPLATE_GROUPS), new Random(seed + 4)),
    test: buildHalf(sources.filter((_, i) => !inTune.has(i)), new Random(seed + 2), 'test', groups.slice(TEMPLATE_GROUPS, 2 * TEMPLATE_GROUPS), new Random(seed + 5)),
  };
}

/** A Reuters item as a source: its headline and body paragraphs. */
function reutersSource(item: ReutersItem): Source {
  return { file: `reuters/${item.id}`, topic: 'reuters-template', headline: item.title, paragraphs: item.paragraphs };
}
