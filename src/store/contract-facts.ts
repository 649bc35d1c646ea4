import { beforeAll, describe, expect, it } from 'vitest';
import type { WiregraphDoc } from '../output/wiregraph1.js';
import { docOf } from '../test-support/docs.js';
import { publishedBy, storyDocs, type StoryDocs } from './contract-docs.js';
import type { AsyncArticleStore as ArticleStore } from './async.js';

/**
 * Articles for the facts part of the contract, written for the tests: one AP story in three near-copies (the
 * original, a copy cut after four paragraphs, and a copy with curly quotes, a spelling change, a paragraph cut
 * and a "Read more" line), and a Reuters story on the same topic quoting the same speaker on something else.
 */
const STRIKE = [
  'KYIV, Ukraine (AP) - Russian troops attacked the Ukrainian city of Kharkiv on Monday, killing at least four civilians and damaging a power station, regional officials said.',
  '"We will rebuild every house they destroy, and we will not bow to terror," Ukrainian President Volodymyr Zelenskyy said in his nightly video address.',
  'Oleh Syniehubov, the governor of the Kharkiv region, said rescue workers were still searching the rubble of a five-storey apartment block late in the evening.',
  'The strikes came hours after officials in Kyiv and Washington discussed new deliveries of air defence systems to protect the country\'s energy grid before winter.',
  'Kharkiv, Ukraine\'s second-largest city, lies about 30 kilometres from the Russian border and has been shelled almost daily since the start of the full-scale invasion.',
  'Residents of the northern districts spent much of the night in metro stations, and the city council said schools would teach online for the rest of the week.',
  'The Russian Defence Ministry said its forces had hit military targets and denied striking residential buildings, a claim Ukrainian officials rejected.',
];

const APPEAL = [
  'KYIV (Reuters) - Ukrainian President Volodymyr Zelenskyy asked European allies on Tuesday to speed up deliveries of air defence systems as his government prepared the power grid for a hard winter.',
  '"Every Patriot battery we receive saves a city from darkness," Zelenskyy told reporters at a joint news conference with the Danish prime minister.',
  'Denmark has pledged a further package of military aid worth about 500 million euros, including artillery ammunition and spare parts for F-16 fighter jets.',
  'Energy officials say repairs to transmission lines damaged in earlier attacks are running behind schedule because of shortages of transformers.',
  'Zelenskyy is expected to travel to Brussels next week for a meeting of European Union leaders where financing for Ukraine\'s reconstruction will be discussed.',
];

/** The three near-copies of one story and a different story with the same speaker. */
interface FactDocs {
  readonly original: WiregraphDoc;
  readonly cut: WiregraphDoc;
  readonly edited: WiregraphDoc;
  readonly appeal: WiregraphDoc;
}

function factDocs(): FactDocs {
  const curly = (s: string): string => s.replace(/"([^"]*)"/gu, '\u201c$1\u201d');
  const edited = [...STRIKE.slice(0, 6).map(curly), 'Read more: the war in Ukraine'].join('\n\n').replace('five-storey', 'five-story');
  return {
    original: publishedBy(docOf('Russian strike on Kharkiv kills four', STRIKE.join('\n\n'), '2025-10-06T09:00'), 'AP', 'https://ap.example/kharkiv'),
    cut: publishedBy(docOf('Four killed in Kharkiv', STRIKE.slice(0, 4).join('\n\n'), '2025-10-06T11:00'), 'Kyiv Post', 'https://kyivpost.example/kharkiv'),
    edited: publishedBy(docOf('Russia strikes Kharkiv', edited, '2025-10-07T08:00'), 'The Guardian', 'https://guardian.example/kharkiv'),
    appeal: publishedBy(docOf('Zelenskyy presses allies for air defences', APPEAL.join('\n\n'), '2025-10-07T12:00'), 'Reuters', 'https://reuters.example/appeal'),
  };
}

