import { describe, expect, it } from 'vitest';
import { overlaps } from '../../article/span.js';
import { NO_LINKS, type Candidate } from './candidate.js';
import { findRepeatedNames, findRoleNominals, resolveShortNames, roleMatches, unifyTypes, type RoleOf } from './coreference.js';

const person = (text: string, start: number, key = `person:${text}`): Candidate => ({ start, end: start + text.length, text, kind: 'name', type: 'PERSON', key, canonical: null, links: NO_LINKS, rule: 'person' });

/** What the regular expression `\b[Tt]he ROLE\b` over the text after the name finds: the reference. */
function byRegex(text: string, { role, after }: RoleOf): number[] {
  const pattern = new RegExp(`\\b[Tt]he ${role.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\b`, 'gu');
  return [...text.slice(after).matchAll(pattern)].map((m) => after + m.index);
}

describe('roleMatches', () => {
  const anchor = person('Kim Jong Un', 0);
  const cases: Array<[string, string, number]> = [
    ['the leader met the leader. The leader, theleader, the leaders and the leader', 'leader', 0],
    ['the Gen. said; the Gen.x and the Gen. spoke', 'Gen.', 0],
    ['Kimthe leader and xthe leader', 'leader', 3],
    ['the the leader leader', 'the leader', 0],
    ['ends with the chief', 'chief', 0],
    ['the chief', 'chief executive officer of a very long name', 0],
    ['the 😀 fan and the 😀 fan', '😀 fan', 4],
  ];
  it('finds what the regular expression finds over the text after each name, boundaries and overlaps included', () => {
    for (const [text, role, after] of cases) {
      const entry: RoleOf = { role, after, anchor };
      expect(roleMatches(text, [entry]).get(entry), `${role} in "${text}"`).toEqual(byRegex(text, entry));
    }
  });

  it('keeps each role apart when several share the text, in the order given', () => {
    const text = 'North Korean leader Kim Jong Un met Prime Minister Ann Lee. The North Korean leader and the Prime Minister spoke. The leader left.';
    const kim: RoleOf = { role: 'North Korean leader', after: 31, anchor };
    const lee: RoleOf = { role: 'Prime Minister', after: 58, anchor: person('Ann Lee', 51) };
    const found = roleMatches(text, [lee, kim]);
    expect([...found.keys()]).toEqual([lee, kim]);
    expect(found.get(kim)).toEqual([text.indexOf('The North')]);
    expect(found.get(lee)).toEqual([text.indexOf('the Prime')]);
  });
});

describe('findRoleNominals', () => {
  it('links each description to its person, and skips one inside another person name', () => {
    const text = 'Foreign Minister Ann Lee spoke. The Foreign Minister left. The Foreign Minister Bo Chan arrived.';
    const lee = person('Ann Lee', 17);
    const chan = person('Foreign Minister Bo Chan', text.indexOf('Foreign Minister Bo'));
    const roles = new Map([[lee.key, { role: 'Foreign Minister', after: lee.end, anchor: lee }]]);
    const found = findRoleNominals(text, roles, (start, end) => overlaps({ start, end }, chan));
    expect(found.map((c) => [c.text, c.start, c.key, c.kind])).toEqual([['The Foreign Minister', text.indexOf('The Foreign'), lee.key, 'nominal']]);
  });
});

describe('resolveShortNames', () => {
  it('gives a short name the nearest earlier full name, else the first later one', () => {
    const text = 'Kim . Kim Jong Un . Kim . Kim Yo Jong . Kim . Jong . Lee';
    const at = (word: string, from = 0): number => text.indexOf(word, from);
    const candidates = [
      person('Kim', 0),
      person('Kim Jong Un', at('Kim Jong Un'), 'person:un'),
      person('Kim', at('Kim .', 10)),
      person('Kim Yo Jong', at('Kim Yo Jong'), 'person:yo'),
      person('Kim', at('Kim .', 30)),
      person('Jong', at('Jong .', 40)),
      person('Lee', at('Lee')),
    ];
    expect(resolveShortNames(candidates).map((c) => c.key)).toEqual(['person:un', 'person:un', 'person:un', 'person:yo', 'person:yo', 'person:yo', 'person:Lee']);
    expect(resolveShortNames(candidates).map((c) => c.rule)).toEqual(['short-name', 'person', 'short-name', 'person', 'short-name', 'short-name', 'person']);
  });
});

