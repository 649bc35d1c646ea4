import { expect, it } from 'vitest';
import * as wiregraph from './index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(wiregraph).sort()).toEqual([
    'DEFAULT_MAX_BYTES', 'DEFAULT_STAGES', 'ERROR_CODES', 'INPUT_KINDS', 'WiregraphError', 'articleId', 'buildApp',
    'checkStages', 'createArticle', 'createPipeline', 'defaultPipeline', 'eventsStageWith', 'expandInputs', 'extractInputs',
    'extractSource', 'ingest', 'loadActorDictionary', 'loadSource', 'loadVerbDictionary', 'openSqliteStore', 'parseCsvActors',
    'parseDateOption', 'parseJsonActors', 'parsePetrarchActors', 'parsePetrarchAgents', 'parseVerbDictionary', 'readSource',
    'stagesWithEvents', 'toWiregraph', 'withLayers',
  ]);
});
