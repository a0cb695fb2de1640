/**
 * Time in the domain is plain numbers: an `Instant` is epoch milliseconds (UTC) and a `Millis` is a
 * duration in milliseconds. Zones only matter for business hours and display, where luxon converts.
 * See docs/adr/0002-time-as-epoch-millis.md.
 */
export type Instant = number;
export type Millis = number;

export const SECOND: Millis = 1_000;
export const MINUTE: Millis = 60 * SECOND;
export const HOUR: Millis = 60 * MINUTE;
export const DAY: Millis = 24 * HOUR;

/** A half-open interval [from, until). */
export interface Interval {
  readonly from: Instant;
  readonly until: Instant;
}

export const contains = (interval: Interval, t: Instant): boolean => t >= interval.from && t < interval.until;
