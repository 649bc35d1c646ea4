import type Database from 'better-sqlite3';
import { normaliseName } from '../../text/normalise.js';

// Note: wire agencies and outlets a story names as its source (`told AFP`, `(BSS/AFP)`), by normalised name.
const OUTLET_NAMES = new Set([
  'afp', 'agence france presse', 'agence france-presse', 'reuters', 'thomson reuters', 'ap', 'associated press', 'bss', 'bangladesh sangbad sangstha',
  'xinhua', 'yonhap', 'kcna', 'tass', 'itar tass', 'ria novosti', 'interfax', 'ansa', 'efe', 'dpa', 'kyodo', 'jiji', 'bernama', 'pti', 'irna',
  'upi', 'bloomberg', 'bbc', 'cnn', 'al jazeera', 'nhk', 'kbs', 'cctv', 'sky news', 'fox news', 'nbc', 'abc news', 'cbs', 'npr',
]);
// Note: the last words of an outlet's name (`Korean Central News Agency`, `The New York Times`, `Channel 4 News`).
const OUTLET_HEADS = new Set(['agency', 'times', 'post', 'journal', 'herald', 'tribune', 'gazette', 'telegraph', 'guardian', 'newspaper', 'magazine', 'news', 'radio', 'television', 'tv', 'broadcasting', 'broadcaster']);

/**
 * True for a news agency or outlet: an organisation known as one, or whose name ends as one (`News Agency`,
 * `Times`, `Radio`). It is an entity like any other, but never a co-actor of the entities of the stories it carries.
 */
export function isOutlet(type: string, name: string): boolean {
  if (type !== 'ORG') return false;
  const norm = normaliseName(name);
  if (OUTLET_NAMES.has(norm)) return true;
  const words = norm.split(' ');
  // Note: `agency` alone is too wide (`International Atomic Energy Agency`): only a news or press agency.
  if (words.at(-1) === 'agency') return words.includes('news') || words.includes('press');
  return words.length > 1 && OUTLET_HEADS.has(words.at(-1)!);
}

/**
 * Prepares the count of an article's mentions that make co-actors, per global entity: its mentions outside the
 * dateline (`SEOUL, Sept 13 (BSS/AFP) -`), of entities that are not outlets ({@link isOutlet}, by the article's
 * own name and type of each). The indexer, the story indexer and undo all pair entities by these counts.
 */
export function coActorMentions(db: Database.Database): (seq: number) => Map<number, number> {
  const dateline = db.prepare("SELECT doc ->> '$.meta.dateline.start' AS start, doc ->> '$.meta.dateline.end' AS end FROM articles WHERE seq = ?");
  const mentions = db.prepare(
    'SELECT m.entity_id AS id, g.name, g.type, count(*) AS n FROM mentions m JOIN merges g ON g.entity_id = m.entity_id AND g.article_seq = m.article_seq AND g.local_id = m.local_id WHERE m.article_seq = ? AND NOT (m.start >= ? AND m.end <= ?) GROUP BY m.entity_id, m.local_id ORDER BY m.entity_id',
  );
  return (seq) => {
    const d = dateline.get(seq) as { start: number | null; end: number | null } | undefined;
    const counts = new Map<number, number>();
    for (const r of mentions.all(seq, d?.start ?? -1, d?.end ?? -1) as Array<{ id: number; name: string; type: string; n: number }>) {
      if (!isOutlet(r.type, r.name)) counts.set(r.id, (counts.get(r.id) ?? 0) + r.n);
    }
    return counts;
  };
}
