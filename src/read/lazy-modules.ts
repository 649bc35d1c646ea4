import { onFirstUse } from '../lazy-module.js';

// Note: loaded when first used, not when the reader is imported (see onFirstUse).

/** linkedom, the DOM the HTML reader walks. */
export const linkedom = onFirstUse<typeof import('linkedom')>('linkedom');
/** Mozilla's Readability. */
export const readability = onFirstUse<typeof import('@mozilla/readability')>('@mozilla/readability');
/** fast-xml-parser, for feeds. */
export const xmlParser = onFirstUse<typeof import('fast-xml-parser')>('fast-xml-parser');
