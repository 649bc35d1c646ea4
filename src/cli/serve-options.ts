import { Option } from 'commander';
import type { ServeOptions } from '../server/server.js';
import { nonNegativeInt, positiveNumber } from './options.js';

/** The serve flags as commander parses them. */
export interface ServeFlags {
  readonly apiKey?: string;
  readonly allowHost?: string[];
  readonly rateLimit?: number;
  readonly writeRateLimit?: number;
  readonly extractTimeout?: number;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/** The flags of `serve` and `start` that say who may use the server and how much. */
export const serveOptions = (): Option[] => [
  new Option('--api-key <key>', 'API key write routes require (authorization: Bearer KEY or x-api-key: KEY); required to listen beyond loopback').env('WIREGRAPH_API_KEY'),
  new Option('--allow-host <name>', 'a host name (besides localhost and IP addresses) the server takes writes under, e.g. behind a proxy; repeatable').argParser(collect),
  new Option('--rate-limit <n>', 'reads per client per minute (0: no limit; default 3000)').argParser(nonNegativeInt).env('WIREGRAPH_RATE_LIMIT'),
  new Option('--write-rate-limit <n>', 'writes per client per minute (0: no limit; default 60)').argParser(nonNegativeInt).env('WIREGRAPH_WRITE_RATE_LIMIT'),
  new Option('--extract-timeout <seconds>', 'seconds POST /api/extract waits for its worker before a 503 WG_DEADLINE (default 30)').argParser(positiveNumber),
];

/** The server options the serve flags stand for. */
export function serveSettings(flags: ServeFlags): ServeOptions {
  return {
    guards: { ...(flags.apiKey ? { apiKey: flags.apiKey } : {}), allowedHosts: flags.allowHost ?? [] },
    limits: { ...(flags.rateLimit === undefined ? {} : { readsPerMinute: flags.rateLimit }), ...(flags.writeRateLimit === undefined ? {} : { writesPerMinute: flags.writeRateLimit }) },
    ...(flags.extractTimeout === undefined ? {} : { extract: { deadlineMs: Math.round(flags.extractTimeout * 1000) } }),
  };
}
