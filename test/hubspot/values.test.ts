import { describe, expect, it } from 'vitest';
import { parseInstant, parseNumber, splitMulti } from '../../src/hubspot/values.ts';

describe('tolerant HubSpot value parsing', () => {
  it.each([
    ['2024-05-01T10:00:00.000Z', Date.parse('2024-05-01T10:00:00.000Z')],
    ['2024-05-01T10:00:00Z', Date.parse('2024-05-01T10:00:00Z')],
    ['1714557600000', 1714557600000],
    ['2024-05-01', Date.parse('2024-05-01T00:00:00Z')],
    ['', null],
    ['   ', null],
    ['not a date', null],
    [null, null],
    [undefined, null],
  ])('instant %j → %j', (input, expected) => {
    expect(parseInstant(input)).toBe(expected);
  });

  it('reads Date objects the SDK produced, and refuses invalid ones', () => {
    expect(parseInstant(new Date(5))).toBe(5);
    expect(parseInstant(new Date('x'))).toBeNull();
  });

  it.each([
    ['42', 42],
    ['42.5', 42.5],
    ['', null],
    ['n/a', null],
    [null, null],
  ])('number %j → %j', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  it('splits multi-values on semicolons', () => {
    expect(splitMulti('1; 2;;3')).toEqual(['1', '2', '3']);
    expect(splitMulti(null)).toEqual([]);
  });
});
