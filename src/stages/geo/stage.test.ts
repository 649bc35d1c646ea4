import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractSource } from '../../api/extract.js';
import { WiregraphError } from '../../errors.js';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { createResources } from '../../pipeline/resources.js';
import { decodeGazetteer } from './gazetteer-file.js';

const seed = fileURLToPath(new URL('../../../data/sample/seed/bss-2025-09-13-north-korea-arsenal.txt', import.meta.url));

function extract(name: string, bytes: Buffer): WiregraphDoc {
  const [result] = extractSource({ name, bytes, contentType: null, url: null }, { kind: 'auto', date: null, maxBytes: 1e7 });
  if (!result?.ok) throw new Error('extract failed');
  return result.doc;
}

const km = (a: { lat: number; lon: number }, b: readonly [number, number]): number => {
  const r = Math.PI / 180;
  const h = Math.sin(((b[0] - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b[0] * r) * Math.sin(((b[1] - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};

describe('the geo stage through the product', () => {
  const doc = extract(seed, readFileSync(seed));

  it('places the seed story\'s places within 161 km of their points, each mention by the place it names', () => {
    const points: Record<string, readonly [number, number]> = {
      Seoul: [37.57, 126.98], Pyongyang: [39.02, 125.74], Moscow: [55.76, 37.62], Beijing: [39.9, 116.4],
      Ukraine: [49, 32], Russia: [60, 90], China: [35, 103], 'United States': [40, -100],
    };
    for (const [name, point] of Object.entries(points)) {
      const placed = doc.entities.flatMap((e) => e.mentions.filter((m) => m.text.toLowerCase() === name.toLowerCase()).map((m) => m.geo ?? e.geo ?? null));
      expect(placed.length, name).toBeGreaterThan(0);
      for (const p of placed) expect(km(p!, point), name).toBeLessThan(161);
    }
    const pyongyang = doc.entities.find((e) => e.mentions.some((m) => m.text === 'Pyongyang'))!;
    expect(pyongyang.geo).toMatchObject({ kind: 'country', country: 'PRK' });
  });

  it('gives events the point of their place, the dateline\'s place marked as a fallback', () => {
    expect(doc.events.length).toBeGreaterThan(0);
    for (const e of doc.events) expect(e.place?.geo, e.trigger.text).toBeTruthy();
    const fallback = doc.events.filter((e) => e.place?.fallback === 'dateline');
    expect(fallback.length).toBeGreaterThan(0);
    for (const e of fallback) expect(e.place).toMatchObject({ text: 'SEOUL', geo: { kind: 'city', country: 'KOR' } });
  });

  it('leaves non-place entities without geo, and says why a place entity has none', () => {
    const text = 'The village of Kampungu has been quarantined, officials of Acme Corp said.\n';
    const out = extract('x.txt', Buffer.from(text));
    expect(out.entities.find((e) => e.name === 'Acme Corp')).not.toHaveProperty('geo');
    const village = out.entities.find((e) => e.name === 'Kampungu');
    expect(village).toMatchObject({ type: 'LOC', geo: null });
    expect(out.messages).toContainEqual(expect.objectContaining({ source: 'geo', rule: 'place-unknown', start: text.indexOf('Kampungu') }));
  });

  it('loads the gazetteer once per resources, and refuses a file of another format', () => {
    const resources = createResources();
    const gazetteer = resources.gazetteer();
    expect(resources.gazetteer()).toBe(gazetteer);
    expect(gazetteer.size).toBeGreaterThan(100_000);
    expect(gazetteer.lookup('illinois').map((i) => gazetteer.id(i))).toContain('admin1:US.IL');
    expect(() => decodeGazetteer(Buffer.from('not a gazetteer'))).toThrow(WiregraphError);
  });
});
