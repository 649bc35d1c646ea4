import type { Article } from '../article/article.js';
import type { WiregraphError } from '../errors.js';

/** The input kinds `--input` accepts. */
export const INPUT_KINDS = ['auto', 'wire', 'html', 'feed', 'jsonl', 'text'] as const;

/** One of {@link INPUT_KINDS}. */
export type InputKind = (typeof INPUT_KINDS)[number];

/** An input's bytes and what is known of where they came from. */
export interface Source {
  /** A path, a URL or `-` for standard input. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The HTTP Content-Type, for URLs. */
  readonly contentType: string | null;
  /** The URL the bytes came from, if any. */
  readonly url: string | null;
}

/**
 * One article read from an input, or the coded error that stopped it. `inputId` echoes a JSONL record's
 * id; `line` is set for a JSONL record (its line number), whose error is output in its place.
 */
export type ReadItem =
  | { readonly ok: true; readonly input: string; readonly article: Article; readonly inputId?: string | null; readonly line?: number }
  | { readonly ok: false; readonly input: string; readonly error: WiregraphError; readonly inputId?: string | null; readonly line?: number };

/** Options every reader takes. */
export interface ReadOptions {
  readonly kind: InputKind;
  /** The anchor date (`--date`) for inputs that carry none. */
  readonly date: string | null;
  /** The cap on one record's or one feed item's bytes (`--max-bytes`); {@link DEFAULT_MAX_BYTES} when omitted. */
  readonly maxBytes?: number;
}

/** Default cap on one input's, record's or feed item's size: 10 MiB. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
