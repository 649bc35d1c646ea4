import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArticle } from '../../article/article.js';
import type { Event } from '../../article/layers.js';
import { EMPTY_META } from '../../article/meta.js';
import { packageRoot } from '../../data-dir.js';
import { stagesWithEvents } from '../../pipeline/default.js';
import { createPipeline, defaultPipeline } from '../../pipeline/pipeline.js';
import { extractSource } from '../../api/extract.js';
import { parseCsvActors, parseJsonActors, parsePetrarchActors, parsePetrarchAgents } from './dictionaries/actors.js';
import { parseCameoToPlover, ploverOf } from './dictionaries/plover.js';
import { parseVerbDictionary, verbForms } from './dictionaries/verbs.js';
import { codeOn } from './actors.js';
import { defaultResources } from '../../pipeline/resources.js';

const run = (text: string, published = '2025-09-13'): readonly Event[] => defaultPipeline().run(createArticle(text, { ...EMPTY_META, language: 'en', published })).layers.events ?? [];
const brief = (e: Event): string => `${e.source.map((a) => a.code).join('+')} ${e.cameo} ${e.target.map((a) => a.code).join('+')}`;

describe('dictionaries', () => {
  it('ships the Phoenix agents, mapping generic actors to sectors', () => {
    const { agents } = defaultResources().eventLexicon().actors;
    expect(agents['police']).toBe('COP');
    expect(agents['troops']).toBe('MIL');
    expect(agents['rebels']).toBe('REB');
  });

  const verbs = parseVerbDictionary([
    '&WEAPON', '+MISSILE', '+ROCKET_LAUNCHER', '',
    '--- VISIT [042:043] ---', 'VISIT', 'TOUR', '',
    '--- SEND [---] ---', 'SEND {SENDS SENDING SENT }', '+STEP_UP {+STEPPED_UP}', '- * &WEAPON (TO +) [072] # ships arms', '- * AID [070]', '- (IN) * [:173]',
    '~ a (a b ATTACK) SAY = a b 015',
  ].join('\n'));

  it('reads PETRARCH verb blocks: codes, paired codes, irregular and multi-word forms, synonym sets and patterns', () => {
    const { dictionary, problems } = verbs;
    expect(dictionary.blocks.map((b) => [b.name, b.code, b.reverse])).toEqual([['VISIT', '042', '043'], ['SEND', null, null]]);
    expect(dictionary.forms['visited']?.[0]?.block).toBe(0);
    expect(dictionary.forms['sent']?.[0]?.block).toBe(1);
    expect(dictionary.forms['stepped']?.[0]?.particles).toEqual(['up']);
    expect(dictionary.synsets['&WEAPON']).toEqual([['missile'], ['rocket', 'launcher']]);
    expect(dictionary.blocks[1]!.patterns[0]).toEqual({ before: [], after: ['&WEAPON', 'to', '+'], code: '072', reverse: null });
    expect(dictionary.blocks[1]!.patterns[2]).toMatchObject({ before: ['in'], code: null, reverse: '173' });
    expect(problems).toEqual([{ line: 15, text: 'transformation rules are not read: ~ a (a b ATTACK) SAY = a b 015' }]);
  });

  it('generates regular verb forms', () => {
    expect(verbForms('ACCUSE')).toEqual(expect.arrayContaining(['accuse', 'accuses', 'accused', 'accusing']));
    expect(verbForms('CARRY')).toEqual(expect.arrayContaining(['carries', 'carried', 'carrying']));
    expect(verbForms('STOP')).toEqual(expect.arrayContaining(['stopped', 'stopping']));
  });

  it('reads actors with synonyms and dated codes, and picks the code for a date', () => {
    const [kim, hob] = parsePetrarchActors(['KIM_JONG_UN_ [PRKGOV 20111217-20991231]', '+KIM_JONG-UN', 'SMEAGOL', '\t[HOB < 950601]', '\t[HOBGOV 19950601 - 19990815]', '\t[HOBREB > 990816]'].join('\n'));
    expect(kim!.names).toEqual(['KIM JONG UN', 'KIM JONG-UN']);
    expect(codeOn(hob!, '1990-01-01')).toBe('HOB');
    expect(codeOn(hob!, '1997-05-05')).toBe('HOBGOV');
    expect(codeOn(hob!, '2005-01-01')).toBe('HOBREB');
  });

  it('reads agents with macros and plurals', () => {
    const agents = parsePetrarchAgents(['!PERSON! = MAN, MEN', 'POLICE!PERSON! [~COP]', 'TROOP [~MIL]', 'MEDIA {} [~MED]'].join('\n'));
    expect(agents).toMatchObject({ policeman: 'COP', policemen: 'COP', troop: 'MIL', troops: 'MIL', media: 'MED' });
    expect(agents['medias']).toBeUndefined();
  });

  it('reads CSV and JSON actor lists and says where they are wrong', () => {
    expect(parseCsvActors('name,code\nArnor,ARN\nsoldiers,~MIL\n').dictionary).toEqual({ actors: [{ names: ['ARNOR'], codes: [{ code: 'ARN', from: null, to: null }] }], agents: { soldiers: 'MIL' } });
    expect(parseCsvActors('Arnor,arn').problems[0]).toMatchObject({ line: 1 });
    expect(parseCsvActors('Arnor,ARN,1995-13').problems[0]!.text).toMatch(/YYYY-MM-DD/u);
    expect(parseJsonActors('[{"name":"Gondor","code":"GON","synonyms":["Minas Tirith"]}]').dictionary.actors[0]!.names).toEqual(['GONDOR', 'MINAS TIRITH']);
    expect(parseJsonActors('{"name":"x"}').problems[0]!.text).toMatch(/array/u);
    expect(parseJsonActors('not json').problems[0]!.text).toMatch(/not JSON/u);
  });

  it('maps CAMEO to PLOVER, falling back to the parent code', () => {
    const table = parseCameoToPlover('04: CONSULT\n042: CONSULT, visit,   # Make a visit\n112: ACCUSE, disapprove,    # Accuse\n');
    expect(table['042']).toEqual({ event: 'CONSULT', mode: 'visit', context: null });
    expect(ploverOf(table, '042')).toBe('CONSULT');
    expect(ploverOf(table, '046')).toBe('CONSULT');
    expect(ploverOf(table, '010')).toBeNull();
  });
});

