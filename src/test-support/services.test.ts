import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { Redis } from 'ioredis';
import { isService, startPostgres, startRedis, type Service } from './services.js';

describe('throwaway services for the tests', () => {
  let postgres: Service | null = null;
  let redis: Service | null = null;
  let why = '';
  beforeAll(async () => {
    const [p, r] = await Promise.all([startPostgres(), startRedis()]);
    if (isService(p)) postgres = p;
    else why += p.reason + '; ';
    if (isService(r)) redis = r;
    else why += r.reason;
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
    await redis?.stop();
  });

  it('starts PostgreSQL on loopback and answers a query', async (ctx) => {
    if (!postgres) return ctx.skip(`skipped: ${why}`);
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const { rows } = await client.query<{ v: string }>('SELECT current_setting($$server_version$$) AS v');
    await client.end();
    expect(rows[0]!.v).toMatch(/^\d+/u);
  });

  it('starts Redis with noeviction', async (ctx) => {
    if (!redis) return ctx.skip(`skipped: ${why}`);
    const client = new Redis(redis.url);
    const policy = (await client.config('GET', 'maxmemory-policy')) as string[];
    await client.quit();
    expect(policy[1]).toBe('noeviction');
  });
});
