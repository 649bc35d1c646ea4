import { describe, expect, it } from 'vitest';
import { defaultResources } from '../../pipeline/resources.js';
import { refineName } from './refine-types.js';

const kb = defaultResources().knowledgeBase();
const refine = (text: string, part: string, type: 'PER' | 'ORG' | 'LOC' | 'MISC', before = '') => refineName(text, { start: text.indexOf(part), end: text.indexOf(part) + part.length, type }, before, kb, '2009-05-01');

describe('refineName', () => {
  it('links a demonym several countries share to the better-known country: American is the United States', () => {
    expect(refine('American officials said', 'American', 'MISC')).toMatchObject({ type: 'NORP', links: { country: 'USA' } });
    expect(refine('Americans said', 'Americans', 'MISC').links.country).toBe('USA');
    expect(refine('British officials said', 'British', 'MISC').links.country).toBe('GBR');
  });

  it('keys the variants of a company alike, and a company sharing only a word apart', () => {
    const keys = ['Apple Inc.', 'Apple Computer', 'Apple'].map((n) => refine(`${n} said`, n, 'ORG').key);
    expect(new Set(keys)).toEqual(new Set(['org:apple']));
    expect(refine('Apple Corps said', 'Apple Corps', 'ORG').key).toBe('org:apple corps');
  });

  it('makes a name after a personal title a person, whatever the recogniser said', () => {
    expect(refine('American president Obama said', 'Obama', 'ORG', 'president')).toMatchObject({ type: 'PERSON', key: 'person:obama' });
    expect(refine('the firm Obama said', 'Obama', 'ORG', 'firm').type).toBe('ORG');
  });

  it('makes a known person taken whole for an organisation that person', () => {
    expect(refine('George W Bush said', 'George W Bush', 'ORG')).toMatchObject({ type: 'PERSON', links: { country: 'USA' } });
  });
});
