import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { articleWriter } from './article-writer.js';
import { openDatabase } from './driver.js';
import { globalKey } from './graph-index.js';
import { graphQueries } from './graph-queries.js';
import { unmergeDocs } from './unmerge-docs.js';

type Op = { kind: 'add'; doc: number; outlet: number } | { kind: 'unmerge'; pick: number } | { kind: 'redo'; pick: number };

/** Stores a document (with an outlet, so that the same text again is another copy of it). */
function add(db: Database.Database, writer: ReturnType<typeof articleWriter>, doc: WiregraphDoc, outlet: number): void {
  const record = { doc: { ...doc, meta: { ...doc.meta, outlet: `outlet-${outlet}` } }, source: `${doc.id}-${outlet}` };
  db.transaction(() => writer.add(record, '2025-11-01T00:00:00Z', {}))();
}

/**
 * Every graph count of every entity, each entity known by the article entities merged into it (ids differ
 * between two stores; what was merged does not).
 */
function snapshot(db: Database.Database): Record<string, unknown> {
  const who = new Map<number, string>();
  for (const r of db.prepare("SELECT m.entity_id AS id, group_concat(a.id || '/' || m.local_id, ' ') AS rows FROM (SELECT * FROM merges ORDER BY article_seq, local_id) m JOIN articles a ON a.seq = m.article_seq GROUP BY m.entity_id").all() as Array<{ id: number; rows: string }>) who.set(r.id, r.rows);
  const all = <T>(sql: string, id: number): T[] => db.prepare(sql).all(id) as T[];
  const out: Record<string, unknown> = {};
  for (const e of db.prepare('SELECT * FROM entities').all() as Array<Record<string, unknown> & { id: number }>) {
    const key = who.get(e.id);
    if (key === undefined) {
      // Note: an entity all of whose merges were undone counts nothing.
      expect(e).toMatchObject({ mentions: 0, articles: 0, quotes: 0, events: 0, stories: 0, copies: 0 });
      continue;
    }
    const { id: _id, key: _key, ...row } = e;
    out[key] = {
      row,
      months: all('SELECT month, mentions, stories, copies FROM entity_months WHERE entity_id = ? ORDER BY month', e.id),
      pairs: all<{ other: number }>('SELECT other_id AS other, articles, stories, copies FROM entity_pairs WHERE entity_id = ?', e.id).map((p) => ({ ...p, other: who.get(p.other) })).sort((a, b) => String(a.other).localeCompare(String(b.other))),
      roles: all('SELECT role, first, last, articles FROM entity_roles WHERE entity_id = ? ORDER BY role', e.id),
      aliases: all('SELECT norm, uses FROM entity_aliases WHERE entity_id = ? ORDER BY norm', e.id),
    };
  }
  return out;
}

describe('undoing and redoing a merge', () => {
  let docs: WiregraphDoc[];
  beforeAll(() => {
    docs = unmergeDocs();
  });

  it('leaves every count, month, pair, role and alias of both entities as a store that never made the merge, or never undid it once redone', () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), doc: fc.nat({ max: docs.length - 1 }), outlet: fc.nat({ max: 1 }) }),
      fc.record({ kind: fc.constant('unmerge' as const), pick: fc.nat({ max: 60 }) }),
      fc.record({ kind: fc.constant('redo' as const), pick: fc.nat({ max: 60 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 2, maxLength: 12 }), (ops) => {
        const db = openDatabase(':memory:');
        const writer = articleWriter(db);
        const graph = graphQueries(db);
        const split = new Set<string>();
        for (const o of ops) {
          if (o.kind === 'add') add(db, writer, docs[o.doc]!, o.outlet);
          else {
            const undone = o.kind === 'redo' ? 'NOT NULL' : 'NULL';
            const open = db.prepare(`SELECT m.id, a.id AS article, m.local_id AS local FROM merges m JOIN articles a ON a.seq = m.article_seq WHERE m.undone_at IS ${undone} ORDER BY m.id`).all() as Array<{ id: number; article: string; local: string }>;
            const m = open[o.pick % Math.max(1, open.length)];
            if (!m) continue;
            if (o.kind === 'redo') {
              graph.remerge(m.id);
              split.delete(`${m.article}/${m.local}`);
            } else {
              graph.unmerge(m.id);
              split.add(`${m.article}/${m.local}`);
            }
          }
        }
        const never = openDatabase(':memory:');
        const neverWriter = articleWriter(never, { keyOf: (e, doc) => (split.has(`${doc.id}/${e.id}`) ? { key: `alone:${doc.id}/${e.id}`, reason: 'split' } : globalKey(e)) });
        for (const o of ops) if (o.kind === 'add') add(never, neverWriter, docs[o.doc]!, o.outlet);
        expect(snapshot(db)).toEqual(snapshot(never));
        db.close();
        never.close();
      }),
      { numRuns: 80, seed: 15 },
    );
  });

  it('keeps the entity in an article it is still in, and gives the split entity its links and co-actors', () => {
    const db = openDatabase(':memory:');
    const writer = articleWriter(db);
    const graph = graphQueries(db);
    add(db, writer, docs[1]!, 0);
    add(db, writer, docs[2]!, 0);
    const germany = graph.findEntities('Germany', { limit: 1, type: 'GPE' }).items[0]!;
    expect(germany).toMatchObject({ articles: 2, mentions: 7 });
    // Note: the second article's `German` is merged into Germany beside its `Germany`: undoing it leaves Germany in the article.
    const german = graph.merges(germany.id).find((m) => m.localId === 'E1' && m.headline === 'German minister visits')!;
    const split = graph.unmerge(german.id);
    expect(split).toMatchObject({ name: 'German', type: 'NORP', country: 'DEU', cameo: 'DEU', articles: 1, mentions: 3, stories: 1, copies: 1 });
    expect(graph.entity(germany.id)).toMatchObject({ articles: 2, mentions: 4, stories: 2 });
    expect(graph.profile(split.id)!.coActors.map((c) => c.entity.name)).toEqual(expect.arrayContaining(['Annalena Baerbock', 'South Korea', 'Germany']));
    db.close();
  });
});
