import { describe, expect, it } from 'vitest';
import { beforeSlaBot, excuseOf } from '../../../src/domain/sla/excuse.ts';
import { applyLeadEvents } from '../../../src/domain/sla/transitions.ts';
import { DAY, HOUR, MINUTE } from '../../../src/domain/time.ts';
import {
  attemptsRule,
  call,
  dueKinds,
  escalation,
  handoff,
  instance,
  judge,
  outage,
  policy,
  T0,
} from './builders.ts';

/** sla-bot is installed (and starts importing) three days after the lead entered its stage. */
const INSTALL = T0 + 3 * DAY;
const manager = { kind: 'manager' } as const;
const channel = { kind: 'team_channel' } as const;
/** A 5-minute window, a reminder at 2, breach notes and escalations with repeats, 6 attempts in 5 days. */
const busy = policy({
  escalate: [
    escalation(0, 0, [manager]),
    escalation(1, 15 * MINUTE, [channel], { every: 30 * MINUTE, times: 3 }),
  ],
  attempts: attemptsRule({ atMost: 2 }),
});
const imported = (enteredAt: number, seen = INSTALL + MINUTE) =>
  instance({ enteredAt, firstSeenAt: seen, importedAt: INSTALL });

describe('handoffs from before sla-bot was installed (first-install import)', () => {
  it('a handoff that entered its stage before the install opens an imported instance; a later one does not', () => {
    const before = handoff({ enteredAt: INSTALL - HOUR });
    const after = handoff({
      lead: { ...before.lead, objectId: '102', contactId: '102' },
      enteredAt: INSTALL + 1,
    });
    const r = applyLeadEvents({
      open: [],
      handoffs: [before, after],
      changes: [],
      stages: [{ key: 'sql', order: 0 }],
      policies: [policy()],
      now: INSTALL + MINUTE,
      installedAt: INSTALL,
    });
    expect(r.opened.map((i) => [i.lead.objectId, i.importedAt ?? null, i.firstSeenAt])).toEqual([
      ['101', INSTALL, INSTALL + MINUTE],
      ['102', null, INSTALL + MINUTE],
    ]);
  });

  it('a deadline that passed before the install is breached, excused "before sla-bot", and nothing is ever due', () => {
    const i = imported(T0);
    for (const now of [INSTALL + MINUTE, INSTALL + HOUR, T0 + 5 * DAY + MINUTE]) {
      const e = judge({ instance: i, policy: busy }, now);
      expect(e.firstContact).toMatchObject({ state: 'breached', excused: true, excuse: 'before_sla_bot' });
      expect(e.due).toEqual([]);
    }
    // Nothing to wake for but the end of the attempts window (where it settles if contacted).
    expect(judge({ instance: i, policy: busy }, INSTALL + MINUTE).nextDueAt).toBe(T0 + 5 * DAY);
  });

  it('a lead contacted in time before the install is met, and its attempts notices stay silent too', () => {
    const i = imported(T0);
    const calls = [call(T0 + MINUTE), call(T0 + HOUR), call(T0 + 2 * HOUR)];
    const e = judge({ instance: i, policy: busy, touches: calls }, T0 + 5 * DAY + MINUTE);
    expect(e.firstContact).toMatchObject({ state: 'met' });
    expect(e.attempts).toMatchObject({ state: 'short', overkill: true });
    expect(e.due).toEqual([]);
  });

  it('a lead still inside its window at the install gets its ping, then the breach and escalations as usual', () => {
    const i = imported(INSTALL - 2 * MINUTE, INSTALL + 30_000);
    const pinged = judge({ instance: i, policy: busy }, INSTALL + 30_000);
    expect(dueKinds(pinged)).toEqual(['handoff:rep-1']);
    expect(pinged.due[0]?.dueAt).toBe(INSTALL + 30_000);
    const breached = judge({ instance: i, policy: busy }, INSTALL + 3 * MINUTE + 15 * MINUTE);
    expect(dueKinds(breached)).toEqual(['handoff:rep-1', 'breach', 'escalation:0:0', 'escalation:1:0']);
    expect(breached.firstContact).toMatchObject({ state: 'breached', excused: false });
    expect(breached.firstContact).not.toHaveProperty('excuse');
  });

  it('its reminders whose moment passed before the ping are skipped, the later ones are sent', () => {
    const p = policy({ within: 30 * MINUTE, remind: [5 * MINUTE, 20 * MINUTE] });
    const i = imported(INSTALL - 10 * MINUTE, INSTALL);
    expect(dueKinds(judge({ instance: i, policy: p }, INSTALL + MINUTE))).toEqual(['handoff:rep-1']);
    expect(dueKinds(judge({ instance: i, policy: p }, INSTALL + 11 * MINUTE))).toEqual([
      'handoff:rep-1',
      'reminder:1',
    ]);
  });

  it('an overkill made of calls before the install is not told; the window end after it is', () => {
    const i = imported(INSTALL - 2 * MINUTE, INSTALL);
    const early = [call(INSTALL - MINUTE), call(INSTALL - 50_000), call(INSTALL - 40_000)];
    const e = judge({ instance: i, policy: busy, touches: early }, INSTALL + MINUTE);
    expect(e.attempts).toMatchObject({ overkill: true });
    expect(dueKinds(e)).toEqual([]);
    const end = judge({ instance: i, policy: busy, touches: early }, INSTALL + 5 * DAY);
    expect(dueKinds(end)).toEqual(['attempts_shortfall']);
  });

  it('the system delay of an imported lead counts from the install, not from its stage entry', () => {
    expect(
      judge({ instance: imported(T0, INSTALL + 2 * MINUTE), policy: busy }, INSTALL + 3 * MINUTE).systemDelay,
    ).toBe(2 * MINUTE);
  });

  it('the excuse reasons, most specific first', () => {
    const deadline = T0 + 5 * MINUTE;
    expect(excuseOf(deadline, imported(T0), [])).toBe('before_sla_bot');
    expect(excuseOf(deadline, instance({ firstSeenAt: deadline }), [])).toBe('seen_late');
    expect(excuseOf(deadline, instance(), [outage('slack', T0, T0 + HOUR)])).toBe('outage');
    expect(excuseOf(deadline, instance(), [])).toBeNull();
    expect(beforeSlaBot(INSTALL, imported(T0))).toBe(false);
    expect(beforeSlaBot(INSTALL - 1, imported(T0))).toBe(true);
    expect(beforeSlaBot(INSTALL - 1, instance())).toBe(false);
  });
});
