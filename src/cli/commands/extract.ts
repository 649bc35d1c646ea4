import { extractInputs, parseDateOption } from '../../api/extract.js';
import type { InputKind } from '../../read/types.js';
import { jsonForTerminal } from '../terminal.js';
import { EXIT, reportError, writeLine } from '../io.js';
import { dictionaryOptions, fetchOptions, fetchSettings, minConfidenceOption, pipelineOptions, readOptions, type FetchFlags, stagesOption, workersFor, workersOption } from '../options.js';
import type { DefineCommand } from './index.js';

/** `wiregraph extract FILE...`: one `wiregraph/1` object per article, one per line. */
export const defineExtract: DefineCommand = (program, setStatus) => {
  const command = program
    .command('extract')
    .description('print one wiregraph/1 JSON object per article (JSONL); "-" or no file reads standard input')
    .argument('[inputs...]', 'files, folders, URLs, or - for standard input')
    .option('--pretty', 'indent the JSON')
    .option('--tokens', 'include the tokens layer');
  for (const option of [...readOptions(), ...fetchOptions(), ...dictionaryOptions(), minConfidenceOption(), stagesOption(), workersOption()]) command.addOption(option);
  command.action(async (inputs: string[], opts: { input: InputKind; date?: string; maxBytes: number; pretty?: boolean; tokens?: boolean; actors: string[]; verbs: string[]; minConfidence?: number; stages?: string[]; workers: number } & FetchFlags) => {
    const workers = workersFor(command, opts.workers, inputs);
    const options = { kind: opts.input, date: parseDateOption(opts.date), maxBytes: opts.maxBytes, ...fetchSettings(opts), tokens: opts.tokens ?? false, ...pipelineOptions({ ...opts, workers }) };
    let failed = false;
    for await (const result of extractInputs(inputs.length > 0 ? inputs : ['-'], options)) {
      if (result.ok) {
        await writeLine(jsonForTerminal(JSON.stringify(result.doc, null, opts.pretty ? 2 : undefined)));
        continue;
      }
      failed = true;
      reportError(result.error, result.input);
      if (result.line !== undefined || result.inputId !== null) {
        await writeLine(jsonForTerminal(JSON.stringify({ id: result.inputId, error: { code: result.error.code, message: result.error.message } })));
      }
    }
    setStatus(failed ? EXIT.someFailed : EXIT.ok);
  });
};
