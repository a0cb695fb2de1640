import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../src/domain/time.ts';
import { at, hours, show, weekly } from './calendar-fixtures.ts';

const zone = 'Europe/Amsterdam';
const office = weekly(zone, hours('mon-fri 08:30-17:30'));
const local = (s: string) => at(zone, s);

describe('an office open Monday to Friday 08:30–17:30 in Amsterdam', () => {
  it.each([
    [
      'a lead at Friday 17:25 with 10 minutes left finishes Monday 08:35',
      '2026-05-15T17:25',
      10 * MINUTE,
      '2026-05-18T08:35',
    ],
    [
      'a lead at Tuesday 10:00 with 5 minutes finishes Tuesday 10:05',
      '2026-05-12T10:00',
      5 * MINUTE,
      '2026-05-12T10:05',
    ],
    [
      'a lead arriving at 22:00 gets its five minutes from the next opening',
      '2026-05-12T22:00',
      5 * MINUTE,
      '2026-05-13T08:35',
    ],
    [
      'a lead arriving on Saturday finishes Monday morning',
      '2026-05-16T11:00',
      5 * MINUTE,
      '2026-05-18T08:35',
    ],
    [
      'a lead arriving before opening on Monday counts from 08:30',
      '2026-05-18T06:00',
      30 * MINUTE,
      '2026-05-18T09:00',
    ],
    [
      'five minutes that end exactly at closing finish at 17:30, not on the next morning',
      '2026-05-15T17:25',
      5 * MINUTE,
      '2026-05-15T17:30',
    ],
    [
      'a full working day from Monday 08:30 ends Monday 17:30',
      '2026-05-18T08:30',
      9 * HOUR,
      '2026-05-18T17:30',
    ],
    [
      'five working days from Wednesday 12:00 end next Wednesday 12:00',
      '2026-05-13T12:00',
      45 * HOUR,
      '2026-05-20T12:00',
    ],
    ['zero business time from a closed moment is that moment', '2026-05-16T11:00', 0, '2026-05-16T11:00'],
    [
      'one millisecond from Friday 17:29:59.999 ends at closing',
      '2026-05-15T17:29:59.999',
      1,
      '2026-05-15T17:30',
    ],
  ])('%s', (_name, start, duration, expected) => {
    expect(show(zone, office.addBusinessTime(local(start), duration))).toBe(show(zone, local(expected)));
  });

  it.each([
    ['Friday 17:25 to Monday 08:35 is 10 minutes', '2026-05-15T17:25', '2026-05-18T08:35', 10 * MINUTE],
    ['a whole weekend is no business time', '2026-05-15T17:30', '2026-05-18T08:30', 0],
    ['Monday 00:00 to Saturday 00:00 is five 9-hour days', '2026-05-18T00:00', '2026-05-23T00:00', 45 * HOUR],
    ['a reversed pair is no business time', '2026-05-18T12:00', '2026-05-18T10:00', 0],
    ['two weeks apart is ten working days', '2026-05-04T10:00', '2026-05-18T10:00', 90 * HOUR],
  ])('%s', (_name, a, b, expected) => {
    expect(office.businessTimeBetween(local(a), local(b))).toBe(expected);
  });

  it.each([
    ['open at 08:30 sharp', '2026-05-18T08:30', true],
    ['closed at 08:29:59.999', '2026-05-18T08:29:59.999', false],
    ['open at 17:29:59.999', '2026-05-18T17:29:59.999', true],
    ['closed at 17:30 sharp', '2026-05-18T17:30', false],
    ['closed on Sunday noon', '2026-05-17T12:00', false],
  ])('%s', (_name, t, expected) => {
    expect(office.isOpen(local(t))).toBe(expected);
  });

  it.each([
    ['from Friday evening the next opening is Monday 08:30', '2026-05-15T18:00', '2026-05-18T08:30'],
    ['from an open moment the next opening is that moment', '2026-05-13T11:11', '2026-05-13T11:11'],
    ['from closing time the next opening is the next morning', '2026-05-13T17:30', '2026-05-14T08:30'],
  ])('%s', (_name, t, expected) => {
    expect(show(zone, office.nextOpening(local(t)))).toBe(show(zone, local(expected)));
  });

  it('describes itself by name and zone', () => {
    expect([office.name, office.zone]).toEqual(['test', zone]);
  });
});
