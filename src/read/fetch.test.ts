import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReservedAddress } from './addresses.js';
import { safeFetch, type FetchOptions } from './fetch.js';
import { loadSource } from './source.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: Server[] = [];
const hits: string[] = [];

async function serve(handler: Handler): Promise<number> {
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const ARTICLE = 'Officials met on Monday in Geneva.\n';
let plain = 0;
let other = 0;
let redirectToOther = 0;
let redirectToV6 = 0;
let loop = 0;
let stall = 0;
let bomb = 0;
let huge = 0;

beforeAll(async () => {
  plain = await serve((_req, res) => res.end(ARTICLE));
  other = await serve((_req, res) => res.end('the other port'));
  redirectToOther = await serve((_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${other}/x` }).end());
  redirectToV6 = await serve((_req, res) => res.writeHead(302, { location: `http://[::1]:${plain}/` }).end());
  loop = await serve((req, res) => res.writeHead(302, { location: `/n${(req.url ?? '').length}` }).end());
  stall = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('first bytes ');
  });
  bomb = await serve((_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x61))));
  huge = await serve((_req, res) => {
    res.writeHead(200);
    const chunk = Buffer.alloc(64 * 1024, 0x62);
    const pump = (): void => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    res.on('error', () => undefined);
    pump();
  });
});

afterAll(() => {
  for (const server of servers) server.closeAllConnections();
  for (const server of servers) server.close();
});

async function read(address: string, options: FetchOptions = {}): Promise<string> {
  const fetched = await safeFetch(address, options);
  const parts: Uint8Array[] = [];
  for await (const chunk of fetched.chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'fetched';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/** Only the first server of a test is allowed, by address and port. */
const onlyPort = (port: number): FetchOptions => ({ allowAddress: (ip, url) => ip === '127.0.0.1' && url.port === String(port) });

describe('addresses', () => {
  it('refuses reserved IPv4 and IPv6 ranges and the IPv6 forms of reserved IPv4 ones', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '198.18.0.1',
      '::1', '::', 'fe80::1', 'fc00::1', 'fd12::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a9fe:a9fe', '2002:7f00:1::', '2001:db8::1', '::7f00:1', '[::1]']) {
      expect(isReservedAddress(ip), ip).toBe(true);
    }
  });

  it('lets public addresses through', () => {
    for (const ip of ['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2002:808:808::']) expect(isReservedAddress(ip), ip).toBe(false);
  });
});

describe('safeFetch without the allowance', () => {
  it('refuses loopback in every spelling before any request is sent', async () => {
    const before = hits.length;
    for (const host of ['127.0.0.1', '127.1', '0x7f.0.0.1', '2130706433', '0.0.0.0', '[::1]', '[::ffff:127.0.0.1]', 'localhost', '017700000001']) {
      expect(await codeOf(read(`http://${host}:${plain}/`)), host).toBe('WG_FETCH_BLOCKED');
    }
    expect(hits.length).toBe(before);
  });

  it('refuses a 302 to another loopback port and to [::1], checked after the redirect', async () => {
    expect(await codeOf(read(`http://127.0.0.1:${redirectToOther}/`, onlyPort(redirectToOther)))).toBe('WG_FETCH_BLOCKED');
    expect(await codeOf(read(`http://127.0.0.1:${redirectToV6}/`, onlyPort(redirectToV6)))).toBe('WG_FETCH_BLOCKED');
    expect(hits.filter((h) => h === '/x')).toHaveLength(0);
  });

  it('refuses schemes other than http and https, named or redirected to', async () => {
    expect(await codeOf(read('file:///etc/passwd'))).toBe('WG_FETCH_SCHEME');
    expect(await codeOf(loadSource('ftp://example.com/feed.xml', { maxBytes: 1000 }))).toBe('WG_FETCH_SCHEME');
    const port = await serve((_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    expect(await codeOf(read(`http://127.0.0.1:${port}/`, onlyPort(port)))).toBe('WG_FETCH_SCHEME');
  });
});

describe('safeFetch with the allowance', () => {
  it('fetches a local server and follows a redirect to another local port', async () => {
    expect(await read(`http://127.0.0.1:${plain}/`, { allowPrivateAddresses: true })).toBe(ARTICLE);
    expect(await read(`http://localhost:${plain}/`, { allowPrivateAddresses: true })).toBe(ARTICLE);
    expect(await read(`http://127.0.0.1:${redirectToOther}/`, { allowPrivateAddresses: true })).toBe('the other port');
  });

  it('reports a server that never answers, and a redirect to no URL, as WG_FETCH_FAILED', async () => {
    const silent = await serve(() => undefined);
    const error = await safeFetch(`http://127.0.0.1:${silent}/`, { allowPrivateAddresses: true, timeoutMs: 300 }).catch((e: unknown) => e as { code: string; message: string });
    expect([(error as { code: string }).code, (error as { message: string }).message]).toEqual(['WG_FETCH_FAILED', expect.stringMatching(/no answer within 300 ms/u)]);
    const broken = await serve((_req, res) => res.writeHead(302, { location: 'http://[oops' }).end());
    expect(await codeOf(read(`http://127.0.0.1:${broken}/`, { allowPrivateAddresses: true }))).toBe('WG_FETCH_FAILED');
  });

  it('stops after the redirect limit', async () => {
    expect(await codeOf(read(`http://127.0.0.1:${loop}/`, { allowPrivateAddresses: true, maxRedirects: 3 }))).toBe('WG_FETCH_REDIRECTS');
  });

  it('reports a stall after the headers as WG_FETCH_FAILED, within the set timeout', async () => {
    const started = Date.now();
    const error = await safeFetch(`http://127.0.0.1:${stall}/`, { allowPrivateAddresses: true, timeoutMs: 300 }).then(async (f) => {
      for await (const chunk of f.chunks) expect(chunk.length).toBeGreaterThan(0);
      return null;
    }).catch((e: unknown) => e as { code: string; message: string });
    expect(error?.code).toBe('WG_FETCH_FAILED');
    expect(error?.message).toMatch(/stalled/u);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('caps the body as it arrives, decompressed (a gzip bomb) or not (an endless body)', async () => {
    expect(await codeOf(read(`http://127.0.0.1:${bomb}/`, { allowPrivateAddresses: true, maxFetchBytes: 1024 * 1024 }))).toBe('WG_INPUT_TOO_LARGE');
    expect(await codeOf(read(`http://127.0.0.1:${huge}/`, { allowPrivateAddresses: true, maxFetchBytes: 1024 * 1024 }))).toBe('WG_INPUT_TOO_LARGE');
  });
});

describe('loadSource on URLs', () => {
  it('refuses a loopback URL unless allowed, and reads it when allowed', async () => {
    expect(await codeOf(loadSource(`http://127.1:${plain}/`, { maxBytes: 1000 }))).toBe('WG_FETCH_BLOCKED');
    const source = await loadSource(`http://127.0.0.1:${plain}/`, { maxBytes: 1000, allowPrivateAddresses: true });
    expect(Buffer.from(source.bytes).toString('utf8')).toBe(ARTICLE);
  });

  it('reports a stall as WG_FETCH_FAILED, not a DOMException', async () => {
    expect(await codeOf(loadSource(`http://127.0.0.1:${stall}/`, { maxBytes: 1000, allowPrivateAddresses: true, timeoutMs: 300 }))).toBe('WG_FETCH_FAILED');
  });
});
