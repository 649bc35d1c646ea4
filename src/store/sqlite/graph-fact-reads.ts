import type Database from 'better-sqlite3';
import type { FactCounts, FactOccurrence } from '../graph.js';

/** Reads the counts of the facts of a page of quotes or events. */
export type FactReader = (factIds: ReadonlyArray<number | null>) => ReadonlyMap<number, FactCounts>;

const NO_FACT: FactCounts = { fact: null, copies: 0, outlets: 0, sources: 0, occurrences: [] };

/** The counts of a row's fact, or zeros for a row without one. */
export function countsOf(facts: ReadonlyMap<number, FactCounts>, fact: number | null): FactCounts {
  return (fact === null ? undefined : facts.get(fact)) ?? NO_FACT;
}

/**
 * Prepares the reads of fact counts for quotes or events: each fact's occurrences (one per article, with the
 * copies and outlets of that article's text), and its independent sources.
 */
export function factReader(db: Database.Database, kind: 'quote' | 'event'): FactReader {
  const rows = kind === 'quote' ? 'quotes' : 'events';
  const facts = kind === 'quote' ? 'quote_facts' : 'event_facts';
  const occurrences = db.prepare(
    `SELECT r.fact_id AS fact, min(r.id) AS row, a.id AS article, a.seq FROM ${rows} r JOIN articles a ON a.seq = r.article_seq
     WHERE r.fact_id IN (SELECT value FROM json_each(?)) GROUP BY r.fact_id, r.article_seq ORDER BY r.fact_id, min(r.id)`,
  );
  const copies = db.prepare('SELECT article_seq AS seq, outlet FROM copies WHERE article_seq IN (SELECT value FROM json_each(?))');
  // Note: a claim (the same speaker and words, or the same event on the same day) carried by several stories is
  // reported by each story's originator; an AFP story in 12 outlets is one source, and so are two AFP stories.
  const sources = db.prepare(
    `SELECT f.id AS fact, (SELECT count(DISTINCT coalesce(s.originator, 'story:' || s.id)) FROM ${facts} g JOIN stories s ON s.id = g.story_id WHERE g.claim = f.claim) AS n
     FROM ${facts} f WHERE f.id IN (SELECT value FROM json_each(?))`,
  );

  return (factIds) => {
    const ids = JSON.stringify([...new Set(factIds.filter((f): f is number => f !== null))]);
    const found = occurrences.all(ids) as Array<{ fact: number; row: number; article: string; seq: number }>;
    const outletsOf = new Map<number, { copies: number; outlets: Set<string> }>();
    for (const c of copies.all(JSON.stringify([...new Set(found.map((o) => o.seq))])) as Array<{ seq: number; outlet: string | null }>) {
      const entry = outletsOf.get(c.seq) ?? { copies: 0, outlets: new Set<string>() };
      entry.copies++;
      if (c.outlet) entry.outlets.add(c.outlet);
      outletsOf.set(c.seq, entry);
    }
    const sourcesOf = new Map((sources.all(ids) as Array<{ fact: number; n: number }>).map((r) => [r.fact, r.n]));
    const byFact = new Map<number, FactOccurrence[]>();
    for (const o of found) {
      const text = outletsOf.get(o.seq);
      const list = byFact.get(o.fact) ?? [];
      list.push({ article: o.article, row: o.row, copies: text?.copies ?? 0, outlets: [...(text?.outlets ?? [])] });
      byFact.set(o.fact, list);
    }
    const result = new Map<number, FactCounts>();
    for (const [fact, list] of byFact) {
      const outlets = new Set(list.flatMap((o) => o.outlets));
      result.set(fact, { fact, copies: list.reduce((n, o) => n + o.copies, 0), outlets: outlets.size, sources: sourcesOf.get(fact) ?? 1, occurrences: list });
    }
    return result;
  };
}
