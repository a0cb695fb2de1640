import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendar, duration, instant } from './calendar-arbitraries.ts';

describe('adding business time (property-based, several zones with DST, ranges past midnight, holidays)', () => {
  it('adding in two steps lands where adding the sum lands', () => {
    fc.assert(
      fc.property(calendar, instant, duration, duration, ({ cal }, a, d1, d2) => {
        expect(cal.addBusinessTime(cal.addBusinessTime(a, d1), d2)).toBe(cal.addBusinessTime(a, d1 + d2));
      }),
    );
  });

  it('the business time between a start and start + d is d', () => {
    fc.assert(
      fc.property(calendar, instant, duration, ({ cal }, a, d) => {
        expect(cal.businessTimeBetween(a, cal.addBusinessTime(a, d))).toBe(d);
      }),
    );
  });

  it('for d > 0 the result is the first instant with d elapsed: open just before it, so it is open or a closing instant', () => {
    fc.assert(
      fc.property(calendar, instant, duration, ({ cal }, a, d) => {
        fc.pre(d > 0);
        const r = cal.addBusinessTime(a, d);
        expect(r).toBeGreaterThan(a);
        expect(cal.isOpen(r - 1)).toBe(true);
        expect(cal.businessTimeBetween(a, r - 1)).toBe(d - 1);
      }),
    );
  });

  it('adding nothing returns the start, and adding never goes back in time', () => {
    fc.assert(
      fc.property(calendar, instant, duration, ({ cal }, a, d) => {
        expect(cal.addBusinessTime(a, 0)).toBe(a);
        expect(cal.addBusinessTime(a, d)).toBeGreaterThanOrEqual(a + d);
      }),
    );
  });

  it('the next opening is open, not before t, and nothing between t and it is open', () => {
    fc.assert(
      fc.property(calendar, instant, ({ cal }, t) => {
        const next = cal.nextOpening(t);
        expect(next).toBeGreaterThanOrEqual(t);
        expect(cal.isOpen(next)).toBe(true);
        expect(cal.businessTimeBetween(t, next)).toBe(0);
        if (cal.isOpen(t)) expect(next).toBe(t);
      }),
    );
  });

  it('a positive duration starts counting at the next opening', () => {
    fc.assert(
      fc.property(calendar, instant, duration, ({ cal }, t, d) => {
        fc.pre(d > 0);
        expect(cal.addBusinessTime(t, d)).toBe(cal.addBusinessTime(cal.nextOpening(t), d));
      }),
    );
  });
});
