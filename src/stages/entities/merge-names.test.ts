import { describe, expect, it } from 'vitest';
import { splitTitles } from './merge-names.js';
import type { RecognisedName } from './recognise-names.js';

const name = (text: string, part: string, type: RecognisedName['type']): RecognisedName => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length, type });
const shown = (text: string, names: readonly RecognisedName[]): string[] => names.map((n) => `${n.type}:${text.slice(n.start, n.end)}`);

describe('splitTitles', () => {
  it('keeps titles outside the names the recogniser ran into them', () => {
    const text = 'Apple Computer CEO Steve Jobs met President Bush and Chrysler Chief Executive Robert Nardelli. CEO Steve Jobs left.';
    const names = [name(text, 'Apple Computer CEO Steve Jobs', 'ORG'), name(text, 'President Bush', 'PER'), name(text, 'Chrysler Chief Executive Robert Nardelli', 'PER'), name(text, 'CEO Steve Jobs left', 'ORG')];
    names[3] = { ...names[3]!, end: names[3]!.end - ' left'.length };
    expect(shown(text, splitTitles(text, names))).toEqual(['ORG:Apple Computer', 'PER:Steve Jobs', 'PER:Bush', 'ORG:Chrysler', 'PER:Robert Nardelli', 'PER:Steve Jobs']);
  });

  it('leaves names whose title word is part of the name', () => {
    const text = 'General Motors Corporation, Prince Edward Island, General Electric and US President Donald Trump.';
    const names = [name(text, 'General Motors Corporation', 'ORG'), name(text, 'Prince Edward Island', 'LOC'), name(text, 'General Electric', 'ORG'), name(text, 'US President Donald Trump', 'ORG')];
    expect(shown(text, splitTitles(text, names))).toEqual(['ORG:General Motors Corporation', 'LOC:Prince Edward Island', 'ORG:General Electric', 'PER:Donald Trump']);
  });
});
