import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseLocalDay } from '../../../src/domain/calendar/local-day.ts';
import type { CalendarSpec } from '../../../src/domain/calendar/spec.ts';
import { DAY, type Instant, MINUTE } from '../../../src/domain/time.ts';
import { calendar, farFromTransitions, instant } from './calendar-arbitraries.ts';

const sorted = (...ts: Instant[]) => ts.sort((x, y) => x - y);

/** Open by reading the local clock: what an admin means by the hours, exact away from DST changes. */
function naiveIsOpen(spec: CalendarSpec, t: Instant): boolean {
  if (spec.kind === '24x7') return true;
  const local = DateTime.fromMillis(t, { zone: spec.zone });
  const day = Date.UTC(local.year, local.month - 1, local.day) / DAY;
  const msOfDay = t + local.offset * MINUTE - day * DAY;
  const holidays = new Set(spec.holidays.map(parseLocalDay));
  return [0, 1].some((back) => {
    const startDay = day - back;
    const weekday = ((((startDay + 3) % 7) + 7) % 7) + 1;
    const sinceStart = msOfDay + back * DAY;
    return (
      !holidays.has(startDay) &&
      spec.hours.some(
        (r) =>
          r.weekday === weekday && r.startMinute * MINUTE <= sinceStart && sinceStart < r.endMinute * MINUTE,
      )
    );
  });
}

describe('business time between two instants (property-based)', () => {
  it('is additive: between(a, b) + between(b, c) = between(a, c)', () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, ({ cal }, x, y, z) => {
        const [a = 0, b = 0, c = 0] = sorted(x, y, z);
        expect(cal.businessTimeBetween(a, b) + cal.businessTimeBetween(b, c)).toBe(
          cal.businessTimeBetween(a, c),
        );
      }),
    );
  });

  it('is monotonic: a later end never gives less, and never more than the elapsed time', () => {
    fc.assert(
      fc.property(calendar, instant, instant, instant, ({ cal }, x, y, z) => {
        const [a = 0, b = 0, c = 0] = sorted(x, y, z);
        expect(cal.businessTimeBetween(a, b)).toBeLessThanOrEqual(cal.businessTimeBetween(a, c));
        expect(cal.businessTimeBetween(b, c)).toBeLessThanOrEqual(cal.businessTimeBetween(a, c));
        expect(cal.businessTimeBetween(a, b)).toBeLessThanOrEqual(b - a);
        expect(cal.businessTimeBetween(c, a)).toBe(0);
      }),
    );
  });

  it('one millisecond counts exactly when it is open', () => {
    fc.assert(
      fc.property(calendar, instant, ({ cal }, t) => {
        expect(cal.businessTimeBetween(t, t + 1)).toBe(cal.isOpen(t) ? 1 : 0);
      }),
    );
  });

  it('agrees with reading the local clock, away from DST changes', () => {
    fc.assert(
      fc.property(calendar, instant, ({ spec, cal }, t) => {
        fc.pre(farFromTransitions(spec.zone, t));
        expect(cal.isOpen(t)).toBe(naiveIsOpen(spec, t));
      }),
      { numRuns: 500 },
    );
  });
});
