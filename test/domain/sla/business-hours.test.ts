import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../src/domain/calendar/compile.ts';
import type { WeeklyRange } from '../../../src/domain/calendar/spec.ts';
import { HOUR, MINUTE, SECOND } from '../../../src/domain/time.ts';
import { attemptsRule, call, dueKinds, escalation, instance, judge, local, policy } from './builders.ts';

const AMS = 'Europe/Amsterdam';
const NYC = 'America/New_York';
const weekdays = (startMinute: number, endMinute: number): WeeklyRange[] =>
  ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, startMinute, endMinute }));

/** Mon–Fri 08:30–17:30 in Amsterdam, closed on Christmas and Boxing Day 2026. */
const office = compileCalendar({
  kind: 'weekly',
  name: 'office',
  zone: AMS,
  hours: weekdays(8 * 60 + 30, 17 * 60 + 30),
  holidays: ['2026-12-25', '2026-12-26'],
});
/** Mon–Fri 09:00–17:00 in New York. */
const newYork = compileCalendar({
  kind: 'weekly',
  name: 'ny',
  zone: NYC,
  hours: weekdays(9 * 60, 17 * 60),
  holidays: [],
});
/** A night desk open on Sundays 01:00–04:00 in Amsterdam, across the DST switch. */
const nightDesk = compileCalendar({
  kind: 'weekly',
  name: 'night',
  zone: AMS,
  hours: [{ weekday: 7, startMinute: 60, endMinute: 240 }],
  holidays: [],
});

const officePolicy = policy({ calendar: office });
/** An instance that entered at `enteredAt` and was seen by the bot 30 seconds later. */
const entered = (enteredAt: number) => instance({ enteredAt });

describe('business hours', () => {
  it('a lead arriving at 22:00 gets its five minutes from the next opening at 08:30', () => {
    const i = entered(local('2026-01-06T22:00', AMS));
    const e = judge({ instance: i, policy: officePolicy }, i.firstSeenAt);
    expect(e.clockStart).toBe(local('2026-01-07T08:30', AMS));
    expect(e.firstContact).toEqual({
      state: 'pending',
      deadline: local('2026-01-07T08:35', AMS),
      atRisk: false,
      left: 5 * MINUTE,
    });
    expect(dueKinds(e)).toEqual(['handoff:rep-1']);
    expect(e.nextDueAt).toBe(local('2026-01-07T08:32', AMS));
  });

  it('a lead arriving at 08:00, before opening, is not at risk before 08:32 and not breached before 08:35', () => {
    const i = entered(local('2026-01-07T08:00', AMS));
    expect(
      judge({ instance: i, policy: officePolicy }, local('2026-01-07T08:31', AMS)).firstContact,
    ).toMatchObject({
      state: 'pending',
      atRisk: false,
    });
    expect(
      judge({ instance: i, policy: officePolicy }, local('2026-01-07T08:35', AMS)).firstContact.state,
    ).toBe('breached');
  });

  it('a lead arriving on Friday at 17:28 is due on Monday at 08:33', () => {
    const i = entered(local('2026-01-09T17:28', AMS));
    const e = judge({ instance: i, policy: officePolicy }, local('2026-01-10T12:00', AMS));
    expect(e.firstContact).toMatchObject({
      state: 'pending',
      deadline: local('2026-01-12T08:33', AMS),
      left: 3 * MINUTE,
    });
  });

  it('the reminder of a lead arriving just before closing waits for the next morning', () => {
    const i = entered(local('2026-01-06T17:29', AMS));
    const evening = judge({ instance: i, policy: officePolicy }, local('2026-01-06T20:00', AMS));
    expect(dueKinds(evening)).toEqual(['handoff:rep-1']);
    expect(evening.nextDueAt).toBe(local('2026-01-07T08:31', AMS));
    expect(dueKinds(judge({ instance: i, policy: officePolicy }, local('2026-01-07T08:31', AMS)))).toContain(
      'reminder:0',
    );
  });

  it('a lead arriving on Christmas Day waits for the Monday after Boxing Day', () => {
    const i = entered(local('2026-12-25T10:00', AMS));
    expect(judge({ instance: i, policy: officePolicy }, i.firstSeenAt).clockStart).toBe(
      local('2026-12-28T08:30', AMS),
    );
  });

  it('an eager rep calling at 22:05, after hours, meets the SLA with no business time taken', () => {
    const i = entered(local('2026-01-06T22:00', AMS));
    const e = judge(
      { instance: i, policy: officePolicy, touches: [call(local('2026-01-06T22:05', AMS))] },
      local('2026-01-06T22:10', AMS),
    );
    expect(e.firstContact).toMatchObject({ state: 'met', took: 0 });
    expect(e.repDelay).toBe(0);
  });

  it('a contact on Monday morning for a Friday-evening lead took only the business minutes', () => {
    const i = entered(local('2026-01-09T17:28', AMS));
    const e = judge(
      { instance: i, policy: officePolicy, touches: [call(local('2026-01-12T08:31', AMS))] },
      local('2026-01-12T09:00', AMS),
    );
    expect(e.firstContact).toMatchObject({ state: 'met', took: 3 * MINUTE });
  });

  it('the attempts window counts business days, so it ends at the same time two working days later', () => {
    const p = policy({ calendar: office, attempts: attemptsRule({ required: 3, within: 18 * HOUR }) });
    const i = entered(local('2026-01-08T10:00', AMS));
    const e = judge({ instance: i, policy: p }, local('2026-01-09T10:00', AMS));
    expect(e.attempts).toMatchObject({ windowEnd: local('2026-01-12T10:00', AMS), state: 'open' });
  });

  it('escalation delays are wall-clock: fifteen minutes after a 17:29 deadline is 17:44, after closing', () => {
    const p = policy({ calendar: office, escalate: [escalation(0, 15 * MINUTE, [{ kind: 'manager' }])] });
    const i = entered(local('2026-01-06T17:24', AMS));
    expect(judge({ instance: i, policy: p }, local('2026-01-06T17:29', AMS)).nextDueAt).toBe(
      local('2026-01-06T17:44', AMS),
    );
  });
});

