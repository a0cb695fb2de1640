import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, SECOND } from '../../../src/domain/time.ts';
import {
  ack,
  call,
  dueKinds,
  escalation,
  instance,
  judge,
  outage,
  policy,
  silenceOwner,
  silenceTeam,
  T0,
} from './builders.ts';

const seenAt = T0 + 30 * SECOND;
const deadline = T0 + 5 * MINUTE;
const manager = { kind: 'manager' } as const;
const channel = { kind: 'team_channel' } as const;

describe('handoff ping', () => {
  it('a new handoff pings the owner as soon as the bot saw it, with the deadline', () => {
    const e = judge({}, seenAt);
    expect(e.due).toEqual([
      {
        key: `${e.instanceId}:handoff:rep-1`,
        kind: 'handoff',
        instanceId: e.instanceId,
        dueAt: seenAt,
        targets: [{ kind: 'owner' }],
        reason: { kind: 'handoff', deadline },
      },
    ]);
  });

  it('a lead already contacted before the bot saw it gets no handoff ping', () => {
    const i = instance({ firstSeenAt: T0 + 2 * MINUTE });
    expect(judge({ instance: i, touches: [call(T0 + MINUTE)] }, T0 + 2 * MINUTE).due).toEqual([]);
  });
});

describe('reminders', () => {
  it('a reminder is due at its moment, to the owner, saying how much time is left', () => {
    const e = judge({}, T0 + 2 * MINUTE);
    expect(dueKinds(e)).toEqual(['handoff:rep-1', 'reminder:0']);
    expect(e.due[1]).toMatchObject({
      dueAt: T0 + 2 * MINUTE,
      targets: [{ kind: 'owner' }],
      reason: { kind: 'reminder', index: 0, deadline, left: 3 * MINUTE },
    });
  });

  it('an acknowledged lead gets no reminders, but its clock keeps running into a breach', () => {
    const i = instance();
    const onIt = ack(i, T0 + 1 * MINUTE);
    const atReminder = judge({ instance: i, acknowledgements: [onIt] }, T0 + 2 * MINUTE);
    expect(dueKinds(atReminder)).toEqual(['handoff:rep-1']);
    expect(atReminder.acknowledged).toEqual(onIt);
    const afterDeadline = judge({ instance: i, acknowledgements: [onIt] }, T0 + 6 * MINUTE);
    expect(afterDeadline.firstContact.state).toBe('breached');
    expect(dueKinds(afterDeadline)).toContain('breach');
  });

  it('an acknowledgement of another instance does not stop this one’s reminders', () => {
    const other = instance({ stage: 'mql' });
    const e = judge({ acknowledgements: [ack(other, T0 + MINUTE)] }, T0 + 2 * MINUTE);
    expect(dueKinds(e)).toContain('reminder:0');
    expect(e.acknowledged).toBeNull();
  });

  it('a reminder whose moment passed while the deadline also passed is never sent', () => {
    const e = judge({}, T0 + 7 * MINUTE);
    expect(dueKinds(e)).toEqual(['handoff:rep-1', 'breach']);
  });

  it('after downtime only the latest due reminder is sent, not every missed one', () => {
    const p = policy({ within: 30 * MINUTE, remind: [5 * MINUTE, 15 * MINUTE, 25 * MINUTE] });
    const e = judge({ policy: p }, T0 + 20 * MINUTE);
    expect(dueKinds(e)).toEqual(['handoff:rep-1', 'reminder:1']);
    expect(e.nextDueAt).toBe(T0 + 25 * MINUTE);
  });

  it('a lead first seen after its reminder moment gets the handoff ping but no stale reminder', () => {
    const i = instance({ firstSeenAt: T0 + 3 * MINUTE });
    expect(dueKinds(judge({ instance: i }, T0 + 3 * MINUTE))).toEqual(['handoff:rep-1']);
  });

  it('no reminder is sent once the lead is contacted', () => {
    const e = judge({ touches: [call(T0 + 1 * MINUTE)] }, T0 + 2 * MINUTE);
    expect(dueKinds(e)).toEqual(['handoff:rep-1']);
  });
});

