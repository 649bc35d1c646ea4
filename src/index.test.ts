import { expect, it } from 'vitest';
import * as wiregraph from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(wiregraph).sort()).toEqual([
    'DEFAULT_MAX_BYTES', 'ERROR_CODES', 'INPUT_KINDS', 'WiregraphError', 'articleId', 'buildApp', 'checkStages',
    'createArticle', 'createPipeline', 'defaultPipeline', 'expandInputs', 'extractInputs', 'extractSource', 'ingest',
    'loadSource', 'openSqliteStore', 'parseDateOption', 'readSource', 'toWiregraph', 'withLayers',
  ]);
});
