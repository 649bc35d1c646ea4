import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../test-support/cli.js';

const PAGE = 'Talks resume\n\nGENEVA (AFP) - Delegates from twelve countries met on Monday for a new round of talks.\n';
let server: Server;
let port = 0;
let requests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    if (req.url === '/stall') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('Talks');
      return;
    }
    if (req.url === '/hop') return void res.writeHead(302, { location: '/hop2' }).end();
    if (req.url === '/hop2') return void res.writeHead(302, { location: '/' }).end();
    res.writeHead(200, { 'content-type': 'text/plain' }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

it('refuses a loopback URL by default and reads it with --allow-private-addresses', async () => {
  const refused = await runCli(['extract', `http://localhost:${port}/`]);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/WG_FETCH_BLOCKED/u);
  expect(requests).toBe(0);
  const read = await runCli(['extract', '--allow-private-addresses', `http://127.0.0.1:${port}/`]);
  expect(read.code).toBe(0);
  expect(JSON.parse(read.stdout).text).toContain('Delegates from twelve countries');
});

it('takes --timeout and --max-redirects', async () => {
  const stalled = await runCli(['extract', '--allow-private-addresses', '--timeout', '0.3', `http://127.0.0.1:${port}/stall`]);
  expect(stalled.code).toBe(1);
  expect(stalled.stderr).toMatch(/WG_FETCH_FAILED .*stalled/u);
  const redirected = await runCli(['extract', '--allow-private-addresses', '--max-redirects', '1', `http://127.0.0.1:${port}/hop`]);
  expect(redirected.stderr).toMatch(/WG_FETCH_REDIRECTS/u);
});
