import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerExtractRoute, type ExtractRouteOptions } from './extract.js';

// Note: the extraction workers run the compiled script in dist/ (npm run build), as the CLI tests run the built CLI.
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function appWith(options: ExtractRouteOptions): Promise<FastifyInstance> {
  const app = Fastify();
  registerExtractRoute(app, options);
  app.get('/ping', async () => ({ pong: true }));
  await app.ready();
  apps.push(app);
  return app;
}

const short = { text: 'President Emmanuel Macron spoke in Paris on Monday.', date: '2025-09-13' };
/** An article long enough to keep a worker busy for a while (distinct sentences, so nothing is cached away). */
const long = { text: Array.from({ length: 1500 }, (_, i) => `Officials in Town${i} said on Monday that Minister Name${i} would visit Paris.`).join(' '), date: '2025-09-13' };
const extract = (app: FastifyInstance, body: object) => app.inject({ method: 'POST', url: '/api/extract', payload: body });

describe('POST /api/extract off the event loop', () => {
  it('answers a short extract and other requests while a long extract runs', async () => {
    const app = await appWith({ workers: 2 });
    // Note: both workers are started (and their models loaded) first, so that the timing below is the extracts' own.
    await Promise.all([extract(app, short), extract(app, short)]);
    let longDone = false;
    const longRequest = extract(app, long).then((res) => {
      longDone = true;
      return res;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [res, ping] = await Promise.all([extract(app, short), app.inject('/ping')]);
    expect(longDone).toBe(false);
    expect(res.statusCode).toBe(200);
    expect(res.json().entities.map((e: { name: string }) => e.name)).toContain('Emmanuel Macron');
    expect(ping.json()).toEqual({ pong: true });
    const done = await longRequest;
    expect(done.statusCode).toBe(200);
    expect(done.json().sentences.length).toBe(1500);
  }, 120_000);

  it('answers 503 WG_BUSY, with Retry-After, when its queue is full, and serves again once it drains', async () => {
    const app = await appWith({ workers: 1, maxWaiting: 1 });
    await extract(app, short);
    const running = extract(app, long);
    const waiting = extract(app, short);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const refused = await extract(app, short);
    expect(refused.statusCode).toBe(503);
    expect(refused.json().error.code).toBe('WG_BUSY');
    expect(refused.headers['retry-after']).toBe('1');
    expect([(await running).statusCode, (await waiting).statusCode]).toEqual([200, 200]);
    expect((await extract(app, short)).statusCode).toBe(200);
  }, 120_000);

  it('codes events with the request\'s actors, and refuses a bad actor list with 422', async () => {
    const app = await appWith({ workers: 1 });
    const coded = await extract(app, { text: 'Soldiers from Arnor attacked Gondor on Monday.', date: '2025-01-01', actors: [{ name: 'Arnor', code: 'ARN' }, { name: 'Gondor', code: 'GON' }] });
    expect(coded.json().events.map((e: { cameo: string }) => e.cameo)).toEqual(['190']);
    const bad = await extract(app, { text: 'Text.', actors: [{ name: 'Arnor', code: 'arn' }] });
    expect([bad.statusCode, bad.json().error.code]).toEqual([422, 'WG_BAD_DICTIONARY']);
  }, 120_000);

  it('gives up a request past its deadline with 503 WG_DEADLINE and Retry-After, and answers the next one', async () => {
    const app = await appWith({ workers: 1, deadlineMs: 300 });
    await extract(app, short);
    const late = await extract(app, long);
    expect([late.statusCode, late.json().error.code, late.headers['retry-after']]).toEqual([503, 'WG_DEADLINE', '1']);
    const quick = await appWith({ workers: 1 });
    expect((await extract(quick, short)).statusCode).toBe(200);
  }, 120_000);
});
