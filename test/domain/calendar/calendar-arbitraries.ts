import fc from 'fast-check';
import { IANAZone } from 'luxon';
import type { BusinessCalendar } from '../../../src/domain/calendar/business-calendar.ts';
import { compileCalendar } from '../../../src/domain/calendar/compile.ts';
import type { CalendarSpec, WeeklyRange } from '../../../src/domain/calendar/spec.ts';
import { DAY, HOUR, type Instant, MINUTE } from '../../../src/domain/time.ts';
import { hours } from './calendar-fixtures.ts';

export const ZONES = [
  'Europe/Amsterdam',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'UTC',
] as const;

const FROM = Date.UTC(2025, 0, 1);
const UNTIL = Date.UTC(2029, 0, 1);

/** Every offset change of `zone` between 2025 and 2029, found by stepping and bisecting. */
const transitionsOf = (zone: string): Instant[] => {
  const z = IANAZone.create(zone);
  const found: Instant[] = [];
  for (let t = FROM; t < UNTIL; t += 6 * HOUR) {
    if (z.offset(t) === z.offset(t + 6 * HOUR)) continue;
    let lo = t;
    let hi = t + 6 * HOUR;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (z.offset(mid) === z.offset(lo)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
};
export const TRANSITIONS: Instant[] = [...new Set(ZONES.flatMap(transitionsOf))].sort((a, b) => a - b);

/** True when no offset change of `zone` lies within three days of `t` (the naive oracle is exact there). */
export const farFromTransitions = (zone: string, t: Instant): boolean => {
  const z = IANAZone.create(zone);
  return z.offset(t - 3 * DAY) === z.offset(t) && z.offset(t) === z.offset(t + 3 * DAY);
};

const range: fc.Arbitrary<WeeklyRange> = fc
  .record({
    weekday: fc.constantFrom<WeeklyRange['weekday']>(1, 2, 3, 4, 5, 6, 7),
    startMinute: fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.constantFrom(0, 90, 120, 150, 480, 1320)),
    length: fc.oneof(fc.integer({ min: 1, max: 1440 }), fc.constantFrom(30, 60, 540, 1440, 2880)),
  })
  .map(({ weekday, startMinute, length }) => ({
    weekday,
    startMinute,
    endMinute: Math.min(startMinute + length, 2880),
  }));

const holiday = fc
  .integer({ min: FROM / DAY, max: UNTIL / DAY })
  .map((day) => new Date(day * DAY).toISOString().slice(0, 10));

const christmas = ['2025-12-25', '2025-12-26', '2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01'];

/** Hand-picked calendars (DST, holidays, past midnight) and random ones. */
export const calendarSpec: fc.Arbitrary<CalendarSpec> = fc.oneof(
  fc.constantFrom<CalendarSpec>(
    {
      kind: 'weekly',
      name: 'office',
      zone: 'Europe/Amsterdam',
      hours: hours('mon-fri 08:30-17:30'),
      holidays: christmas,
    },
    {
      kind: 'weekly',
      name: 'nights',
      zone: 'Europe/Amsterdam',
      hours: hours('mon-sun 22:00-06:00'),
      holidays: christmas,
    },
    {
      kind: 'weekly',
      name: 'dst-hour',
      zone: 'America/New_York',
      hours: hours('sun 01:00-03:00', 'mon-fri 09:00-17:00'),
      holidays: [],
    },
    {
      kind: 'weekly',
      name: 'bar',
      zone: 'Australia/Lord_Howe',
      hours: hours('fri 22:00-02:30', 'sat 20:00-03:00'),
      holidays: [],
    },
    { kind: '24x7', name: 'always', zone: 'Europe/Amsterdam' },
  ),
  fc.record({
    kind: fc.constant('weekly' as const),
    name: fc.constant('random'),
    zone: fc.constantFrom(...ZONES),
    hours: fc.array(range, { minLength: 1, maxLength: 6 }),
    holidays: fc.array(holiday, { maxLength: 20 }),
  }),
);

export const calendar: fc.Arbitrary<{ spec: CalendarSpec; cal: BusinessCalendar }> = calendarSpec.map(
  (spec) => ({
    spec,
    cal: compileCalendar(spec),
  }),
);

/** Instants from 2025 to 2028, half of them within a day of some zone's DST change. */
export const instant: fc.Arbitrary<Instant> = fc.oneof(
  fc.integer({ min: FROM, max: UNTIL }),
  fc
    .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -DAY, max: DAY }), fc.boolean())
    .map(([t, shift, onMinute]) => t + (onMinute ? Math.round(shift / MINUTE) * MINUTE : shift)),
);

/** Durations from a millisecond to 20 days, biased to SLA-sized ones (minutes, hours). */
export const duration: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 10 * MINUTE }),
  fc.integer({ min: 0, max: 12 * HOUR }),
  fc.integer({ min: 0, max: 20 * DAY }),
);
