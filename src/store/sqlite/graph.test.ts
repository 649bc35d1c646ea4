import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractSource } from '../../api/extract.js';
import { packageRoot } from '../../data-dir.js';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import type { ArticleStore } from '../store.js';
import { openSqliteStore } from './store.js';

const seedPath = join(packageRoot(), 'data', 'sample', 'seed', 'bss-2025-09-13-north-korea-arsenal.txt');
const extract = (name: string, bytes: Buffer, date: string | null = null): WiregraphDoc => {
  const [result] = extractSource({ name, bytes, contentType: null, url: null }, { kind: 'auto', date, maxBytes: 1e7 });
  if (!result?.ok) throw new Error(`could not extract ${name}`);
  return result.doc;
};
const seed = extract(seedPath, readFileSync(seedPath));
const second = extract('second.txt', Buffer.from('PYONGYANG, Oct 2, 2025 (AFP) - North Korean leader Kim Jong Un met Russian President Vladimir Putin in Moscow on Tuesday. Russia and North Korea signed a trade agreement. Russian troops attacked Ukraine on Monday.'), null);

describe('the knowledge graph in SQLite', () => {
  let dir: string;
  let store: ArticleStore;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wiregraph-graph-'));
    store = openSqliteStore(join(dir, 'graph.db'));
    store.addBatch([{ doc: seed, source: 'seed' }, { doc: second, source: 'second' }]);
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resolves entities across articles by their links, and records each merge', () => {
    const [kim] = store.graph.findEntities('kim jong', { limit: 5 }).items;
    expect(kim?.name).toBe('Kim Jong Un');
    expect(kim?.articles).toBe(2);
    const [northKorea] = store.graph.findEntities('North Korea', { limit: 5, type: 'GPE' }).items;
    expect(northKorea).toMatchObject({ name: 'North Korea', cameo: 'PRK', articles: 2 });
    const merges = store.graph.merges(kim!.id);
    expect(merges.map((m) => m.reason)).toEqual(['wikidata', 'wikidata']);
  });

  it('finds entities by prefix, inside the name, and with a typo', () => {
    expect(store.graph.findEntities('vlad', { limit: 5 }).items.map((e) => e.name)).toContain('Vladimir Putin');
    expect(store.graph.findEntities('putin', { limit: 5 }).items.map((e) => e.name)).toContain('Vladimir Putin');
    expect(store.graph.findEntities('Puttin', { limit: 5 }).items.map((e) => e.name)).toContain('Vladimir Putin');
    expect(store.graph.findEntities('zzzqqq', { limit: 5 }).items).toEqual([]);
  });

  it('gives an entity page: roles, mentions by month, co-actors, quote and event counts', () => {
    const kim = store.graph.findEntities('Kim Jong Un', { limit: 1 }).items[0]!;
    const profile = store.graph.profile(kim.id)!;
    expect(profile.roles.map((r) => r.role)).toContain('North Korean leader');
    expect(profile.mentionsByMonth.map((m) => m.month)).toEqual(['2025-09', '2025-10']);
    expect(profile.coActors.map((c) => c.entity.name)).toEqual(expect.arrayContaining(['North Korea', 'Vladimir Putin']));
    expect(profile.quotes).toBeGreaterThan(0);
    expect(store.graph.profile(999_999)).toBeNull();
  });

  it('lists quotes by speaker with the sentence and span they come from', () => {
    const hong = store.graph.findEntities('Hong Min', { limit: 1 }).items[0]!;
    const quotes = store.graph.quotes({ speaker: hong.id }, { limit: 10 }).items;
    expect(quotes).toHaveLength(2);
    for (const q of quotes) {
      expect(q.source.article).toBe(seed.id);
      expect(seed.text.slice(q.source.start, q.source.end)).toBe(q.content);
    }
  });

  it('filters events by actor, counterpart, PLOVER type, CAMEO prefix, mode and dates, page by page', () => {
    const russia = store.graph.findEntities('Russia', { limit: 1, type: 'GPE' }).items[0]!;
    const northKorea = store.graph.findEntities('North Korea', { limit: 1, type: 'GPE' }).items[0]!;
    const all = store.graph.events({ actor: russia.id }, { limit: 100 }).items;
    expect(all.length).toBeGreaterThan(2);
    const pact = store.graph.events({ actor: russia.id, counterpart: northKorea.id, cameo: '057' }, { limit: 10 }).items;
    expect(pact.length).toBeGreaterThan(0);
    expect(pact.map((e) => [e.cameo, e.date])).toEqual(pact.map(() => ['057', '2024']));
    // Note: each filter is checked on a list it leaves non-empty, and against the unfiltered list, so that it can fail.
    const assaults = store.graph.events({ actor: russia.id, plover: 'ASSAULT' }, { limit: 10 }).items;
    expect(assaults.length).toBeGreaterThan(0);
    expect(assaults.map((e) => e.plover)).toEqual(assaults.map(() => 'ASSAULT'));
    expect(all.some((e) => e.plover !== 'ASSAULT')).toBe(true);
    const in2025 = store.graph.events({ actor: russia.id, from: '2025', to: '2025' }, { limit: 50 }).items;
    expect(in2025.length).toBeGreaterThan(0);
    expect(in2025.map((e) => e.date?.slice(0, 4))).toEqual(in2025.map(() => '2025'));
    expect(in2025.length).toBeLessThan(all.length);
    const first = store.graph.events({ actor: russia.id }, { limit: 2 });
    const next = store.graph.events({ actor: russia.id }, { limit: 2, cursor: first.nextCursor });
    expect(next.items.map((e) => e.id).some((id) => first.items.map((e) => e.id).includes(id))).toBe(false);
  });

  it('draws the actor network with edges split into cooperation and conflict', () => {
    const russia = store.graph.findEntities('Russia', { limit: 1, type: 'GPE' }).items[0]!;
    const net = store.graph.network({ actor: russia.id }, 20);
    expect(net.nodes.map((n) => n.name)).toContain('Russia');
    expect(net.edges.length).toBeGreaterThan(0);
    for (const e of net.edges) expect(e.cooperation + e.conflict).toBe(e.weight);
    expect(net.edges.some((e) => e.conflict > 0)).toBe(true);
    const timeline = store.graph.timeline({ actor: russia.id });
    expect(timeline.map((t) => t.period)).toEqual([...timeline.map((t) => t.period)].sort());
  });

  it('undoes a merge: the article\'s entity gets its mentions back as an entity of its own', () => {
    const kim = store.graph.findEntities('Kim Jong Un', { limit: 1 }).items[0]!;
    const merge = store.graph.merges(kim.id).find((m) => m.article === second.id)!;
    const split = store.graph.unmerge(merge.id);
    expect(split.name).toBe('Kim Jong Un');
    expect(split).toMatchObject({ articles: 1, stories: 1, copies: 1 });
    expect(store.graph.entity(kim.id)).toMatchObject({ articles: 1, stories: 1, copies: 1 });
    expect(() => store.graph.unmerge(merge.id)).toThrow(/already undone/u);
  });

  it('indexes articles stored before the graph existed when the store is opened', () => {
    const path = join(dir, 'old.db');
    const old = openSqliteStore(path);
    old.addBatch([{ doc: second, source: 'second' }]);
    old.close();
    const raw = new Database(path);
    raw.exec('DELETE FROM event_actors; DELETE FROM events; DELETE FROM mentions; DELETE FROM quotes; DELETE FROM timexes; DELETE FROM merges; DELETE FROM entity_months; DELETE FROM entity_pairs; DELETE FROM graph_indexed');
    raw.close();
    const reopened = openSqliteStore(path);
    expect(reopened.graph.findEntities('Kim Jong Un', { limit: 1 }).items[0]?.articles).toBeGreaterThan(0);
    expect(reopened.count()).toBe(1);
    reopened.close();
  });
});
