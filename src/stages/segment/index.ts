export { segmentStage } from './stage.js';
export { tokenize } from './tokenize.js';
export { splitSentences } from './sentences.js';
export { findQuotations } from './quotations.js';