describe('one entity per name in a document', () => {
  const at = (text: string, part: string, from = 0): number => text.indexOf(part, from);
  const named = (text: string, part: string, type: Candidate['type'], rule: string, from = 0): Candidate => {
    const start = at(text, part, from);
    const prefix = { PERSON: 'person', ORG: 'org', LOC: 'place', MISC: 'misc', GPE: 'country', NORP: 'norp' }[type];
    return { start, end: start + part.length, text: part, kind: 'name', type, key: `${prefix}:${part.toLowerCase()}`, canonical: null, links: NO_LINKS, rule };
  };

  it('gives a name the type most of its mentions have, with one key, where the others took it for a person or other name', () => {
    const text = 'Boeing won. Boeing said. Boeing lost.';
    const out = unifyTypes([named(text, 'Boeing', 'ORG', 'org'), named(text, 'Boeing', 'PERSON', 'person', 5), named(text, 'Boeing', 'ORG', 'org', 20)]);
    expect(out.map((c) => [c.type, c.key])).toEqual([['ORG', 'org:boeing'], ['ORG', 'org:boeing'], ['ORG', 'org:boeing']]);
    const club = 'Leeds won. Leeds fans in Leeds cheered.';
    const kept = unifyTypes([named(club, 'Leeds', 'ORG', 'org'), named(club, 'Leeds', 'ORG', 'org', 5), named(club, 'Leeds', 'LOC', 'place', 20)]);
    expect(kept.map((c) => c.type)).toEqual(['ORG', 'ORG', 'LOC']);
  });

  it('makes a name followed by a model number elsewhere the maker, a company', () => {
    const text = 'Boeing said the Boeing 747 flew. Boeing won.';
    const out = unifyTypes([named(text, 'Boeing', 'LOC', 'place'), named(text, 'Boeing 747', 'MISC', 'misc'), named(text, 'Boeing', 'PERSON', 'person', 30)]);
    expect(out.map((c) => [c.text, c.type])).toEqual([['Boeing', 'ORG'], ['Boeing 747', 'MISC'], ['Boeing', 'ORG']]);
    expect(out[0]!.key).toBe(out[2]!.key);
    const plain = 'Ryanair ordered five Boeing 737s. Boeing said so.';
    expect(unifyTypes([named(plain, 'Boeing', 'PERSON', 'person'), named(plain, 'Boeing', 'LOC', 'place', 30)], plain).map((c) => c.type)).toEqual(['ORG', 'ORG']);
  });

  it('lets a place\'s cue before one mention (`the city of`) outweigh the recogniser\'s other guesses', () => {
    const text = 'Strike on Kharkiv. Troops hit the city of Kharkiv. Kharkiv, a large city, was shelled.';
    const out = unifyTypes([named(text, 'Kharkiv', 'PERSON', 'person'), named(text, 'Kharkiv', 'LOC', 'place', 20), named(text, 'Kharkiv', 'PERSON', 'person', 40)], text);
    expect(out.map((c) => [c.type, c.key])).toEqual([['LOC', 'place:kharkiv'], ['LOC', 'place:kharkiv'], ['LOC', 'place:kharkiv']]);
    const plain = 'Strike on Kharkiv. Troops hit Kharkiv. Kharkiv, a large city, was shelled.';
    expect(unifyTypes([named(plain, 'Kharkiv', 'PERSON', 'person'), named(plain, 'Kharkiv', 'LOC', 'place', 20), named(plain, 'Kharkiv', 'PERSON', 'person', 30)], plain).map((c) => c.type)).toEqual(['PERSON', 'LOC', 'PERSON']);
  });

  it('lets a person\'s title before one mention outweigh the recogniser\'s other guesses', () => {
    const text = 'President Obama spoke. Obama left. Obama won.';
    const out = unifyTypes([{ ...named(text, 'Obama', 'PERSON', 'person-title'), key: 'person:obama' }, named(text, 'Obama', 'ORG', 'org', 20), named(text, 'Obama', 'ORG', 'org', 30)]);
    expect(out.map((c) => c.type)).toEqual(['PERSON', 'PERSON', 'PERSON']);
  });

  it('resolves a short form to the full name even where the recogniser took it for an organisation, but not a company beside its full name', () => {
    const text = 'Barack Obama spoke. Obama left. Ford Motor Company and Ford fell.';
    const out = resolveShortNames([person('Barack Obama', 0), named(text, 'Obama', 'ORG', 'org', 10), named(text, 'Ford Motor Company', 'ORG', 'org'), named(text, 'Ford', 'ORG', 'org', 50)]);
    expect(out[1]).toMatchObject({ type: 'PERSON', key: 'person:Barack Obama', rule: 'short-name' });
    expect(out[3]).toMatchObject({ type: 'ORG', key: 'org:ford' });
  });

  it('finds the occurrences of a name the recogniser passed over, but not inside a longer name', () => {
    const text = 'Boeing won. The Boeing statement came. Apple rose. Apple Corps sued.';
    const tokens = [...text.matchAll(/\w+|[^\w\s]/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, sentence: text.slice(0, m.index).split('.').length - 1 }));
    const found = findRepeatedNames(text, tokens, [named(text, 'Boeing', 'ORG', 'org'), named(text, 'Apple', 'ORG', 'org')], () => false);
    expect(found.map((c) => [c.text, c.start, c.key])).toEqual([['Boeing', at(text, 'Boeing statement'), 'org:boeing']]);
  });

  it('finds names whose first word has letters beyond ASCII, and not a longer word that starts alike', () => {
    const text = 'Łódź2 grew. Then Łódź2 rose. Łódź2x fell. Señor spoke. Señora left.';
    const tokens = [...text.matchAll(/[\p{L}\p{N}]+|[^\p{L}\p{N}\s]/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, sentence: text.slice(0, m.index).split('.').length - 1 }));
    const found = findRepeatedNames(text, tokens, [named(text, 'Łódź2', 'LOC', 'place'), named(text, 'Señor', 'PERSON', 'person')], () => false);
    expect(found.map((c) => [c.text, c.start])).toEqual([['Łódź2', at(text, 'Łódź2 rose')]]);
  });
});
