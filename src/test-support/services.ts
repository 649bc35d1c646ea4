import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's PostgreSQL puts its programs (the newest installed version; `.ci/run` installs it when missing). */
const PG_BIN = process.env.WIREGRAPH_PG_BIN ?? newestPostgres();

function newestPostgres(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/u.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  return join(root, versions[0] ?? '15', 'bin');
}
const REDIS_BIN = process.env.WIREGRAPH_REDIS_BIN ?? '/usr/bin/redis-server';

/** A service a test started, and how to stop it. */
export interface Service {
  /** A URL to reach it: `postgres://...` or `redis://...`. */
  readonly url: string;
  stop(): Promise<void>;
}

/** A service that did not start: why, for the skip message. */
export interface Unavailable {
  readonly reason: string;
}

/** A free loopback TCP port (asked of the kernel, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on the port, or rejects after `ms`. */
async function waitForPort(port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs a program as the `postgres` user when we are root (PostgreSQL refuses to run as root). */
function asPostgres(program: string, args: readonly string[]): string {
  const root = process.getuid?.() === 0;
  const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, [...args]];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Starts a throwaway PostgreSQL: `initdb` into a new temporary folder (owned by `postgres` when we are root),
 * `pg_ctl start` on a free loopback port with its unix socket in that folder, trust authentication for the
 * local user. Stop it with {@link Service.stop}, which also removes the folder.
 */
export async function startPostgres(): Promise<Service | Unavailable> {
  if (!existsSync(join(PG_BIN, 'initdb'))) return { reason: `PostgreSQL is not installed (no ${PG_BIN}/initdb; .ci/run installs it)` };
  const dir = mkdtempSync(join(tmpdir(), 'wiregraph-pg-'));
  const data = join(dir, 'data');
  try {
    if (process.getuid?.() === 0) {
      // Note: the postgres user must own the folder and reach it through /tmp's sticky bit.
      chmodSync(dir, 0o755);
      const pw = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
      const gr = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
      chownSync(dir, Number(pw), Number(gr));
    }
    const user = process.getuid?.() === 0 ? 'postgres' : (process.env.USER ?? 'postgres');
    asPostgres(join(PG_BIN, 'initdb'), ['-D', data, '-U', user, '--auth=trust', '--encoding=UTF8', '--locale=C', '-N']);
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    asPostgres(join(PG_BIN, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '30', 'start']);
    await waitForPort(port, 10_000);
    let stopped = false;
    const stop = (): void => {
      if (stopped) return;
      stopped = true;
      process.off('exit', stop);
      try {
        asPostgres(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    // Note: a test run that ends without its afterAll (a crash, a timeout) still stops the server it started.
    process.on('exit', stop);
    return { url: `postgres://${user}@127.0.0.1:${port}/postgres`, stop: async () => stop() };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `PostgreSQL did not start: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** Stops a child process and waits for it to end. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts a throwaway Redis on a free loopback port, configured as BullMQ needs: no persistence
 * (`--save ''`, `--appendonly no`) and `maxmemory-policy noeviction`, so no job key is ever evicted.
 */
export async function startRedis(): Promise<Service | Unavailable> {
  if (!existsSync(REDIS_BIN)) return { reason: `Redis is not installed (no ${REDIS_BIN}; .ci/run installs redis-server)` };
  const dir = mkdtempSync(join(tmpdir(), 'wiregraph-redis-'));
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', '--dir', dir];
  const child = spawn(REDIS_BIN, args, { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) => child.once('error', reject));
  try {
    await Promise.race([waitForPort(port, 10_000), failed]);
  } catch (error) {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
    return { reason: `Redis did not start: ${(error as Error).message}` };
  }
  // Note: a test run that ends without its afterAll still ends the server it started.
  const kill = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', kill);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      process.off('exit', kill);
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether a start gave a running service. */
export function isService(s: Service | Unavailable): s is Service {
  return 'url' in s;
}
