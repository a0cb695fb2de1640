import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseDayKey,
  parseRanges,
  parseWeeklyHours,
  weeklyHoursWarnings,
} from '../../src/config/weekly-hours.ts';

describe('day keys', () => {
  it.each([
    ['mon', [1]],
    ['Mon', [1]],
    ['monday', [1]],
    ['mon-fri', [1, 2, 3, 4, 5]],
    ['fri-mon', [1, 5, 6, 7]],
    ['sat, sun', [6, 7]],
    ['mon-wed, fri', [1, 2, 3, 5]],
    ['weekdays', [1, 2, 3, 4, 5]],
    ['weekend', [6, 7]],
    ['daily', [1, 2, 3, 4, 5, 6, 7]],
  ])('%s opens on ISO weekdays %j', (key, days) => {
    expect(parseDayKey(key)).toEqual(days);
  });

  it.each(['holiday', 'mon-', 'mon-tue-wed', 'mo', ''])('%j is not a day', (key) => {
    expect(parseDayKey(key)).toHaveProperty('error');
  });
});

describe('time ranges', () => {
  it.each([
    [
      '08:30-12:00, 13:00-17:30',
      [
        [510, 720],
        [780, 1050],
      ],
    ],
    ['9:00-17:00', [[540, 1020]]],
    ['22:00-02:00', [[1320, 1560]]],
    ['00:00-24:00', [[0, 1440]]],
    ['22:00-24:00', [[1320, 1440]]],
    ['18:00-00:00', [[1080, 1440]]],
    ['22:00-02:00+1', [[1320, 1560]]],
    ['22:00 - 06:00 +1', [[1320, 1800]]],
    ['10:00-10:00+1', [[600, 2040]]],
    ['00:00-00:00+1', [[0, 1440]]],
  ])('%s is minutes %j', (text, ranges) => {
    expect(parseRanges(text)).toEqual(ranges.map(([startMinute, endMinute]) => ({ startMinute, endMinute })));
  });

  it.each([
    ['9-5', "'9-5' is not a time range; write HH:MM-HH:MM"],
    ['25:00-26:00', "'25:00' is not a time of day"],
    ['12:60-13:00', "'12:60' is not a time of day"],
    ['24:00-02:00', "'24:00' is not a time of day"],
    ['10:00-10:00', "'10:00-10:00' is empty"],
    ['09:00-17:00,', "'' is not a time range"],
    [
      '09:00-17:00+1',
      "'09:00-17:00+1' would be open more than 24 hours; +1 marks a range that closes the next day",
    ],
    ['22:00-24:00+1', "'22:00-24:00+1' would be open more than 24 hours"],
    ['22:00-02:00+2', "'22:00-02:00+2' is not a time range"],
  ])('%s is rejected: %s', (text, reason) => {
    const result = parseRanges(text);
    expect('error' in result ? result.error : '').toContain(reason);
  });
});

describe('warnings on weekly hours', () => {
  it('a range that closes before it opens without +1 is read past midnight, with a warning', () => {
    const hours = { 'mon-fri': '17:00-08:00', sat: '10:00-14:00, 22:00-02:00' };
    expect(parseWeeklyHours(hours)).toHaveProperty('ranges');
    expect(weeklyHoursWarnings(hours)).toEqual([
      {
        key: 'mon-fri',
        on: 'value',
        message:
          '\'17:00-08:00\' closes before it opens, so it runs past midnight to 08:00 the next day; if that is meant, write "17:00-08:00+1", else swap the times: "08:00-17:00"',
      },
      { key: 'sat', on: 'value', message: expect.stringContaining("'22:00-02:00' closes before it opens") },
    ]);
  });

  it('+1, a close at midnight, and values that do not parse get none', () => {
    expect(
      weeklyHoursWarnings({
        mon: '22:00-02:00+1',
        tue: '18:00-00:00',
        wed: '09:00-17:00',
        thu: '17-8',
        fri: 5,
      }),
    ).toEqual([]);
  });
});

describe('weekly hours', () => {
  it('ranges come out in week order, whatever order the keys are in', () => {
    expect(parseWeeklyHours({ sat: '10:00-14:00', 'mon-tue': '09:00-12:00' })).toEqual({
      ranges: [
        { weekday: 1, startMinute: 540, endMinute: 720 },
        { weekday: 2, startMinute: 540, endMinute: 720 },
        { weekday: 6, startMinute: 600, endMinute: 840 },
      ],
    });
  });

  it('ranges that touch do not overlap', () => {
    expect(
      parseWeeklyHours({ mon: '08:00-12:00, 12:00-17:00', fri: '22:00-02:00', sat: '02:00-05:00' }),
    ).toHaveProperty('ranges');
  });

  it('a Sunday night range running into Monday morning overlaps Monday hours', () => {
    expect(parseWeeklyHours({ sun: '23:00-01:00', mon: '00:30-08:00' })).toEqual({
      problems: [
        {
          key: 'mon',
          on: 'value',
          message:
            "mon 00:30-08:00 overlaps sun 23:00-01:00+1 (from 'sun'); opening hours must not overlap, merge or shorten the ranges",
        },
      ],
    });
  });

  it('reports every bad key and value, not only the first', () => {
    const result = parseWeeklyHours({ mnday: '09:00-17:00', tue: '9-5' });
    expect(result).toEqual({
      problems: [
        { key: 'mnday', on: 'key', message: expect.stringContaining("'mnday' is not a day") },
        { key: 'tue', on: 'value', message: expect.stringContaining("'9-5' is not a time range") },
      ],
    });
  });

  it('finds an overlap exactly when two ranges share a minute of the week', () => {
    const range = fc.record({
      start: fc.integer({ min: 0, max: 47 }),
      halfHours: fc.integer({ min: 1, max: 47 }),
    });
    const week = fc.array(fc.array(range, { maxLength: 2 }), { minLength: 7, maxLength: 7 });
    fc.assert(
      fc.property(week, (days) => {
        const hours: Record<string, string> = {};
        const used = new Uint8Array(7 * 1440);
        let collision = false;
        days.forEach((ranges, d) => {
          if (ranges.length === 0) return;
          hours[['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][d] ?? ''] = ranges
            .map(({ start, halfHours }) => `${clock(start * 30)}-${clock(start * 30 + halfHours * 30, true)}`)
            .join(', ');
          for (const { start, halfHours } of ranges) {
            for (let m = start * 30; m < start * 30 + halfHours * 30; m++) {
              const slot = (d * 1440 + m) % used.length;
              if (used[slot]) collision = true;
              used[slot] = 1;
            }
          }
        });
        const result = parseWeeklyHours(hours);
        expect('problems' in result).toBe(collision);
      }),
      { numRuns: 500 },
    );
  });
});

/** Minute of the day (or past midnight) as HH:MM; an end at exactly midnight reads 24:00. */
function clock(minute: number, end = false): string {
  if (end && minute === 1440) return '24:00';
  const m = minute % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