describe('the event coder with the built-in dictionaries', () => {
  it('codes coordinated actors who act together as one event, dated by the clause, and both ways with bothWays', () => {
    const text = 'Moscow and Pyongyang signed a mutual defence pact last year.';
    const events = run(text);
    expect(events.map(brief)).toEqual(['RUS 057 PRK']);
    expect(events.every((e) => e.date === '2024' && e.mode === 'asserted' && e.plover === 'SUPPORT' && e.trigger.text === 'signed')).toBe(true);
    expect(events[0]!.source[0]!.country).toBe('RUS');
    const both = createPipeline(stagesWithEvents({ bothWays: true })).run(createArticle(text, { ...EMPTY_META, language: 'en', published: '2025-09-13' })).layers.events ?? [];
    expect(both.map(brief).sort()).toEqual(['PRK 057 RUS', 'RUS 057 PRK']);
  });

  it('codes a paired code once by default (visited: 042), both ways with bothWays (042 and 043)', () => {
    const text = 'Vladimir Putin visited North Korea on Wednesday.';
    expect(run(text).map((e) => e.cameo)).toEqual(['042']);
    const both = createPipeline(stagesWithEvents({ bothWays: true })).run(createArticle(text, { ...EMPTY_META, language: 'en', published: '2025-09-13' })).layers.events ?? [];
    expect(both.map((e) => e.cameo).sort()).toEqual(['042', '043']);
  });

  it('codes no event for the cue of a verbatim quotation, and still one for an indirect statement', () => {
    const quoted = run('"Pyongyang is seeking to boost its capability," Hong Min added.');
    expect(quoted.filter((e) => e.trigger.text === 'added')).toEqual([]);
    const verb = run('Russia attacked Ukraine on Friday, Hong Min added.');
    expect(verb.map(brief)).toContain('RUS 190 UKR');
  });

  it('makes coordinated actors act on each other only when the action is mutual', () => {
    const events = run('Russia and China warned on Monday of a new arms race.');
    expect(events.filter((e) => e.source.some((a) => a.code === 'RUS') && e.target.some((a) => a.code === 'CHN'))).toEqual([]);
  });

  it('reads a participle between a determiner and a noun as an adjective, not an action', () => {
    const events = run('Since a failed summit with the United States in 2019, North Korea has kept its weapons.');
    expect(events.filter((e) => e.trigger.text === 'failed')).toEqual([]);
    expect(events.some((e) => e.trigger.text === 'summit' && e.cameo === '046')).toBe(true);
  });

  it('takes the source of a passive from `by`', () => {
    const events = run('Ukraine was attacked by Russia on Friday.');
    expect(events.map(brief)).toContain('RUS 190 UKR');
  });

  it('marks negated, planned and hypothetical events', () => {
    expect(run('Russia did not attack Ukraine.').find((e) => e.cameo === '190')?.mode).toBe('negated');
    expect(run('Russia will attack Ukraine.').find((e) => e.cameo === '190')?.mode).toBe('planned');
    expect(run('Russia could attack Ukraine.').find((e) => e.cameo === '190')?.mode).toBe('hypothetical');
  });

  it('does not code a plain statement as an event', () => {
    expect(run('Russia said on Monday that the talks were useful.').filter((e) => e.cameo.startsWith('01'))).toEqual([]);
  });

  it('resolves `who` and `the three leaders`, leaving out the speaker', () => {
    const text = 'Kim Jong Un and Vladimir Putin flanked Xi Jinping at a parade, drawing a response from US President Donald Trump, who accused the three leaders of plotting against the United States.';
    const accuse = run(text).find((e) => e.cameo === '112');
    expect(accuse?.source.map((a) => a.code)).toEqual(['USAGOV']);
    expect(accuse?.target.map((a) => a.country).sort()).toEqual(['CHN', 'PRK', 'RUS']);
  });

  it('places an event where its scene is said to be, and never across a comma', () => {
    const parade = run("Kim and Putin flanked China's President Xi Jinping at a massive parade in Beijing this month.");
    const met = parade.find((e) => e.plover === 'CONSULT');
    expect(met?.target.map((a) => a.country)).toEqual(['CHN']);
    expect(met?.place?.text).toBe('Beijing');
    const summit = run('Since a failed summit with the United States in 2019, North Korea has said it will keep its weapons.');
    expect(summit.length).toBeGreaterThan(0);
    for (const e of summit) expect(e.place?.text).not.toBe('North Korea');
  });

  it('gives `the three leaders` the text of its span, line break and double space included (found by the fuzzer)', () => {
    const text = 'Kim Jong Un and Vladimir Putin flanked Xi Jinping at a parade, drawing a response from US President Donald Trump, who accused the  three\nleaders of plotting against the United States.';
    const accuse = run(text).find((e) => e.cameo === '112');
    expect(accuse?.target.length).toBe(3);
    for (const a of accuse?.target ?? []) expect(a.text).toBe(text.slice(a.start, a.end));
    expect(accuse?.target[0]?.text).toBe('the  three\nleaders');
  });

  it('codes the seed story\'s required events with their modes and dates', () => {
    const path = join(packageRoot(), 'data', 'sample', 'seed', 'bss-2025-09-13-north-korea-arsenal.txt');
    const [result] = extractSource({ name: path, bytes: readFileSync(path), contentType: null, url: null }, { kind: 'auto', date: null, maxBytes: 1e7 });
    const events = result?.ok ? result.doc.events : [];
    const has = (source: string, cameo: string, target: string[], extra: Partial<Event> = {}): boolean => events.some((e) => e.source.some((a) => a.country === source) && e.cameo === cameo && target.every((t) => e.target.some((a) => a.country === t)) && Object.entries(extra).every(([k, v]) => (e as unknown as Record<string, unknown>)[k] === v));
    expect(has('PRK', '154', [], { mode: 'planned' })).toBe(true);
    expect(has('PRK', '046', ['USA'], { date: '2019' })).toBe(true);
    expect(has('RUS', '070', ['PRK'])).toBe(true);
    expect(has('PRK', '072', ['RUS'])).toBe(true);
    expect(has('RUS', '057', ['PRK'], { date: '2024' })).toBe(true);
    expect(has('RUS', '042', ['PRK'], { date: '2024' })).toBe(true);
    expect(has('USA', '112', ['PRK', 'RUS', 'CHN'], { date: '2025-09' })).toBe(true);
    for (const e of events) expect(text(result, e)).toBe(e.trigger.text);
  });
});

