import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../src/domain/calendar/compile.ts';
import type { CalendarSpec } from '../../../src/domain/calendar/spec.ts';
import { DAY, HOUR, MINUTE } from '../../../src/domain/time.ts';
import { at, hours } from './calendar-fixtures.ts';

const weeklySpec = (over: Partial<Extract<CalendarSpec, { kind: 'weekly' }>>): CalendarSpec => ({
  kind: 'weekly',
  name: 'office',
  zone: 'Europe/Amsterdam',
  hours: hours('mon-fri 09:00-17:00'),
  holidays: [],
  ...over,
});

describe('compiling a calendar', () => {
  it.each([
    [
      'an unknown zone',
      weeklySpec({ zone: 'Europe/Amsterdamm' }),
      'sla_calendar_invalid_zone',
      /Europe\/Amsterdamm/,
    ],
    [
      'an unknown zone on a 24x7 calendar',
      { kind: '24x7', name: 'always', zone: 'Mars/Olympus' } as const,
      'sla_calendar_invalid_zone',
      /Mars/,
    ],
    [
      'a holiday that is not a date',
      weeklySpec({ holidays: ['2026-02-30'] }),
      'sla_calendar_invalid_holiday',
      /2026-02-30/,
    ],
    [
      'a holiday in another format',
      weeklySpec({ holidays: ['25-12-2026'] }),
      'sla_calendar_invalid_holiday',
      /YYYY-MM-DD/,
    ],
    [
      'a range that closes before it opens',
      weeklySpec({ hours: [{ weekday: 1, startMinute: 600, endMinute: 600 }] }),
      'sla_calendar_invalid_range',
      /endMinute/,
    ],
    [
      'a range longer than past the next midnight',
      weeklySpec({ hours: [{ weekday: 1, startMinute: 600, endMinute: 2881 }] }),
      'sla_calendar_invalid_range',
      /2880/,
    ],
    [
      'a range opening at minute 1440',
      weeklySpec({ hours: [{ weekday: 1, startMinute: 1440, endMinute: 1500 }] }),
      'sla_calendar_invalid_range',
      /startMinute/,
    ],
    [
      'a fractional minute',
      weeklySpec({ hours: [{ weekday: 1, startMinute: 60.5, endMinute: 120 }] }),
      'sla_calendar_invalid_range',
      /weekday/,
    ],
    [
      'a weekday 0',
      weeklySpec({ hours: [{ weekday: 0 as 1, startMinute: 60, endMinute: 120 }] }),
      'sla_calendar_invalid_range',
      /weekday 1–7/,
    ],
    ['no hours at all', weeklySpec({ hours: [] }), 'sla_calendar_no_opening_hours', /24x7/],
  ])('refuses %s with a coded error saying what to fix', (_name, spec, code, message) => {
    expect(() => compileCalendar(spec)).toThrowError(
      expect.objectContaining({ code, retryable: false, message: expect.stringMatching(message) }),
    );
  });
});

describe('a 24x7 calendar', () => {
  const always = compileCalendar({ kind: '24x7', name: 'always', zone: 'Europe/Amsterdam' });
  const t = at('Europe/Amsterdam', '2026-05-16T03:00');

  it.each([
    ['is open on a Saturday night', () => always.isOpen(t), true],
    ['adds 5 minutes as 5 minutes of wall time', () => always.addBusinessTime(t, 5 * MINUTE), t + 5 * MINUTE],
    ['adds nothing for a zero duration', () => always.addBusinessTime(t, 0), t],
    ['counts a whole day as a day', () => always.businessTimeBetween(t, t + DAY), DAY],
    ['counts a reversed pair as nothing', () => always.businessTimeBetween(t + HOUR, t), 0],
    ['opens at once', () => always.nextOpening(t), t],
  ])('%s', (_name, run, expected) => {
    expect(run()).toBe(expected);
  });
});

describe('bad arguments are refused loudly', () => {
  const office = compileCalendar(weeklySpec({}));
  const always = compileCalendar({ kind: '24x7', name: 'always', zone: 'UTC' });
  it.each([
    ['a negative duration', () => office.addBusinessTime(0, -1)],
    ['a NaN duration', () => office.addBusinessTime(0, Number.NaN)],
    ['a NaN instant', () => office.isOpen(Number.NaN)],
    ['a fractional instant', () => office.nextOpening(0.5)],
    ['an infinite end', () => office.businessTimeBetween(0, Number.POSITIVE_INFINITY)],
    ['a negative duration on 24x7', () => always.addBusinessTime(0, -5)],
    ['a NaN instant on 24x7', () => always.businessTimeBetween(Number.NaN, 0)],
  ])('%s', (_name, run) => {
    expect(run).toThrowError(expect.objectContaining({ code: 'sla_calendar_invalid_argument' }));
  });
});
