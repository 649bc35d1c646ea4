import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded the first time it is asked for, not when the importing module is: a one-article `extract`
 * of plain text never pays for the HTML parser, the XML parser or the schema library.
 * @param name - a package with a CommonJS entry
 */
export function onFirstUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}

/** zod, for validating records and dictionaries (0.14 s to load, so only when one is read). */
export const zod = onFirstUse<typeof import('zod')>('zod');