describe('breach', () => {
  it('the breach note goes to the owner at the deadline', () => {
    const e = judge({}, deadline);
    expect(e.due.find((d) => d.kind === 'breach')).toMatchObject({
      key: `${e.instanceId}:breach`,
      dueAt: deadline,
      targets: [{ kind: 'owner' }],
      reason: { kind: 'breach', deadline, excused: false },
    });
  });

  it('a breach inside a Slack outage is still reported, flagged as excused', () => {
    const e = judge({ outages: [outage('slack', T0, T0 + HOUR)] }, T0 + 6 * MINUTE);
    expect(e.due.find((d) => d.kind === 'breach')?.reason).toEqual({
      kind: 'breach',
      deadline,
      excused: true,
    });
  });

  it('the breach stays due after a late contact, as a fact, but escalations stop', () => {
    const p = policy({ escalate: [escalation(0, 0, [manager])] });
    const e = judge({ policy: p, touches: [call(T0 + 8 * MINUTE)] }, T0 + 10 * MINUTE);
    expect(dueKinds(e)).toEqual(['handoff:rep-1', 'breach']);
  });
});

describe('escalations', () => {
  const chain = policy({
    escalate: [
      escalation(0, 0, [{ kind: 'owner' }, manager]),
      escalation(1, 15 * MINUTE, [channel], { every: 30 * MINUTE, times: 3 }),
    ],
  });

  it('the first level fires at the breach, the second fifteen minutes later', () => {
    expect(dueKinds(judge({ policy: chain }, deadline))).toEqual([
      'handoff:rep-1',
      'breach',
      'escalation:0:0',
    ]);
    const e = judge({ policy: chain }, deadline + 15 * MINUTE);
    expect(dueKinds(e)).toContain('escalation:1:0');
    expect(e.due.find((d) => d.key.endsWith('escalation:1:0'))?.targets).toEqual([channel]);
  });

  it('a level repeats every interval while uncontacted, and stops after its cap', () => {
    const repeat2 = judge({ policy: chain }, deadline + 15 * MINUTE + 60 * MINUTE);
    expect(repeat2.due.find((d) => d.kind === 'escalation' && d.key.includes(':1:'))).toMatchObject({
      dueAt: deadline + 75 * MINUTE,
      reason: { level: 1, repeat: 2 },
    });
    const capped = judge({ policy: chain }, deadline + 15 * MINUTE + 10 * HOUR);
    expect(dueKinds(capped)).toContain('escalation:1:3');
    expect(capped.nextDueAt).toBeNull();
  });

  it('after downtime only the latest due repeat is sent, not a burst', () => {
    const e = judge({ policy: chain }, deadline + 15 * MINUTE + 65 * MINUTE);
    const level1 = dueKinds(e).filter((k) => k.startsWith('escalation:1'));
    expect(level1).toEqual(['escalation:1:2']);
    expect(e.nextDueAt).toBe(deadline + 15 * MINUTE + 90 * MINUTE);
  });

  it('escalations stop once the lead is contacted', () => {
    const e = judge({ policy: chain, touches: [call(deadline + 20 * MINUTE)] }, deadline + 50 * MINUTE);
    expect(dueKinds(e).filter((k) => k.startsWith('escalation'))).toEqual([]);
  });

  it('a silence on the owner holds escalations back and lists them, until the silence ends', () => {
    const quiet = silenceOwner('rep-1', T0, deadline + 40 * MINUTE);
    const during = judge({ policy: chain, silences: [quiet] }, deadline + 20 * MINUTE);
    expect(dueKinds(during).filter((k) => k.startsWith('escalation'))).toEqual([]);
    expect(during.silenced.map((k) => k.slice(during.instanceId.length + 1))).toEqual([
      'escalation:0:0',
      'escalation:1:0',
    ]);
    expect(during.nextDueAt).toBe(deadline + 40 * MINUTE);
    const after = judge({ policy: chain, silences: [quiet] }, deadline + 40 * MINUTE);
    expect(dueKinds(after).filter((k) => k.startsWith('escalation'))).toEqual([
      'escalation:0:0',
      'escalation:1:0',
    ]);
    expect(after.silenced).toEqual([]);
  });

  it('a silence that starts later is the next look, and holds the escalation back from then on', () => {
    const later = silenceOwner('rep-1', deadline + 5 * MINUTE, deadline + HOUR);
    const before = judge({ policy: chain, silences: [later] }, deadline + 1 * MINUTE);
    expect(before.nextDueAt).toBe(deadline + 5 * MINUTE);
    expect(judge({ policy: chain, silences: [later] }, deadline + 5 * MINUTE).silenced).toHaveLength(1);
  });

  it('a silence on the owner’s team holds escalations back; one on another rep does not', () => {
    const team = silenceTeam('benelux', T0, T0 + 2 * HOUR);
    const teamQuiet = judge({ policy: chain, silences: [team], team: 'benelux' }, deadline + 1 * MINUTE);
    expect(teamQuiet.silenced).toHaveLength(1);
    const otherRep = silenceOwner('rep-2', T0, T0 + 2 * HOUR);
    const loud = judge({ policy: chain, silences: [otherRep], team: 'benelux' }, deadline + 1 * MINUTE);
    expect(loud.silenced).toEqual([]);
    expect(dueKinds(loud)).toContain('escalation:0:0');
  });

  it('silences do not hold back the breach note or the reminders', () => {
    const quiet = silenceOwner('rep-1', T0, T0 + 2 * HOUR);
    expect(dueKinds(judge({ policy: chain, silences: [quiet] }, T0 + 2 * MINUTE))).toContain('reminder:0');
    expect(dueKinds(judge({ policy: chain, silences: [quiet] }, deadline))).toContain('breach');
  });

  it('an escalation addressed to the owner of an unowned lead also goes to the manager', () => {
    const p = policy({ escalate: [escalation(0, 0, [{ kind: 'owner' }])] });
    const e = judge({ policy: p, instance: instance({ ownerId: null }) }, deadline);
    expect(e.due.find((d) => d.kind === 'escalation')?.targets).toEqual([{ kind: 'owner' }, manager]);
  });
});

