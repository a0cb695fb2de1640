import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessTime, formatMillis, parseDuration, wallClock } from '../../src/config/duration.ts';
import { DAY, HOUR, MINUTE, SECOND } from '../../src/domain/time.ts';

describe('parseDuration', () => {
  it.each([
    ['30s', 30 * SECOND, 0],
    ['5m', 5 * MINUTE, 0],
    ['2h', 2 * HOUR, 0],
    ['3d', 0, 3],
    ['1h30m', 90 * MINUTE, 0],
    ['1h 30m', 90 * MINUTE, 0],
    ['1.5h', 90 * MINUTE, 0],
    ['2d4h', 4 * HOUR, 2],
    [' 5M ', 5 * MINUTE, 0],
    ['0s', 0, 0],
    ['PT5M', 5 * MINUTE, 0],
    ['pt30s', 30 * SECOND, 0],
    ['P3D', 0, 3],
    ['P1DT2H30M', 2 * HOUR + 30 * MINUTE, 1],
    ['PT0.5H', 30 * MINUTE, 0],
  ])('%s is %i ms and %i days', (text, ms, days) => {
    expect(parseDuration(text)).toEqual({ text: text.trim(), ms, days });
  });

  it.each([
    ['5', "'5' has no unit; write 5m, 5s or 5h"],
    ['5 minutes', "'5 minutes' is not a duration; write a number and a unit"],
    ['-5m', "'-5m' is not a duration"],
    ['500ms', "'500ms' is not a duration"],
    ['', "'' is not a duration"],
    ['P1M', "'P1M' uses years, months or weeks, which vary in length; write days instead (P30D, 30d)"],
    ['P1Y', "'P1Y' uses years, months or weeks"],
    ['P2W', "'P2W' uses years, months or weeks"],
    ['PT', "'PT' is not an ISO 8601 duration"],
    ['P', "'P' is not an ISO 8601 duration"],
    ['P1DT', "'P1DT' is not an ISO 8601 duration"],
    ['367d', "'367d' is longer than 366 days"],
  ])('rejects %j with a reason that says how to write it', (text, reason) => {
    const result = parseDuration(text);
    expect(result).toHaveProperty('error');
    expect('error' in result ? result.error : '').toContain(reason);
  });
});

describe('days in wall-clock and business time', () => {
  it('a day is 24 hours on the wall clock', () => {
    const d = parseDuration('1d2h');
    expect('error' in d ? null : wallClock(d)).toBe(DAY + 2 * HOUR);
  });

  it('a day is one business day of the calendar in business time', () => {
    const d = parseDuration('5d');
    expect('error' in d ? null : businessTime(d, 8 * HOUR)).toBe(40 * HOUR);
  });
});

describe('formatMillis', () => {
  it.each([
    [0, '0s'],
    [90 * SECOND, '1m30s'],
    [DAY + 2 * HOUR, '1d2h'],
    [1500, '1s500ms'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatMillis(ms)).toBe(text);
  });

  it('reads back as the same wall-clock duration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 365 * 24 * 3600 }), (seconds) => {
        const parsed = parseDuration(formatMillis(seconds * SECOND));
        expect('error' in parsed ? parsed.error : wallClock(parsed)).toBe(seconds * SECOND);
      }),
    );
  });
});
