import { describe, expect, it } from 'vitest';
import { createArticle, withLayers, type Article } from '../../article/article.js';
import { EMPTY_META } from '../../article/meta.js';
import { defaultResources } from '../../pipeline/resources.js';
import { segmentStage } from '../segment/stage.js';
import { entitiesStage } from './stage.js';

const FIRST = ['Anna', 'Boris', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Karin', 'Luis', 'Maya', 'Nikos', 'Olga', 'Pedro'];
const LAST = ['Novak', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Sato', 'Tanaka', 'Ulrich', 'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zhang', 'Moreau', 'Larsen', 'Kowalski'];
const ROLES = ['Foreign Minister', 'Defence Minister', 'Finance Minister', 'Prime Minister', 'opposition leader', 'central bank governor'];
const COUNTRIES = ['France', 'Germany', 'Japan', 'Brazil', 'Kenya', 'Canada', 'Norway', 'Chile'];

/**
 * A segmented article dense in what coreference works on: people with roles, their short names, role
 * descriptions, `the country` and `he said`, one paragraph per person (256 distinct people, then again).
 */
function article(paragraphs: number): Article {
  const text = Array.from({ length: paragraphs }, (_, i) => {
    const [first, last, other] = [FIRST[i % 16]!, LAST[Math.floor(i / 16) % 16]!, LAST[(i * 5 + 1) % 16]!];
    const [role, country] = [ROLES[i % ROLES.length]!, COUNTRIES[i % COUNTRIES.length]!];
    return `${role} ${first} ${last} met ${FIRST[(i * 7 + 3) % 16]} ${other} of ${country}. ${last} and ${other} said the country agreed. The ${role} said so. He said ${other} agreed.`;
  }).join('\n\n');
  const bare = createArticle(text, { ...EMPTY_META, language: 'en' });
  return withLayers(bare, segmentStage.run(bare, undefined).layers);
}

describe('the entity stage on longer articles', () => {
  it('takes less than twice the proportional time on a text four times as long', () => {
    const resources = entitiesStage.load!(defaultResources());
    const [small, large] = [article(40), article(160)];
    expect(large.text.length).toBeGreaterThan(3.9 * small.text.length);
    // Note: this process's CPU time, not the wall clock, which counts the other test files running beside it.
    const cpu = (): number => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const seconds = (a: Article): number => {
      const start = cpu();
      const found = entitiesStage.run(a, resources).layers.entities ?? [];
      if (found.length < 40) throw new Error(`only ${found.length} entities: the article does not exercise coreference`);
      return cpu() - start;
    };
    // Note: both sizes run once to warm up, then in turn three times; the fastest of each is compared, so a
    // slow or busy machine slows both alike.
    seconds(small);
    seconds(large);
    const best = [Infinity, Infinity];
    for (let run = 0; run < 3; run++) [small, large].forEach((a, i) => (best[i] = Math.min(best[i]!, seconds(a))));
    expect(best[1]! / best[0]!).toBeLessThan(8);
  });
});
