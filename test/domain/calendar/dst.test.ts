import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../src/domain/calendar/compile.ts';
import { HOUR, MINUTE } from '../../../src/domain/time.ts';
import { at, hours, show, weekly } from './calendar-fixtures.ts';

// Transitions used: Europe/Amsterdam 2026-03-29 02:00→03:00 and 2026-10-25 03:00→02:00; America/New_York
// 2026-03-08 02:00→03:00 and 2026-11-01 02:00→01:00; Australia/Lord_Howe 2026-10-04 02:00→02:30 and
// 2026-04-05 02:00→01:30 (a half-hour shift). All on Sundays.

describe('business time across DST changes is measured in real elapsed time', () => {
  it.each([
    [
      'Amsterdam spring: Sunday 01:00–04:00 is 2 hours',
      'Europe/Amsterdam',
      'sun 01:00-04:00',
      '2026-03-28T12:00',
      '2026-03-30T00:00',
      2 * HOUR,
    ],
    [
      'Amsterdam spring: Sunday 02:30–05:00 opens at 03:00 and lasts 2 hours',
      'Europe/Amsterdam',
      'sun 02:30-05:00',
      '2026-03-28T12:00',
      '2026-03-30T00:00',
      2 * HOUR,
    ],
    [
      'Amsterdam, a normal Sunday: 02:30–05:00 lasts 2½ hours',
      'Europe/Amsterdam',
      'sun 02:30-05:00',
      '2026-03-21T12:00',
      '2026-03-23T00:00',
      2.5 * HOUR,
    ],
    [
      'Amsterdam spring: a range inside the skipped hour never opens that day',
      'Europe/Amsterdam',
      'sun 02:00-03:00',
      '2026-03-28T12:00',
      '2026-03-30T00:00',
      0,
    ],
    [
      'Amsterdam spring: a night shift 22:00–06:00 over the change is 7 hours',
      'Europe/Amsterdam',
      'sat 22:00-06:00',
      '2026-03-28T12:00',
      '2026-03-30T00:00',
      7 * HOUR,
    ],
    [
      'Amsterdam autumn: Sunday 01:00–04:00 is 4 hours',
      'Europe/Amsterdam',
      'sun 01:00-04:00',
      '2026-10-24T12:00',
      '2026-10-26T00:00',
      4 * HOUR,
    ],
    [
      'Amsterdam autumn: 02:30–02:45 happens once, at the first 02:30',
      'Europe/Amsterdam',
      'sun 02:30-02:45',
      '2026-10-24T12:00',
      '2026-10-26T00:00',
      15 * MINUTE,
    ],
    [
      'Amsterdam autumn: 02:30–03:30 runs from the first 02:30 to 03:30, 2 hours',
      'Europe/Amsterdam',
      'sun 02:30-03:30',
      '2026-10-24T12:00',
      '2026-10-26T00:00',
      2 * HOUR,
    ],
    [
      'Amsterdam autumn: a night shift 22:00–06:00 over the change is 9 hours',
      'Europe/Amsterdam',
      'sat 22:00-06:00',
      '2026-10-24T12:00',
      '2026-10-26T00:00',
      9 * HOUR,
    ],
    [
      'New York spring: Sunday 00:00–04:00 is 3 hours',
      'America/New_York',
      'sun 00:00-04:00',
      '2026-03-07T12:00',
      '2026-03-09T00:00',
      3 * HOUR,
    ],
    [
      'New York spring: a range inside the skipped hour never opens that day',
      'America/New_York',
      'sun 02:15-02:45',
      '2026-03-07T12:00',
      '2026-03-09T00:00',
      0,
    ],
    [
      'New York autumn: Sunday 00:00–03:00 is 4 hours',
      'America/New_York',
      'sun 00:00-03:00',
      '2026-10-31T12:00',
      '2026-11-02T00:00',
      4 * HOUR,
    ],
    [
      'New York autumn: 01:30–01:45 happens once',
      'America/New_York',
      'sun 01:30-01:45',
      '2026-10-31T12:00',
      '2026-11-02T00:00',
      15 * MINUTE,
    ],
    [
      'New York: an office week over the spring change is still 5 × 8 hours',
      'America/New_York',
      'mon-fri 09:00-17:00',
      '2026-03-02T00:00',
      '2026-03-14T00:00',
      80 * HOUR,
    ],
    [
      'Lord Howe spring (half-hour shift): Sunday 01:30–03:00 is 1 hour',
      'Australia/Lord_Howe',
      'sun 01:30-03:00',
      '2026-10-03T12:00',
      '2026-10-05T00:00',
      1 * HOUR,
    ],
    [
      'Lord Howe autumn (half-hour shift): Sunday 01:30–03:00 is 2 hours',
      'Australia/Lord_Howe',
      'sun 01:30-03:00',
      '2026-04-04T12:00',
      '2026-04-06T00:00',
      2 * HOUR,
    ],
    [
      'Sydney spring: a shop open every day 08:00–20:00 still has 12-hour Sundays',
      'Australia/Sydney',
      'mon-sun 08:00-20:00',
      '2026-10-04T00:00',
      '2026-10-05T00:00',
      12 * HOUR,
    ],
  ])('%s', (_name, zone, line, a, b, expected) => {
    const calendar = weekly(zone, hours(line));
    expect(calendar.businessTimeBetween(at(zone, a), at(zone, b))).toBe(expected);
  });

  it('a 24x7 calendar counts the 23-hour spring Sunday as 23 hours', () => {
    const zone = 'Europe/Amsterdam';
    const always = compileCalendar({ kind: '24x7', name: 'always', zone });
    const start = at(zone, '2026-03-29T00:00');
    expect(always.businessTimeBetween(start, at(zone, '2026-03-30T00:00'))).toBe(23 * HOUR);
    expect(show(zone, always.addBusinessTime(at(zone, '2026-03-28T12:00'), 24 * HOUR))).toBe(
      show(zone, at(zone, '2026-03-29T13:00')),
    );
  });
});
