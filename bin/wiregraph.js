#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
process.exitCode = await main(process.argv);