function text(result: ReturnType<typeof extractSource>[number] | undefined, e: Event): string {
  return result?.ok ? result.doc.text.slice(e.trigger.start, e.trigger.end) : '';
}

describe('user dictionaries', () => {
  it('codes made-up actors from a CSV dictionary, with agents composed onto countries', () => {
    const { dictionary } = parseCsvActors('name,code\nArnor,ARN\nGondor,GON\nsoldiers,~MIL\n');
    const pipeline = createPipeline(stagesWithEvents({ actors: [dictionary] }));
    const events = pipeline.run(createArticle('Soldiers from Arnor attacked Gondor on Monday.', { ...EMPTY_META, language: 'en', published: '2025-01-01' })).layers.events ?? [];
    expect(events.map(brief)).toEqual(['ARNMIL 190 GON']);
  });

  it('uses a replacement verb dictionary and codes statements when asked (PETRARCH\'s conventions)', () => {
    const { dictionary: verbs } = parseVerbDictionary('--- PRAISE [051] ---\nPRAISE\nLAUD\n');
    const { dictionary: actors } = parseCsvActors('Arnor,ARN\nGondor,GON\n');
    const pipeline = createPipeline(stagesWithEvents({ actors: [actors], verbs: [verbs], replaceVerbs: true, actorsOnly: true, requireDyad: true }));
    const events = pipeline.run(createArticle('Arnor lauded Gondor. Arnor attacked Gondor.', { ...EMPTY_META, language: 'en' })).layers.events ?? [];
    expect(events.map(brief)).toEqual(['ARN 051 GON']);
  });
});
