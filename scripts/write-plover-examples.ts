/**
 * `node dist/scripts/write-plover-examples.js`: writes data/events/plover/written.tsv, the typer's written
 * examples: for each PLOVER type, sentences made from verb phrases that the PLOVER manual's definition of the
 * type names, with actors, tenses and tails drawn by a seeded generator; and NONE sentences whose marked
 * trigger is no event (participles used as adjectives, nouns such as `stock`, light verbs, statements, sport).
 * Following the manual, a future CONSULT, SUPPORT, COOPERATE or AID is labelled AGREE (an intention).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/data-dir.js';
import { ACTORS, NON_EVENTS, PHRASES, STATE_COUNT, TAILS } from './lib/plover-phrases.js';

const PER_TYPE = 132;
const FUTURE_IS_AGREE = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);

/** A small deterministic random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(14);
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

const STATES = ACTORS.slice(0, STATE_COUNT);

/** Two different actors (states only, with `states`). */
function dyad(states = false): [string, string] {
  const from = states ? STATES : ACTORS;
  const s = pick(from);
  let t = pick(from);
  while (t === s) t = pick(from);
  return [s, t];
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** One sentence of a verb phrase `base|3sg|past|participle rest`, in a tense, with the dyad marked. */
function sentence(phrase: string, tense: string, source: string, target: string): string {
  const [forms, ...rest] = phrase.split(' ');
  const [base, third, past, participle] = forms!.split('|') as [string, string, string, string];
  // Note: plural actors (`Greek officials`, `the police`) take the plural verb.
  const plural = /(?:s|police)$/u.test(source) && !/(?:States|Nations|Philippines)$/u.test(source);
  const verb = { past, present: plural ? base : third, future: `will ${base}`, perfect: `${plural ? 'have' : 'has'} ${participle}`, negated: `did not ${base}` }[tense] ?? past;
  const tail = pick(TAILS[tense === 'negated' ? 'past' : tense]!);
  const body = rest.join(' ').replace('{T}', `<t>${target}</t>`).replace('{P}', `<t>${target}</t>`);
  return `${capital(`<s>${source}</s>`)} ${verb}${body ? ` ${body}` : ''}${tail}.`.replace(/^<s>(\w)/u, (m, c: string) => `<s>${c.toUpperCase()}`);
}

const lines = ['# Written examples for the PLOVER typer: made by scripts/write-plover-examples.ts (see README.md here).', 'label\tsentence'];
for (const [type, phrases] of Object.entries(PHRASES)) {
  for (let k = 0; k < PER_TYPE; k++) {
    const phrase = phrases[k % phrases.length]!;
    const tense = pick(['past', 'past', 'present', 'perfect', 'future', 'negated']);
    const [s, t] = dyad(phrase.includes('{P}'));
    const label = tense === 'future' && FUTURE_IS_AGREE.has(type) ? 'AGREE' : type;
    lines.push(`${label}\t${sentence(phrase, tense, s, t)}`);
  }
}
for (let k = 0; k < PER_TYPE * 2; k++) {
  const [s, t] = dyad(true);
  const template = NON_EVENTS[k % NON_EVENTS.length]!;
  lines.push(`NONE\t${capital(template.replace('{S}', `<s>${s}</s>`).replace('{T}', `<t>${t}</t>`)).replace(/^<s>(\w)/u, (m, c: string) => `<s>${c.toUpperCase()}`)}`);
}
const path = join(packageRoot(), 'data', 'events', 'plover', 'written.tsv');
writeFileSync(path, `${lines.join('\n')}\n`);
process.stdout.write(`${path}: ${lines.length - 2} examples\n`);
