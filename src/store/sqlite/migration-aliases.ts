/**
 * Schema 7: the entity index follows renames, and entities keep their aliases.
 * - `entities_fts` had only an insert trigger, so a renamed entity (`German` to `Germany`, when a state's name
 *   takes the place of its people's) kept its old name in the index, and the index no longer matched its content
 *   (FTS5's `integrity-check` failed). Update and delete triggers are added and the index is rebuilt.
 * - Each merge row keeps the links and aliases its article gave the entity, so that undoing it can give them
 *   back; `entity_aliases` counts each alias of an entity by the merge rows giving it, with a trigram index.
 * Note: the merges' links and aliases are filled in TypeScript when the store is next opened (acronyms are
 * found in the text); until then `aliases` is null.
 */
export const ALIASES_MIGRATION = {
  version: 7,
  name: 'entity index follows renames; entity aliases',
  sql: `
    DROP TRIGGER entities_fts_insert;
    CREATE TRIGGER entities_fts_insert AFTER INSERT ON entities BEGIN
      INSERT INTO entities_fts (rowid, name) VALUES (new.id, new.name);
    END;
    CREATE TRIGGER entities_fts_delete AFTER DELETE ON entities BEGIN
      INSERT INTO entities_fts (entities_fts, rowid, name) VALUES ('delete', old.id, old.name);
    END;
    CREATE TRIGGER entities_fts_update AFTER UPDATE OF name ON entities BEGIN
      INSERT INTO entities_fts (entities_fts, rowid, name) VALUES ('delete', old.id, old.name);
      INSERT INTO entities_fts (rowid, name) VALUES (new.id, new.name);
    END;
    INSERT INTO entities_fts (entities_fts) VALUES ('rebuild');
    ALTER TABLE merges ADD COLUMN wikidata TEXT;
    ALTER TABLE merges ADD COLUMN country TEXT;
    ALTER TABLE merges ADD COLUMN cameo TEXT;
    ALTER TABLE merges ADD COLUMN aliases TEXT;
    CREATE INDEX merges_unaliased ON merges (article_seq) WHERE aliases IS NULL;
    CREATE TABLE entity_aliases (
      id INTEGER PRIMARY KEY,
      entity_id INTEGER NOT NULL REFERENCES entities (id),
      norm TEXT NOT NULL,
      alias TEXT NOT NULL,
      uses INTEGER NOT NULL,
      UNIQUE (entity_id, norm)
    );
    CREATE INDEX entity_aliases_norm ON entity_aliases (norm, entity_id);
    CREATE VIRTUAL TABLE entity_aliases_fts USING fts5 (alias, content = 'entity_aliases', content_rowid = 'id', tokenize = 'trigram');
    CREATE TRIGGER entity_aliases_fts_insert AFTER INSERT ON entity_aliases BEGIN
      INSERT INTO entity_aliases_fts (rowid, alias) VALUES (new.id, new.alias);
    END;
    CREATE TRIGGER entity_aliases_fts_delete AFTER DELETE ON entity_aliases BEGIN
      INSERT INTO entity_aliases_fts (entity_aliases_fts, rowid, alias) VALUES ('delete', old.id, old.alias);
    END;
    CREATE TRIGGER entity_aliases_fts_update AFTER UPDATE OF alias ON entity_aliases BEGIN
      INSERT INTO entity_aliases_fts (entity_aliases_fts, rowid, alias) VALUES ('delete', old.id, old.alias);
      INSERT INTO entity_aliases_fts (rowid, alias) VALUES (new.id, new.alias);
    END;
  `,
} as const;
