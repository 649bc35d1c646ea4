import type Database from 'better-sqlite3';
import type { Entity } from '../../article/layers.js';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { acronymPairs, initialism, type AcronymPair } from '../../text/acronyms.js';
import { normaliseName } from '../../text/normalise.js';

/**
 * The other names a knowledge base knows a linked entity by: its alternate names and spellings, and for a
 * country its capital (which news uses for its government: `Pyongyang` for North Korea). Given to the store by
 * whoever opens it with a knowledge base; the store itself knows no extraction stage.
 */
export type AliasSource = (entity: Pick<Entity, 'type' | 'name' | 'links'>) => readonly string[];

/** An alias as stored: its normalised form (what is matched) and the form first seen. */
export interface StoredAlias {
  readonly norm: string;
  readonly alias: string;
}

/** The acronyms a document introduces, found once per document. */
export function documentAcronyms(doc: Pick<WiregraphDoc, 'text'>): AcronymPair[] {
  return acronymPairs(doc.text);
}

/**
 * An entity's aliases in one article, each once: its name, the names it is mentioned by (`North Korean`,
 * `Pyongyang` where the capital stands for the state), the acronym or expansion the article introduces for one
 * of them (`Korean Central News Agency (KCNA)`), an organisation's initialism, and the knowledge base's names.
 */
export function entityAliases(entity: Pick<Entity, 'type' | 'name' | 'links' | 'mentions'>, acronyms: readonly AcronymPair[], source?: AliasSource): StoredAlias[] {
  const names = [entity.name, ...entity.mentions.filter((m) => m.kind === 'name').map((m) => m.text)];
  const norms = new Set(names.map(normaliseName));
  for (const pair of acronyms) {
    if (norms.has(normaliseName(pair.expansion)) || norms.has(normaliseName(pair.acronym))) names.push(pair.expansion, pair.acronym);
  }
  if (entity.type === 'ORG') {
    const short = initialism(entity.name);
    if (short) names.push(short);
  }
  if (source) names.push(...source(entity));
  const seen = new Map<string, string>();
  for (const name of names) {
    const norm = normaliseName(name);
    if (norm.length >= 2 && !seen.has(norm)) seen.set(norm, name.trim());
  }
  return [...seen].map(([norm, alias]) => ({ norm, alias }));
}

/** The statements that count and uncount an entity's aliases. */
export function aliasWriter(db: Database.Database): { add(entity: number, aliases: readonly StoredAlias[]): void; remove(entity: number, aliases: readonly StoredAlias[]): void } {
  const add = db.prepare('INSERT INTO entity_aliases (entity_id, norm, alias, uses) VALUES (?, ?, ?, 1) ON CONFLICT (entity_id, norm) DO UPDATE SET uses = uses + 1');
  const remove = db.prepare('UPDATE entity_aliases SET uses = uses - 1 WHERE entity_id = ? AND norm = ? RETURNING uses');
  const drop = db.prepare('DELETE FROM entity_aliases WHERE entity_id = ? AND norm = ?');
  return {
    add(entity, aliases) {
      for (const a of aliases) add.run(entity, a.norm, a.alias);
    },
    remove(entity, aliases) {
      for (const a of aliases) {
        const left = remove.get(entity, a.norm) as { uses: number } | undefined;
        if (left && left.uses <= 0) drop.run(entity, a.norm);
      }
    },
  };
}

/**
 * Gives the merge rows stored before schema 7 the links and aliases their article gave the entity, and counts
 * the aliases for the entity each row is in now: in batches of articles, each document parsed once.
 */
export function fillStoredAliases(db: Database.Database, source?: AliasSource): void {
  const pending = db.prepare('SELECT DISTINCT article_seq AS seq FROM merges WHERE aliases IS NULL LIMIT 200');
  const docOf = db.prepare('SELECT text, doc FROM articles WHERE seq = ?');
  const rowsOf = db.prepare('SELECT id, local_id AS local, entity_id AS entity FROM merges WHERE article_seq = ? AND aliases IS NULL');
  const fill = db.prepare('UPDATE merges SET wikidata = ?, country = ?, cameo = ?, aliases = ? WHERE id = ?');
  const writer = aliasWriter(db);
  for (;;) {
    const seqs = pending.all() as Array<{ seq: number }>;
    if (seqs.length === 0) return;
    db.transaction(() => {
      for (const { seq } of seqs) {
        const row = docOf.get(seq) as { text: string; doc: string };
        const doc = JSON.parse(row.doc) as Pick<WiregraphDoc, 'entities'>;
        const acronyms = documentAcronyms({ text: row.text });
        for (const m of rowsOf.all(seq) as Array<{ id: number; local: string; entity: number }>) {
          const e = doc.entities.find((x) => x.id === m.local);
          const aliases = e ? entityAliases(e, acronyms, source) : [];
          fill.run(e?.links.wikidata ?? null, e?.links.country ?? null, e?.links.cameo ?? null, JSON.stringify(aliases), m.id);
          writer.add(m.entity, aliases);
        }
      }
    })();
  }
}
