// Note: the finder lives in src/data-dir.ts, where the extraction layer can use it without importing the command line.
export { packageRoot } from '../data-dir.js';
