import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CalendarError } from '../../../src/domain/calendar/calendar-error.ts';
import { dayHours } from '../../../src/domain/calendar/day-hours.ts';
import { weeklyCalendar } from '../../../src/domain/calendar/weekly-calendar.ts';
import { DAY, HOUR, MINUTE } from '../../../src/domain/time.ts';
import { at, hours, show, weekly } from './calendar-fixtures.ts';

const zone = 'Europe/Amsterdam';
const local = (s: string) => at(zone, s);
const officeHours = hours('mon-fri 08:30-17:30');

/** Every date from `first` to `last` inclusive, as YYYY-MM-DD. */
const datesFrom = (first: string, last: string): string[] => {
  const dates: string[] = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += DAY)
    dates.push(new Date(t).toISOString().slice(0, 10));
  return dates;
};

const christmas = weekly(zone, officeHours, ['2026-12-25', '2026-12-26', '2027-01-01']);
const winterBreak = weekly(zone, officeHours, datesFrom('2026-12-24', '2027-01-01'));
const sabbatical = weekly(zone, officeHours, datesFrom('2027-01-01', '2027-12-31'));
const threeYearsClosed = weekly(zone, officeHours, datesFrom('2026-01-01', '2028-12-31'));

describe('holidays and year ends', () => {
  it.each([
    [
      'a lead at Wednesday 23 December 17:25 in a Christmas-to-New-Year break finishes Monday 4 January 08:35',
      winterBreak,
      '2026-12-23T17:25',
      10 * MINUTE,
      '2027-01-04T08:35',
    ],
    [
      'a lead at Thursday 31 December 17:25 with New Year off finishes Monday 4 January 08:35',
      christmas,
      '2026-12-31T17:25',
      10 * MINUTE,
      '2027-01-04T08:35',
    ],
    [
      'a lead on Christmas Eve evening finishes Monday 28 December',
      christmas,
      '2026-12-24T18:00',
      5 * MINUTE,
      '2026-12-28T08:35',
    ],
    [
      'a lead in a year of holidays finishes on the first working day after it',
      sabbatical,
      '2026-12-31T17:25',
      10 * MINUTE,
      '2028-01-03T08:35',
    ],
    [
      'a lead before three closed years finishes on 1 January 2029',
      threeYearsClosed,
      '2025-12-31T17:25',
      10 * MINUTE,
      '2029-01-01T08:35',
    ],
  ])('%s', (_name, calendar, start, duration, expected) => {
    expect(show(zone, calendar.addBusinessTime(local(start), duration))).toBe(show(zone, local(expected)));
  });

  it.each([
    [
      'from New Year’s Eve morning to the Monday after is 9 working hours',
      christmas,
      '2026-12-31T09:00',
      '2027-01-04T09:00',
      9 * HOUR,
    ],
    [
      'the Christmas week has three working days',
      christmas,
      '2026-12-21T00:00',
      '2026-12-28T00:00',
      4 * 9 * HOUR,
    ],
    ['a winter break has no working time at all', winterBreak, '2026-12-24T00:00', '2027-01-02T00:00', 0],
    ['a year of holidays has no working time', sabbatical, '2027-01-01T00:00', '2028-01-01T00:00', 0],
    [
      'an ordinary year has 261 working days of 9 hours (2026)',
      weekly(zone, officeHours),
      '2026-01-01T00:00',
      '2027-01-01T00:00',
      261 * 9 * HOUR,
    ],
  ])('%s', (_name, calendar, a, b, expected) => {
    expect(calendar.businessTimeBetween(local(a), local(b))).toBe(expected);
  });

  it.each([
    ['closed on Christmas Day at 10:00', christmas, '2026-12-25T10:00', false],
    [
      'open on Christmas Eve at 10:00 when only the 25th and 26th are off',
      christmas,
      '2026-12-24T10:00',
      true,
    ],
    ['open on Christmas Day of a year not listed', christmas, '2025-12-25T10:00', true],
  ])('%s', (_name, calendar, t, expected) => {
    expect(calendar.isOpen(local(t))).toBe(expected);
  });

  it.each([
    [
      'after Christmas Eve closes the next opening is Monday 28 December',
      christmas,
      '2026-12-24T17:30',
      '2026-12-28T08:30',
    ],
    [
      'after a year of holidays the next opening is Monday 3 January 2028',
      sabbatical,
      '2026-12-31T18:00',
      '2028-01-03T08:30',
    ],
  ])('%s', (_name, calendar, t, expected) => {
    expect(show(zone, calendar.nextOpening(local(t)))).toBe(show(zone, local(expected)));
  });

  it('a night shift that starts the evening before a holiday runs on into it, but none starts on it', () => {
    const nights = weekly(zone, hours('mon-sun 22:00-02:00'), ['2026-12-25']);
    expect(nights.isOpen(local('2026-12-25T01:00'))).toBe(true);
    expect(nights.isOpen(local('2026-12-25T23:00'))).toBe(false);
    expect(nights.isOpen(local('2026-12-26T01:00'))).toBe(false);
    expect(nights.isOpen(local('2026-12-26T23:00'))).toBe(true);
  });

  it('an Auckland office (UTC+13 in summer) skips New Year and the weekend', () => {
    const auckland = 'Pacific/Auckland';
    const office = weekly(auckland, hours('mon-fri 08:00-17:00'), ['2027-01-01', '2027-01-02']);
    const result = office.addBusinessTime(at(auckland, '2026-12-31T16:30'), HOUR);
    expect(show(auckland, result)).toBe(show(auckland, at(auckland, '2027-01-04T08:30')));
  });

  it('a Los Angeles office (UTC−8) counts New Year’s Eve up to its own local midnight', () => {
    const la = 'America/Los_Angeles';
    const office = weekly(la, hours('mon-sun 20:00-24:00'), ['2027-01-01']);
    expect(office.businessTimeBetween(at(la, '2026-12-31T00:00'), at(la, '2027-01-02T00:00'))).toBe(4 * HOUR);
  });
});

describe('a calendar that never opens', () => {
  it('is refused when compiled without hours', () => {
    expect(() => weekly(zone, [])).toThrowError(
      expect.objectContaining({
        code: 'sla_calendar_no_opening_hours',
        message: expect.stringContaining('"test"'),
      }),
    );
  });

  it('stops searching with an error instead of looping, should hours ever compile to nothing', () => {
    const never = weeklyCalendar('never', zone, dayHours(IANAZone.create(zone), [], new Set()));
    const t = local('2026-05-12T10:00');
    for (const call of [() => never.nextOpening(t), () => never.addBusinessTime(t, MINUTE)]) {
      expect(call).toThrowError(CalendarError);
      expect(call).toThrowError(/never opens/);
    }
    expect(never.isOpen(t)).toBe(false);
    expect(never.businessTimeBetween(t, t + 30 * DAY)).toBe(0);
  });
});
