import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../src/domain/time.ts';
import { at, hours, show, weekly } from './calendar-fixtures.ts';

const zone = 'Europe/Amsterdam';
const local = (s: string) => at(zone, s);
// 2026-05-15 is a Friday.
const bar = weekly(zone, hours('fri 22:00-02:00', 'sat 22:00-03:00'));

describe('ranges past midnight', () => {
  it.each([
    ['a bar open Friday 22:00–02:00 is open at Saturday 01:59', bar, '2026-05-16T01:59', true],
    ['and closed at Saturday 02:00', bar, '2026-05-16T02:00', false],
    ['a bar open Saturday 22:00–03:00 is open at Sunday 02:59', bar, '2026-05-17T02:59', true],
    ['and closed at Sunday 03:00', bar, '2026-05-17T03:00', false],
    [
      'a Sunday-night shift runs into Monday of the next week',
      weekly(zone, hours('sun 22:00-02:00')),
      '2026-05-18T01:00',
      true,
    ],
    [
      'a 48-hour range from Monday 00:00 is open on Tuesday 23:59',
      weekly(zone, [{ weekday: 1, startMinute: 0, endMinute: 2880 }]),
      '2026-05-19T23:59',
      true,
    ],
    [
      'and closed on Wednesday 00:00',
      weekly(zone, [{ weekday: 1, startMinute: 0, endMinute: 2880 }]),
      '2026-05-20T00:00',
      false,
    ],
    [
      'a 36-hour Los Angeles range from Tuesday 12:00 is still open at Wednesday 23:30 (Thursday 06:30 UTC)',
      weekly('America/Los_Angeles', [{ weekday: 2, startMinute: 720, endMinute: 2880 }]),
      '2026-05-13T23:30-07:00',
      true,
    ],
    [
      'a New Year’s Eve shift runs into the new year',
      weekly(zone, hours('thu 22:00-02:00')),
      '2027-01-01T01:00',
      true,
    ],
  ])('%s', (_name, calendar, t, expected) => {
    expect(calendar.isOpen(local(t))).toBe(expected);
  });

  it.each([
    [
      '20 minutes from Friday 23:50 end Saturday 00:10',
      bar,
      '2026-05-15T23:50',
      20 * MINUTE,
      '2026-05-16T00:10',
    ],
    [
      '10 minutes from Saturday 01:55 end Saturday 22:05',
      bar,
      '2026-05-16T01:55',
      10 * MINUTE,
      '2026-05-16T22:05',
    ],
    [
      'an hour from Monday 23:30 across touching ranges ends Tuesday 00:30',
      weekly(zone, hours('mon 20:00-24:00', 'tue 00:00-04:00')),
      '2026-05-18T23:30',
      HOUR,
      '2026-05-19T00:30',
    ],
  ])('%s', (_name, calendar, start, duration, expected) => {
    expect(show(zone, calendar.addBusinessTime(local(start), duration))).toBe(show(zone, local(expected)));
  });

  it.each([
    ['a weekend at the bar is 4 + 5 hours', bar, '2026-05-15T12:00', '2026-05-17T12:00', 9 * HOUR],
    [
      'touching ranges count straight through midnight',
      weekly(zone, hours('mon 20:00-24:00', 'tue 00:00-04:00')),
      '2026-05-18T23:00',
      '2026-05-19T01:00',
      2 * HOUR,
    ],
    [
      'an overlap past midnight is counted once',
      weekly(zone, hours('mon 20:00-02:00', 'tue 01:00-03:00')),
      '2026-05-18T12:00',
      '2026-05-19T12:00',
      7 * HOUR,
    ],
  ])('%s', (_name, calendar, a, b, expected) => {
    expect(calendar.businessTimeBetween(local(a), local(b))).toBe(expected);
  });

  it('after a Saturday-night closing the next opening is that evening', () => {
    expect(show(zone, bar.nextOpening(local('2026-05-16T02:00')))).toBe(
      show(zone, local('2026-05-16T22:00')),
    );
  });
});
