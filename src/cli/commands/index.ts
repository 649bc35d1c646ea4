import type { Command } from 'commander';
import { defineExtract } from './extract.js';
import { defineIngest } from './ingest.js';
import { defineSearch } from './search.js';
import { defineServe } from './serve.js';
import { defineShow } from './show.js';
import { defineStart } from './start.js';
import { defineStories } from './stories.js';
import { defineWatch } from './watch.js';
import { defineQueue } from './queue.js';
import { defineWorker } from './worker.js';

/** Adds a command to the program; `setStatus` records the exit status its action ends with. */
export type DefineCommand = (program: Command, setStatus: (code: number) => void) => void;

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly DefineCommand[] = [defineExtract, defineIngest, defineWatch, defineSearch, defineShow, defineStories, defineServe, defineStart, defineWorker, defineQueue];