describe('daylight saving time', () => {
  it('Amsterdam spring forward: a Friday 17:28 lead is due Monday 08:33 summer time, one hour less of wall-clock', () => {
    const i = entered(local('2026-03-27T17:28', AMS));
    const e = judge({ instance: i, policy: officePolicy }, local('2026-03-30T09:00', AMS));
    expect(e.firstContact).toMatchObject({
      state: 'breached',
      deadline: local('2026-03-30T08:33', AMS),
      lateBy: 27 * MINUTE,
    });
    expect(local('2026-03-30T08:33', AMS) - i.enteredAt).toBe(2 * 24 * HOUR + 15 * HOUR + 5 * MINUTE - HOUR);
  });

  it('Amsterdam spring forward: five business minutes from 01:58 on the night desk end at 03:03 summer time', () => {
    const i = entered(local('2026-03-29T01:58', AMS));
    const e = judge({ instance: i, policy: policy({ calendar: nightDesk }) }, i.firstSeenAt);
    expect(e.firstContact).toMatchObject({ deadline: local('2026-03-29T03:03', AMS) });
    expect(local('2026-03-29T03:03', AMS) - i.enteredAt).toBe(5 * MINUTE);
  });

  it('Amsterdam fall back: five business minutes from 02:58 summer time end at 02:03 winter time', () => {
    const start = Date.UTC(2026, 9, 25, 0, 58); // 02:58 CEST, the first 02:58 of the night
    const i = entered(start);
    const e = judge({ instance: i, policy: policy({ calendar: nightDesk }) }, start + 30 * SECOND);
    expect(e.firstContact).toMatchObject({ deadline: start + 5 * MINUTE });
  });

  it('Amsterdam fall back: a Friday 17:28 lead is due Monday 08:33 winter time, one hour more of wall-clock', () => {
    const i = entered(local('2026-10-23T17:28', AMS));
    const e = judge({ instance: i, policy: officePolicy }, local('2026-10-26T08:00', AMS));
    expect(e.firstContact).toMatchObject({
      state: 'pending',
      deadline: local('2026-10-26T08:33', AMS),
      left: 3 * MINUTE,
    });
    expect(local('2026-10-26T08:33', AMS) - i.enteredAt).toBe(2 * 24 * HOUR + 15 * HOUR + 5 * MINUTE + HOUR);
  });

  it('New York spring forward: a Friday 16:58 lead is due Monday 09:03 daylight time', () => {
    const i = entered(local('2026-03-06T16:58', NYC));
    const e = judge({ instance: i, policy: policy({ calendar: newYork }) }, local('2026-03-09T09:00', NYC));
    expect(e.firstContact).toMatchObject({
      state: 'pending',
      deadline: local('2026-03-09T09:03', NYC),
      left: 3 * MINUTE,
    });
  });

  it('New York fall back: a Friday 16:58 lead is due Monday 09:03 standard time and breaches then', () => {
    const i = entered(local('2026-10-30T16:58', NYC));
    const e = judge({ instance: i, policy: policy({ calendar: newYork }) }, local('2026-11-02T09:03', NYC));
    expect(e.firstContact).toMatchObject({
      state: 'breached',
      deadline: local('2026-11-02T09:03', NYC),
      lateBy: 0,
    });
    expect(dueKinds(e)).toContain('breach');
  });
});
