import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../data-dir.js';
import { decodeKnowledgeBase } from '../../stages/entities/kb.js';
import { docOf } from '../../test-support/docs.js';
import { normaliseName } from '../../text/normalise.js';
import type { AliasSource } from './entity-aliases.js';
import { migrate } from './migrations.js';
import { openSqliteStore } from './store.js';

const names = (store: ReturnType<typeof openSqliteStore>, q: string): string[] => store.graph.findEntities(q, { limit: 10 }).items.map((e) => e.name);
const docs = [
  docOf('Kim meets Putin', 'North Korean leader Kim Jong Un met Russian President Vladimir Putin in Vladivostok, the Korean Central News Agency said. Pyongyang will send workers, and Moscow will send food.', '2025-09-13'),
  docOf('Police chief', 'Police chief Duncan McNab spoke at the Moscone Center in San Francisco on Monday.', '2025-09-14'),
  docOf('Germans vote', 'German voters went to the polls. German officials said turnout was high.', '2025-09-15'),
  docOf('Germany votes', 'Germany elected a new parliament on Sunday.', '2025-09-16'),
];

describe('entity search by aliases', () => {
  it('finds an entity by a name it was mentioned by, an acronym, or a capital standing for its state, exact matches first', () => {
    const store = openSqliteStore(':memory:');
    store.addBatch(docs.map((doc, i) => ({ doc, source: `d${i}` })));
    expect(names(store, 'Pyongyang')[0]).toBe('North Korea');
    expect(names(store, 'KCNA')).toEqual(['Korean Central News Agency']);
    // Note: before aliases, `Moscow` found only the Moscone Center (a fuzzy match, nothing else matching).
    expect(names(store, 'Moscow')).toEqual(['Russia']);
    expect(names(store, 'Mosc')).toEqual(expect.arrayContaining(['Russia', 'Moscone Center']));
    expect(names(store, 'North Korean')[0]).toBe('North Korea');
    store.close();
  });

  it('finds a renamed entity by its new name inside a word, and by its old name as an alias', () => {
    const store = openSqliteStore(':memory:');
    store.addBatch(docs.slice(2).map((doc, i) => ({ doc, source: `d${i}` })));
    expect(names(store, 'ermany')).toEqual(['Germany']);
    expect(names(store, 'German')).toEqual(['Germany']);
    store.close();
  });

  it('keeps the knowledge base names it is given for linked entities', () => {
    const kb = decodeKnowledgeBase(readFileSync(join(packageRoot(), 'data', 'kb.bin')));
    const source: AliasSource = (e) => {
      const country = e.links.country && (e.type === 'GPE' || e.type === 'NORP') ? kb.countryByIso.get(e.links.country) : undefined;
      if (country) return [...country.names, ...(country.capital ? [country.capital.name] : [])];
      return e.type === 'ORG' ? kb.orgByName.get(normaliseName(e.name))?.names ?? [] : [];
    };
    const store = openSqliteStore(':memory:', { aliases: source });
    store.addBatch([{ doc: docs[0]!, source: 'd0' }]);
    expect(names(store, 'DPRK')[0]).toBe('North Korea');
    expect(names(store, "Democratic People's Republic of Korea")[0]).toBe('North Korea');
    store.close();
  });
});

describe('the entity index of a database stored before schema 7', () => {
  it('follows the names the entities have now and passes the integrity checks', () => {
    const db = new Database(':memory:');
    migrate(db, 6);
    db.prepare("INSERT INTO entities (key, type, name, norm) VALUES ('country:DEU', 'NORP', 'German', 'german')").run();
    db.prepare("UPDATE entities SET name = 'Germany', norm = 'germany', type = 'GPE' WHERE key = 'country:DEU'").run();
    const match = db.prepare("SELECT rowid FROM entities_fts WHERE entities_fts MATCH '\"ermany\"'");
    const check = db.prepare("INSERT INTO entities_fts (entities_fts, rank) VALUES ('integrity-check', 1)");
    expect(match.all()).toEqual([]);
    expect(() => check.run()).toThrow(/malformed/u);
    migrate(db);
    expect(match.all()).toEqual([{ rowid: 1 }]);
    expect(() => check.run()).not.toThrow();
    expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    db.prepare("UPDATE entities SET name = 'Deutschland' WHERE id = 1").run();
    db.prepare("DELETE FROM entities WHERE id = 1").run();
    expect(() => check.run()).not.toThrow();
    db.close();
  });
});
