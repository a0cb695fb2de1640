/**
 * The input to `compileCalendar` (src/domain/calendar/compile.ts), produced by the config resolver.
 * Minutes are minutes of the local day in the calendar's zone.
 */
export interface WeeklyRange {
  /** ISO weekday: 1 = Monday … 7 = Sunday. The day the range starts on. */
  readonly weekday: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  /** Minute of the day the range opens, 0–1439. */
  readonly startMinute: number;
  /**
   * Minute it closes, greater than `startMinute`. Up to 2880: a range past midnight
   * ("22:00-02:00" on Friday) ends on the next day (startMinute 1320, endMinute 1560).
   */
  readonly endMinute: number;
}

export type CalendarSpec =
  | { readonly kind: '24x7'; readonly name: string; readonly zone: string }
  | {
      readonly kind: 'weekly';
      readonly name: string;
      /** IANA zone, e.g. `Europe/Amsterdam`. */
      readonly zone: string;
      /** Non-overlapping ranges (the config resolver rejects overlaps). */
      readonly hours: readonly WeeklyRange[];
      /** Whole local days closed, `YYYY-MM-DD`. A range that starts on a holiday does not open. */
      readonly holidays: readonly string[];
    };
