import { DateTime } from 'luxon';
import { z } from 'zod';
import { DAY_KEY_HELP, parseWeeklyHours, RANGE_HELP } from '../weekly-hours.ts';
import { name, timeZone, whenGiven } from './primitives.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_HOLIDAY_RANGE = 366;

/** Weekly opening hours, e.g. `{ mon-fri: "08:30-12:00, 13:00-17:30", sat: "10:00-14:00" }`. */
export const Hours = z
  .record(z.string(), z.string())
  .transform((hours, ctx) => {
    if (Object.keys(hours).length === 0) {
      ctx.issues.push({
        code: 'custom',
        input: hours,
        message:
          'no opening hours; add a day and ranges (mon-fri: "09:00-17:00"), or use the built-in 24x7 calendar',
      });
      return z.NEVER;
    }
    const parsed = parseWeeklyHours(hours);
    if ('ranges' in parsed) return parsed.ranges;
    for (const p of parsed.problems) {
      ctx.issues.push({
        code: 'custom',
        input: hours,
        path: [p.key],
        message: p.message,
        params: { on: p.on },
      });
    }
    return z.NEVER;
  })
  .meta({
    description: `Opening hours per day. Keys: ${DAY_KEY_HELP}. Values: ${RANGE_HELP}. A range that closes the next day has +1 after the closing time ("22:00-02:00+1"); ranges must not overlap.`,
    examples: [{ 'mon-fri': '08:30-12:00, 13:00-17:30', sat: '10:00-14:00' }],
  });

/** `2026-12-25`, or an inclusive range `2026-12-24..2026-12-31`, → the days it covers. */
export const Holiday = z
  .string({ error: whenGiven('expected a date written YYYY-MM-DD (or a range 2026-12-24..2026-12-31)') })
  .transform((text, ctx) => {
    const [from = '', until = from, ...rest] = text.split('..').map((s) => s.trim());
    const start = DATE.test(from) ? DateTime.fromISO(from, { zone: 'UTC' }) : null;
    const end = DATE.test(until) ? DateTime.fromISO(until, { zone: 'UTC' }) : null;
    const days = start && end ? end.diff(start, 'days').days : Number.NaN;
    if (!start?.isValid || !end?.isValid || rest.length > 0 || !(days >= 0 && days < MAX_HOLIDAY_RANGE)) {
      ctx.issues.push({
        code: 'custom',
        input: text,
        message: `'${text}' is not a holiday; write a date YYYY-MM-DD or an inclusive range 2026-12-24..2026-12-31 (at most a year)`,
      });
      return z.NEVER;
    }
    return Array.from({ length: days + 1 }, (_, i) => start.plus({ days: i }).toISODate() ?? from);
  })
  .meta({ description: 'A closed day YYYY-MM-DD, or an inclusive range YYYY-MM-DD..YYYY-MM-DD.' });

export const Calendar = z
  .strictObject({
    timezone: timeZone('IANA zone of these hours. Default: the top-level timezone.').optional(),
    hours: Hours,
    holidays: z
      .array(Holiday)
      .default([])
      .transform((lists) => [...new Set(lists.flat())].sort())
      .describe('Whole days closed, in the calendar zone. Default: none.'),
  })
  .describe('A business calendar: the clock only runs during opening hours.');
export type Calendar = z.infer<typeof Calendar>;

export const CALENDAR_24X7 = '24x7';

export const CalendarName = name('calendar').refine((n) => n !== CALENDAR_24X7, {
  error: `'${CALENDAR_24X7}' is the built-in always-open calendar; give your calendar another name`,
});

export const Calendars = z
  .record(CalendarName, Calendar)
  .default({})
  .describe(
    `Named business calendars that policies refer to. The calendar '${CALENDAR_24X7}' is built in (always open). Default: none.`,
  );
