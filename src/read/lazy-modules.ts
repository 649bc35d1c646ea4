import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A module loaded the first time it is asked for, not when the reader is imported: a one-article `extract`
 * of plain text never pays for the HTML parser, Readability or the XML parser.
 * @param name - a package with a CommonJS entry (linkedom, @mozilla/readability and fast-xml-parser have one)
 */
function onFirstUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}

/** linkedom, the DOM the HTML reader walks. */
export const linkedom = onFirstUse<typeof import('linkedom')>('linkedom');
/** Mozilla's Readability. */
export const readability = onFirstUse<typeof import('@mozilla/readability')>('@mozilla/readability');
/** fast-xml-parser, for feeds. */
export const xmlParser = onFirstUse<typeof import('fast-xml-parser')>('fast-xml-parser');
