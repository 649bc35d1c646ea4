/**
 * The load generator for the API benchmark, run as its own process so that it does not share the server's
 * event loop: for each group of URLs, sends every request with a fixed number in flight over keep-alive
 * connections, and prints each group's latencies (p50, p99, max in ms) and requests/s as one JSON line.
 * Reads its plan as JSON on standard input: `{"base": "http://127.0.0.1:PORT", "concurrency": 8, "groups": {"search": ["/api/search?q=x", ...]}}`.
 */
import http from 'node:http';

interface Plan {
  readonly base: string;
  readonly concurrency: number;
  readonly groups: Record<string, string[]>;
}

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const plan = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Plan;
const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });

function request(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http.get(`${plan.base}${url}`, { agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
    }).on('error', reject);
  });
}

async function run(urls: readonly string[]): Promise<{ p50: number; p99: number; max: number; perSecond: number; requests: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: plan.concurrency }, async () => {
    while (next < urls.length) latencies.push(await request(urls[next++]!));
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: latencies.at(-1)!, perSecond: latencies.length / seconds, requests: latencies.length };
}

const results: Record<string, unknown> = {};
for (const [name, urls] of Object.entries(plan.groups)) {
  // Note: a short warm-up per group, not measured.
  for (const url of urls.slice(0, 20)) await request(url);
  results[name] = await run(urls);
}
process.stdout.write(`${JSON.stringify(results)}\n`);
agent.destroy();
