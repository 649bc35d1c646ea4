import pg from 'pg';
import { WiregraphError } from '../../errors.js';
import type { Source } from '../../read/types.js';
import { migratePostgres } from './migrations.js';

/** How a queued input is to be read: the options of `ingest` that shape extraction and placement. */
export interface QueuedOptions {
  readonly kind: string;
  readonly date: string | null;
  readonly maxBytes: number;
  readonly story?: { readonly copyContainment?: number; readonly versionContainment?: number };
}

/** A queued input, as a worker reads it back. */
export interface QueuedInput {
  readonly id: number;
  readonly source: Source;
  readonly options: QueuedOptions;
}

/** What a worker made of an input, kept with it. */
export interface InputResult {
  readonly added: number;
  readonly copies: number;
  readonly skipped: number;
  readonly failed: number;
  readonly errors: ReadonlyArray<{ readonly input: string; readonly code: string; readonly message: string }>;
}

/** The inputs a queue's jobs name, kept in PostgreSQL beside the articles (never in Redis). */
export interface InputStore {
  record(source: Source, options: QueuedOptions): Promise<number>;
  load(id: number): Promise<QueuedInput | null>;
  done(id: number, result: InputResult): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the queued inputs of a PostgreSQL store (migrating it when needed).
 * @throws WiregraphError `WG_STORE_UNAVAILABLE` when the server cannot be reached
 */
export async function openInputStore(url: string, schema?: string): Promise<InputStore> {
  const pool = new pg.Pool({ connectionString: url, max: 4, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  pool.on('error', () => undefined);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end();
    throw new WiregraphError('WG_STORE_UNAVAILABLE', `Cannot connect to the PostgreSQL store: ${(error as Error).message}`);
  }
  try {
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await migratePostgres(client);
  } finally {
    client.release();
  }
  return {
    async record(source, options) {
      const { rows } = await pool.query<{ id: number }>(
        'INSERT INTO queued_inputs (name, bytes, content_type, url, options, queued_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [source.name, Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength), source.contentType, source.url, JSON.stringify(options), new Date().toISOString()],
      );
      return rows[0]!.id;
    },
    async load(id) {
      const { rows } = await pool.query<{ name: string; bytes: Buffer; content_type: string | null; url: string | null; options: QueuedOptions }>('SELECT name, bytes, content_type, url, options FROM queued_inputs WHERE id = $1', [id]);
      const r = rows[0];
      return r ? { id, source: { name: r.name, bytes: new Uint8Array(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength), contentType: r.content_type, url: r.url }, options: r.options } : null;
    },
    async done(id, result) {
      await pool.query('UPDATE queued_inputs SET done_at = $2, result = $3 WHERE id = $1', [id, new Date().toISOString(), JSON.stringify(result)]);
    },
    close: () => pool.end(),
  };
}
