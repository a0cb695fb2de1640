import { describe, expect, it } from 'vitest';
import { HOUR } from '../../../src/domain/time.ts';
import { at, hours, show, weekly } from './calendar-fixtures.ts';

// Transitions used: Europe/Amsterdam 2026-03-29 02:00→03:00 and 2026-10-25 03:00→02:00; America/New_York
// 2026-03-08 02:00→03:00 and 2026-11-01 02:00→01:00; Australia/Lord_Howe 2026-10-04 02:00→02:30 and
// 2026-04-05 02:00→01:30 (a half-hour shift). All on Sundays.

describe('openings, deadlines and open moments around DST changes', () => {
  it.each([
    [
      'Amsterdam spring: an opening at 02:30 opens at 03:00 CEST',
      'Europe/Amsterdam',
      'sun 02:30-05:00',
      '2026-03-29T01:30+01:00',
      '2026-03-29T03:00+02:00',
    ],
    [
      'Amsterdam spring: a range lost in the gap opens the next Sunday',
      'Europe/Amsterdam',
      'sun 02:00-03:00',
      '2026-03-28T12:00',
      '2026-04-05T02:00',
    ],
    [
      'Amsterdam autumn: after the first 02:45 the repeated hour stays closed until next week',
      'Europe/Amsterdam',
      'sun 02:30-02:45',
      '2026-10-25T02:50+02:00',
      '2026-11-01T02:30',
    ],
    [
      'New York spring: an opening at 02:30 opens at 03:00 EDT',
      'America/New_York',
      'sun 02:30-05:00',
      '2026-03-08T00:00',
      '2026-03-08T03:00-04:00',
    ],
    [
      'New York autumn: an opening at 01:30 opens at the first 01:30 (EDT)',
      'America/New_York',
      'sun 01:30-05:00',
      '2026-11-01T00:00',
      '2026-11-01T01:30-04:00',
    ],
  ])('%s', (_name, zone, line, t, expected) => {
    const calendar = weekly(zone, hours(line));
    expect(show(zone, calendar.nextOpening(at(zone, t)))).toBe(show(zone, at(zone, expected)));
  });

  it.each([
    [
      'Amsterdam spring: a shop open 08:00–20:00 reaches Sunday 09:00 two hours after Saturday 19:00',
      'Europe/Amsterdam',
      'mon-sun 08:00-20:00',
      '2026-03-28T19:00',
      2 * HOUR,
      '2026-03-29T09:00',
    ],
    [
      'Amsterdam spring: 8 hours from Saturday 22:00 on a 22:00–06:00 night shift end Sunday 23:00',
      'Europe/Amsterdam',
      'mon-sun 22:00-06:00',
      '2026-03-28T22:00',
      8 * HOUR,
      '2026-03-29T23:00',
    ],
    [
      'Amsterdam autumn: 8 hours from Saturday 22:00 on a 22:00–06:00 night shift end Sunday 05:00 CET',
      'Europe/Amsterdam',
      'mon-sun 22:00-06:00',
      '2026-10-24T22:00',
      8 * HOUR,
      '2026-10-25T05:00',
    ],
    [
      'Amsterdam autumn: 2 hours from Sunday 01:00 on a night shift end at the second 02:00',
      'Europe/Amsterdam',
      'mon-sun 22:00-06:00',
      '2026-10-25T01:00',
      2 * HOUR,
      '2026-10-25T02:00+01:00',
    ],
    [
      'New York spring: 2 hours from Friday 16:00 in a 09:00–17:00 office end Monday 10:00 EDT',
      'America/New_York',
      'mon-fri 09:00-17:00',
      '2026-03-06T16:00',
      2 * HOUR,
      '2026-03-09T10:00',
    ],
    [
      'New York autumn: 2 hours from Friday 16:00 in a 09:00–17:00 office end Monday 10:00 EST',
      'America/New_York',
      'mon-fri 09:00-17:00',
      '2026-10-30T16:00',
      2 * HOUR,
      '2026-11-02T10:00',
    ],
  ])('%s', (_name, zone, line, start, duration, expected) => {
    const calendar = weekly(zone, hours(line));
    expect(show(zone, calendar.addBusinessTime(at(zone, start), duration))).toBe(
      show(zone, at(zone, expected)),
    );
  });

  it.each([
    [
      'Amsterdam autumn: open during the first 02:35',
      'Europe/Amsterdam',
      'sun 02:30-02:45',
      '2026-10-25T02:35+02:00',
      true,
    ],
    [
      'Amsterdam autumn: closed during the second 02:35',
      'Europe/Amsterdam',
      'sun 02:30-02:45',
      '2026-10-25T02:35+01:00',
      false,
    ],
    [
      'Amsterdam autumn: open during the second 02:10 inside 02:30–03:30',
      'Europe/Amsterdam',
      'sun 02:30-03:30',
      '2026-10-25T02:10+01:00',
      true,
    ],
    [
      'New York autumn: open during the first 01:40',
      'America/New_York',
      'sun 01:30-01:45',
      '2026-11-01T01:40-04:00',
      true,
    ],
    [
      'New York autumn: closed during the second 01:40',
      'America/New_York',
      'sun 01:30-01:45',
      '2026-11-01T01:40-05:00',
      false,
    ],
  ])('%s', (_name, zone, line, t, expected) => {
    expect(weekly(zone, hours(line)).isOpen(at(zone, t))).toBe(expected);
  });
});
