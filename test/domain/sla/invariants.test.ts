import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../src/domain/calendar/compile.ts';
import type { DueNotification, Evaluation, EvaluationInput } from '../../../src/domain/evaluation.ts';
import type { Target } from '../../../src/domain/policy.ts';
import { evaluate } from '../../../src/domain/sla/evaluate.ts';
import { DAY, HOUR, MINUTE } from '../../../src/domain/time.ts';
import {
  ack,
  always,
  attemptsRule,
  call,
  email,
  escalation,
  instance,
  meeting,
  outage,
  policy,
  rule,
  scenario,
  silenceOwner,
  T0,
} from './builders.ts';

const office = compileCalendar({
  kind: 'weekly',
  name: 'office',
  zone: 'Europe/Amsterdam',
  hours: ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, startMinute: 510, endMinute: 1050 })),
  holidays: ['2026-01-07'],
});
const manager: Target = { kind: 'manager' };

const touchArb = fc.record({
  kind: fc.constantFrom('call', 'email', 'meeting'),
  offset: fc.integer({ min: -HOUR, max: 3 * DAY }),
  owner: fc.constantFrom('rep-1', 'rep-2', null),
  direction: fc.constantFrom('outbound', 'inbound', null),
  outcome: fc.constantFrom('Connected', 'No answer', null),
});

/** A random but realistic instance, policy and set of facts. */
const scenarioArb = fc
  .record({
    enteredOffset: fc.integer({ min: 0, max: 10 * DAY }),
    seenAfter: fc.integer({ min: 0, max: 20 * MINUTE }),
    owned: fc.boolean(),
    calendar: fc.constantFrom(always, office),
    within: fc.integer({ min: 1, max: 120 }).map((m) => m * MINUTE),
    /** Reminder moments as shares of the window. */
    remind: fc.array(fc.integer({ min: 1, max: 99 }), { maxLength: 3 }),
    ownerOnly: fc.boolean(),
    withAttempts: fc.boolean(),
    minGap: fc.option(fc.integer({ min: 1, max: 60 }).map((m) => m * MINUTE)),
    escalations: fc.array(
      fc.record({
        after: fc.integer({ min: 0, max: 120 }).map((m) => m * MINUTE),
        repeat: fc.option(
          fc.record({ every: fc.integer({ min: 5, max: 90 }).map((m) => m * MINUTE), times: fc.nat(4) }),
        ),
      }),
      { maxLength: 2 },
    ),
    touches: fc.oneof(fc.array(touchArb, { maxLength: 0 }), fc.array(touchArb, { maxLength: 8 })),
    ackAfter: fc.option(fc.integer({ min: 0, max: 30 * MINUTE })),
    silence: fc.option(
      fc.record({
        from: fc.integer({ min: 0, max: 3 * HOUR }),
        length: fc.integer({ min: MINUTE, max: 3 * HOUR }),
      }),
    ),
    outageAt: fc.option(fc.integer({ min: 0, max: 2 * DAY })),
  })
  .map((r): EvaluationInput => {
    const enteredAt = T0 + r.enteredOffset;
    const i = instance({
      enteredAt,
      firstSeenAt: enteredAt + r.seenAfter,
      ownerId: r.owned ? 'rep-1' : null,
    });
    const p = policy({
      calendar: r.calendar,
      within: r.within,
      remind: r.remind.map((share) => Math.floor((r.within * share) / 100)),
      counts: rule({ ownerOnly: r.ownerOnly }),
      attempts: r.withAttempts
        ? attemptsRule({ required: 3, within: DAY, atMost: 5, minGap: r.minGap })
        : null,
      escalate: r.escalations.map((e, level) => escalation(level, e.after, [manager], e.repeat)),
    });
    const make = { call, email, meeting };
    const touches = r.touches.map((t) =>
      make[t.kind](enteredAt + t.offset, {
        ownerId: t.owner,
        direction: t.kind === 'meeting' ? null : t.direction,
        outcome: t.outcome,
      }),
    );
    return scenario({
      instance: i,
      policy: p,
      touches,
      acknowledgements: r.ackAfter === null ? [] : [ack(i, enteredAt + r.ackAfter)],
      silences:
        r.silence === null
          ? []
          : [
              silenceOwner(
                'rep-1',
                enteredAt + r.silence.from,
                enteredAt + r.silence.from + r.silence.length,
              ),
            ],
      outages:
        r.outageAt === null ? [] : [outage('hubspot', enteredAt + r.outageAt, enteredAt + r.outageAt + HOUR)],
    });
  });

/** Mostly around the deadline and the escalations, sometimes days later. */
const nowArb = fc.oneof(fc.integer({ min: 0, max: 6 * HOUR }), fc.integer({ min: 0, max: 6 * DAY }));
const keys = (e: Evaluation) => e.due.map((d) => d.key);
/** What must not change while nothing is due: states, what is due and what is held back. */
const shape = (e: Evaluation) => ({
  due: keys(e),
  silenced: e.silenced,
  firstContact: e.firstContact.state,
  atRisk: e.firstContact.state === 'pending' ? e.firstContact.atRisk : null,
  attempts: e.attempts?.state ?? null,
  overkill: e.attempts?.overkill ?? null,
  settled: e.settled,
  /** A settled instance has nothing left to remind, so a later acknowledgement changes nothing. */
  acknowledged: e.settled ? null : e.acknowledged !== null,
});
/** A notification's identity apart from counters that may keep growing (overkill's `made`). */
const identity = (d: DueNotification) => (d.kind === 'overkill' ? { ...d, reason: null } : d);

describe('engine invariants', () => {
  it('everything due is due by now, and the next look is in the future', () => {
    fc.assert(
      fc.property(scenarioArb, nowArb, (input, offset) => {
        const now = input.instance.enteredAt + offset;
        const e = evaluate(input, now);
        for (const d of e.due) expect(d.dueAt).toBeLessThanOrEqual(now);
        if (e.nextDueAt !== null) expect(e.nextDueAt).toBeGreaterThan(now);
      }),
      { numRuns: 1000 },
    );
  });

  it('nothing changes between now and the next look', () => {
    fc.assert(
      fc.property(scenarioArb, nowArb, fc.double({ min: 0, max: 1, noNaN: true }), (input, offset, share) => {
        const now = input.instance.enteredAt + offset;
        const e = evaluate(input, now);
        const until = e.nextDueAt ?? now + 10 * DAY;
        const t = now + Math.floor((until - 1 - now) * share);
        expect(shape(evaluate(input, t))).toEqual(shape(e));
      }),
      { numRuns: 1000 },
    );
  });

  it('a key means the same notification whenever it is due', () => {
    fc.assert(
      fc.property(scenarioArb, nowArb, nowArb, (input, a, b) => {
        const [first, second] = [a, b].map((o) => evaluate(input, input.instance.enteredAt + o));
        const earlier = new Map(first?.due.map((d) => [d.key, identity(d)]));
        for (const d of second?.due ?? []) {
          const same = earlier.get(d.key);
          if (same !== undefined) expect(identity(d)).toEqual(same);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a met first contact stays met and a breach stays breached as time goes on', () => {
    fc.assert(
      fc.property(scenarioArb, nowArb, nowArb, (input, a, b) => {
        const [early, late] = [Math.min(a, b), Math.max(a, b)].map(
          (o) => evaluate(input, input.instance.enteredAt + o).firstContact.state,
        );
        if (early !== 'pending') expect(late).toBe(early);
      }),
      { numRuns: 1000 },
    );
  });
});
