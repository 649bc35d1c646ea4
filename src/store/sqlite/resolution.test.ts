import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSource } from '../../api/extract.js';
import type { Entity, EntityType } from '../../article/layers.js';
import { packageRoot } from '../../data-dir.js';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { openSqliteStore } from './store.js';

const extract = (name: string, text: string): WiregraphDoc => {
  const [result] = extractSource({ name, bytes: Buffer.from(text), contentType: null, url: null }, { kind: 'auto', date: null, maxBytes: 1e7 });
  if (!result?.ok) throw new Error(`could not extract ${name}`);
  return result.doc;
};

/** A stored article whose only entities are the given names, each typed as given, in a text that holds them. */
function docNaming(n: number, names: ReadonlyArray<readonly [string, EntityType]>): WiregraphDoc {
  const text = `Story ${n}\n\n${names.map(([name]) => `${name} said on Monday that sales rose.`).join(' ')}`;
  const doc = extract(`story-${n}.txt`, text);
  const entities: Entity[] = names.map(([name, type], i) => {
    const start = doc.text.indexOf(`${name} said`);
    return { id: `E${i + 1}`, type, name, links: { wikidata: null, country: null, cameo: null }, role: null, mentions: [{ start, end: start + name.length, text: name, kind: 'name' }] };
  });
  return { ...doc, entities, quotes: [], events: [] };
}

describe('entities resolved across articles', () => {
  it('makes the variants of an organisation one entity, and keeps a company that only shares a word apart', () => {
    const store = openSqliteStore(':memory:');
    const names = ['Apple Inc.', 'Apple Computer', 'Apple', 'Apple Corps'] as const;
    store.addBatch(names.map((name, i) => ({ doc: docNaming(i, [[name, 'ORG']]), source: `s${i}` })));
    const found = names.map((name) => store.graph.findEntities(name, { limit: 1, type: 'ORG' }).items[0]!);
    expect(new Set(found.slice(0, 3).map((e) => e.id)).size).toBe(1);
    expect(found[0]!.articles).toBe(3);
    expect(found[3]!.id).not.toBe(found[0]!.id);
    store.close();
  });

  it('votes an entity type across its articles: a name taken for a person in one story and a company in two is one company', () => {
    const store = openSqliteStore(':memory:');
    const typed: Array<readonly [string, EntityType]> = [['Chrysler', 'PERSON'], ['Chrysler', 'ORG'], ['Chrysler', 'LOC'], ['Chrysler', 'ORG']];
    store.addBatch(typed.map((t, i) => ({ doc: docNaming(i, [t]), source: `s${i}` })));
    const all = store.graph.findEntities('Chrysler', { limit: 10 }).items;
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ type: 'ORG', articles: 4 });
    store.close();
  });

  it('never pairs a news agency or the dateline place with the entities of the story', () => {
    const seedPath = join(packageRoot(), 'data', 'sample', 'seed', 'bss-2025-09-13-north-korea-arsenal.txt');
    const seed = extract(seedPath, readFileSync(seedPath, 'utf8'));
    const names = seed.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Bangladesh Sangbad Sangstha', 'Agence France-Presse', 'Seoul', 'Kim Jong Un']));
    const store = openSqliteStore(':memory:');
    store.addBatch([{ doc: seed, source: 'seed' }]);
    const kim = store.graph.findEntities('Kim Jong Un', { limit: 1, type: 'PERSON' }).items[0]!;
    const coActors = store.graph.profile(kim.id)!.coActors.map((c) => c.entity.name);
    expect(coActors.length).toBeGreaterThan(3);
    expect(coActors).toContain('North Korea');
    for (const outlet of ['Agence France-Presse', 'Bangladesh Sangbad Sangstha', 'Korean Central News Agency', 'Seoul']) expect(coActors).not.toContain(outlet);
    store.close();
  });
});