/** The facts part of the contract: quotes and events once per story, entities counted by story or by copy. */
export function runFactContract(current: () => ArticleStore): void {
  let docs: FactDocs;
  let rotterdam: StoryDocs;
  beforeAll(() => {
    docs = factDocs();
    rotterdam = storyDocs();
  });
  const ingest = async (store: ArticleStore): Promise<void> => {
    await store.addBatch([docs.original, docs.cut, docs.edited, docs.appeal].map((doc) => ({ doc, source: doc.meta.outlet ?? '' })));
  };
  const zelenskyy = async (store: ArticleStore) => (await store.graph.findEntities('Volodymyr Zelenskyy', { limit: 1, type: 'PERSON' })).items[0]!;

  describe('facts', () => {
    it('makes one quote fact of a quote found in three near-copies, and keeps another quote of the speaker in another story apart', async () => {
      const store = current();
      await ingest(store);
      expect((await store.storyOf(docs.cut.id))?.id).toBe((await store.storyOf(docs.original.id))?.id);
      expect((await store.storyOf(docs.edited.id))?.id).toBe((await store.storyOf(docs.original.id))?.id);
      const speaker = await zelenskyy(store);
      const quotes = (await store.graph.quotes({ speaker: speaker.id }, { limit: 20 })).items;
      expect(quotes.map((q) => q.content.slice(0, 20)).sort()).toEqual(['Every Patriot batter', 'We will rebuild ever']);
      const rebuild = quotes.find((q) => q.content.startsWith('We will'))!;
      expect(rebuild.occurrences.map((o) => o.article).sort()).toEqual([docs.original.id, docs.cut.id, docs.edited.id].sort());
      expect(rebuild).toMatchObject({ copies: 3, outlets: 3, sources: 1 });
      expect(quotes.find((q) => q.content.startsWith('Every'))).toMatchObject({ copies: 1, outlets: 1, sources: 1 });
      expect((await store.graph.quotes({ speaker: speaker.id }, { limit: 20, count: 'copies' })).items).toHaveLength(4);
      const ofCut = (await store.graph.quotes({ article: docs.cut.id }, { limit: 20 })).items;
      expect(ofCut.length).toBe(docs.cut.quotes.length);
      expect(ofCut.find((q) => q.fact === rebuild.fact)?.copies).toBe(3);
      // Note: each quote row carries the channels of its document's quote (what relayed it), in the document's order.
      const channels = new Map(docs.cut.quotes.map((q) => [q.content.start, (q.sources ?? []).map((c) => c.text)]));
      expect(ofCut.map((q) => q.channels)).toEqual(ofCut.map((q) => channels.get(q.source.start)));
    });

    it('makes one event fact of an event found in three near-copies', async () => {
      const store = current();
      await ingest(store);
      // Note: the same event in each copy: code, date, trigger and both sides, their words and whether each is an
      // entity of its document (a side a copy links to an entity and another does not is another actor to the store).
      const side = (a: WiregraphDoc['events'][number]['source'][number]): string => `${a.text}${a.entity === null ? '' : '@'}`;
      const sides = (e: WiregraphDoc['events'][number]): string => `${e.cameo}|${e.date}|${e.trigger.text}|${e.source.map(side).join(',')}>${e.target.map(side).join(',')}`;
      const inAll = docs.original.events.filter((e) => [docs.cut, docs.edited].every((d) => d.events.some((o) => sides(o) === sides(e))));
      expect(inAll.length).toBeGreaterThan(0);
      const { cameo, date, trigger } = inAll[0]!;
      const facts = (await store.graph.events({ cameo }, { limit: 50 })).items.filter((e) => e.date === date && e.trigger === trigger.text);
      expect(facts).toHaveLength(1);
      expect(facts[0]!.occurrences).toHaveLength(3);
      expect(facts[0]).toMatchObject({ copies: 3, outlets: 3 });
      expect((await store.graph.events({ cameo }, { limit: 50, count: 'copies' })).items.filter((e) => e.date === date && e.trigger === trigger.text)).toHaveLength(3);
      // Note: counted by copy, each fact of the month counts its copies; counted by story, once.
      const ofMonth = (await store.graph.events({ cameo }, { limit: 50 })).items.filter((e) => e.date?.startsWith('2025-10'));
      const byStory = await store.graph.timeline({ cameo });
      const byCopy = await store.graph.timeline({ cameo }, 'copies');
      expect(byCopy.find((p) => p.period === '2025-10')!.events - byStory.find((p) => p.period === '2025-10')!.events).toBe(ofMonth.reduce((sum, f) => sum + f.copies - 1, 0));
      expect(ofMonth.reduce((sum, f) => sum + f.copies - 1, 0)).toBeGreaterThanOrEqual(2);
    });

    it('counts an entity once per story by default, and once per copy on request', async () => {
      const store = current();
      await ingest(store);
      await store.addBatch([{ doc: publishedBy(docs.cut, 'Ukrinform', 'https://ukrinform.example/kharkiv', '2025-10-06T12:00'), source: 'ukrinform' }]);
      expect(await zelenskyy(store)).toMatchObject({ articles: 4, stories: 2, copies: 5 });
      const profile = (await store.graph.profile((await zelenskyy(store)).id))!;
      expect(profile.mentionsByMonth).toEqual([{ month: '2025-10', mentions: 2, stories: 2, copies: 5 }]);
      expect(profile.quotes).toBe(2);
      expect((await store.graph.profile((await zelenskyy(store)).id, 'copies'))!).toMatchObject({ mentionsByMonth: [{ month: '2025-10', mentions: 5 }], quotes: 5 });
      const rebuild = (await store.graph.quotes({ speaker: (await zelenskyy(store)).id }, { limit: 20 })).items.find((q) => q.content.startsWith('We will'))!;
      expect(rebuild).toMatchObject({ copies: 4, outlets: 4, sources: 1 });
      expect(rebuild.occurrences.find((o) => o.article === docs.cut.id)).toMatchObject({ copies: 2, outlets: ['Kyiv Post', 'Ukrinform'] });
      const ukraine = (await store.graph.findEntities('Ukraine', { limit: 1, type: 'GPE' })).items[0]!;
      const pair = async (count?: 'copies') => (await store.graph.profile((await zelenskyy(store)).id, count))!.coActors.find((c) => c.entity.id === ukraine.id);
      expect(await pair()).toMatchObject({ articles: 2, stories: 2, copies: 5 });
      expect((await pair('copies'))?.articles).toBe(5);
    });

    it('says where a place entity is, as its articles resolved it, nothing for a person, and maps the place mentions', async () => {
      const store = current();
      await ingest(store);
      const kharkiv = (await store.graph.findEntities('Kharkiv', { limit: 5 })).items.find((e) => e.name === 'Kharkiv')!;
      const place = (await store.graph.profile(kharkiv.id))!.place!;
      expect(place).toMatchObject({ country: 'UKR', name: 'Kharkiv' });
      expect(Math.abs(place.lat - 49.99)).toBeLessThan(0.5);
      expect(Math.abs(place.lon - 36.23)).toBeLessThan(0.5);
      expect((await store.graph.profile((await zelenskyy(store)).id))!.place).toBeNull();
      // Note: the strike story's texts name Kharkiv (those where it was recognised as a place); the Reuters appeal does not.
      const atKharkiv = (await store.graph.mentionMap({})).points.find((p) => p.entity.id === kharkiv.id);
      expect(atKharkiv).toMatchObject({ text: 'Kharkiv' });
      expect(atKharkiv!.articles).toBeGreaterThanOrEqual(2);
      expect(atKharkiv!.mentions).toBeGreaterThanOrEqual(atKharkiv!.articles);
      expect((await store.graph.mentionMap({ outlet: 'Reuters' })).points.find((p) => p.entity.id === kharkiv.id)).toBeUndefined();
      expect((await store.graph.mentionMap({ type: 'PERSON' })).points).toEqual([]);
    });

    it('counts the stories of different agencies that carry the same quote as independent sources', async () => {
      const store = current();
      await store.addBatch([rotterdam.original, rotterdam.cut, rotterdam.different].map((doc) => ({ doc, source: doc.meta.outlet ?? '' })));
      const quote = (await store.graph.quotes({ article: rotterdam.cut.id }, { limit: 20 })).items.find((q) => q.content.startsWith('We were told'))!;
      expect(quote).toMatchObject({ copies: 2, outlets: 2, sources: 2 });
      expect((await store.storyOf(rotterdam.different.id))?.id).not.toBe((await store.storyOf(rotterdam.cut.id))?.id);
    });
  });
}