describe('keys and timing', () => {
  it('the same notification has the same key whenever it is evaluated', () => {
    const early = judge({}, deadline);
    const late = judge({}, deadline + 3 * HOUR);
    const breachKey = (e: typeof early) => e.due.find((d) => d.kind === 'breach');
    expect(breachKey(late)).toEqual(breachKey(early));
  });

  it('the next look is the next reminder, then the deadline, then the first escalation', () => {
    const p = policy({ escalate: [escalation(0, 10 * MINUTE, [manager])] });
    expect(judge({ policy: p }, seenAt).nextDueAt).toBe(T0 + 2 * MINUTE);
    expect(judge({ policy: p }, T0 + 2 * MINUTE).nextDueAt).toBe(deadline);
    expect(judge({ policy: p }, deadline).nextDueAt).toBe(deadline + 10 * MINUTE);
  });

  it('without reminders, the next look is the moment a fifth of the window is left (at risk)', () => {
    const p = policy({ remind: [] });
    expect(judge({ policy: p }, seenAt).nextDueAt).toBe(T0 + 4 * MINUTE);
    expect(judge({ policy: p }, T0 + 4 * MINUTE).nextDueAt).toBe(deadline);
  });

  it('a lead contacted in time with no attempts rule is settled and needs no further look', () => {
    const e = judge({ touches: [call(T0 + MINUTE)] }, T0 + 2 * MINUTE);
    expect(e.settled).toBe(true);
    expect(e.nextDueAt).toBeNull();
  });
});
