import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { wallToInstant } from '../../../src/domain/calendar/local-time.ts';

const wall = (iso: string) => Date.parse(`${iso}Z`);
const utc = (iso: string) => Date.parse(iso);

describe('a local wall-clock time maps to one instant', () => {
  it.each([
    ['an ordinary Amsterdam afternoon', 'Europe/Amsterdam', '2026-05-12T14:00', '2026-05-12T12:00Z'],
    [
      'Amsterdam 02:30 on the spring-forward day, which does not exist, is 03:00 CEST',
      'Europe/Amsterdam',
      '2026-03-29T02:30',
      '2026-03-29T01:00Z',
    ],
    [
      'Amsterdam 02:00 on the spring-forward day is also 03:00 CEST',
      'Europe/Amsterdam',
      '2026-03-29T02:00',
      '2026-03-29T01:00Z',
    ],
    [
      'Amsterdam 03:00 on the spring-forward day is 03:00 CEST',
      'Europe/Amsterdam',
      '2026-03-29T03:00',
      '2026-03-29T01:00Z',
    ],
    [
      'Amsterdam 02:30 on the fall-back day, which happens twice, is the first (CEST)',
      'Europe/Amsterdam',
      '2026-10-25T02:30',
      '2026-10-25T00:30Z',
    ],
    [
      'Amsterdam 03:00 on the fall-back day is 03:00 CET',
      'Europe/Amsterdam',
      '2026-10-25T03:00',
      '2026-10-25T02:00Z',
    ],
    [
      'New York 02:30 on the spring-forward day is 03:00 EDT',
      'America/New_York',
      '2026-03-08T02:30',
      '2026-03-08T07:00Z',
    ],
    [
      'New York 01:30 on the fall-back day is the first (EDT)',
      'America/New_York',
      '2026-11-01T01:30',
      '2026-11-01T05:30Z',
    ],
    [
      'Lord Howe 02:15 in its half-hour gap is 02:30 +11:00',
      'Australia/Lord_Howe',
      '2026-10-04T02:15',
      '2026-10-03T15:30Z',
    ],
    ['Kolkata, without DST, is always +05:30', 'Asia/Kolkata', '2026-12-31T23:59', '2026-12-31T18:29Z'],
    ['Tokyo midnight on New Year', 'Asia/Tokyo', '2027-01-01T00:00', '2026-12-31T15:00Z'],
  ])('%s', (_name, zone, local, expected) => {
    expect(new Date(wallToInstant(IANAZone.create(zone), wall(local))).toISOString()).toBe(
      new Date(utc(expected)).toISOString(),
    );
  });
});
