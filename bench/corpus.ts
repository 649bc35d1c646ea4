import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One benchmark document: its name and bytes. */
export interface BenchDoc {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Loads every `.txt` file under the BBC corpus folder, sorted, into memory. */
export function loadBbc(folder: string): BenchDoc[] {
  const docs: BenchDoc[] = [];
  for (const topic of readdirSync(folder, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of readdirSync(join(folder, topic)).filter((f) => f.endsWith('.txt')).sort()) {
      docs.push({ name: join(topic, file), bytes: readFileSync(join(folder, topic, file)) });
    }
  }
  return docs;
}
