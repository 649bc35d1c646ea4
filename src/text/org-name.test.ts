import { describe, expect, it } from 'vitest';
import { normaliseName } from './normalise.js';
import { organisationCore } from './org-name.js';

const core = (name: string): string => organisationCore(normaliseName(name));

describe('organisationCore', () => {
  it('makes the variants of one company one name', () => {
    expect(new Set(['Apple', 'Apple Inc.', 'Apple Computer', 'Apple Computer, Inc.', 'Apple Computer Inc'].map(core))).toEqual(new Set(['apple']));
    expect(new Set(['Ford', 'Ford Motor Company', 'Ford Motor Co.', 'Ford Motors'].map(core))).toEqual(new Set(['ford']));
    expect(core('Chrysler LLC')).toBe('chrysler');
    expect(core('General Motors Corporation')).toBe('general motors');
  });

  it('keeps apart what only shares a word, and never empties a name', () => {
    expect(core('General Motors')).toBe('general motors');
    expect(core('Apple Corps')).toBe('apple corps');
    expect(core('Sony Pictures')).toBe('sony pictures');
    expect(core('Singapore Airlines')).toBe('singapore airlines');
    expect(core('Company')).toBe('company');
    expect(core('Co')).toBe('co');
  });
});
