import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, SECOND } from '../../../src/domain/time.ts';
import { call, email, instance, judge, meeting, outage, policy, rule, T0 } from './builders.ts';

describe('first contact', () => {
  it('a lead called two minutes after the handoff meets the SLA, took two minutes', () => {
    const c = call(T0 + 2 * MINUTE);
    const e = judge({ touches: [c] }, T0 + 3 * MINUTE);
    expect(e.firstContact).toEqual({
      state: 'met',
      deadline: T0 + 5 * MINUTE,
      at: c.at,
      touchId: c.id,
      took: 2 * MINUTE,
      contact: 'reached',
    });
  });

  it('a lead nobody contacted yet is pending with the business time left, not at risk before the first reminder', () => {
    const e = judge({}, T0 + 1 * MINUTE);
    expect(e.firstContact).toEqual({
      state: 'pending',
      deadline: T0 + 5 * MINUTE,
      atRisk: false,
      left: 4 * MINUTE,
    });
  });

  it('a pending lead is at risk once the first reminder moment has passed', () => {
    const e = judge({}, T0 + 2 * MINUTE);
    expect(e.firstContact).toMatchObject({ state: 'pending', atRisk: true, left: 3 * MINUTE });
  });

  it('a pending lead without reminders is at risk when a fifth of the window is left', () => {
    const p = policy({ remind: [] });
    expect(judge({ policy: p }, T0 + 4 * MINUTE - 1).firstContact).toMatchObject({ atRisk: false });
    expect(judge({ policy: p }, T0 + 4 * MINUTE).firstContact).toMatchObject({
      atRisk: true,
      left: 1 * MINUTE,
    });
  });

  it('a lead still uncontacted after the deadline is breached by the wall-clock time since the deadline', () => {
    const e = judge({}, T0 + 12 * MINUTE);
    expect(e.firstContact).toEqual({
      state: 'breached',
      deadline: T0 + 5 * MINUTE,
      lateBy: 7 * MINUTE,
      contactedAt: null,
      contact: null,
      excused: false,
    });
  });

  it('a contact after the deadline leaves it breached, late by the contact, and the lateness stops growing', () => {
    const late = call(T0 + 9 * MINUTE);
    const e = judge({ touches: [late] }, T0 + 3 * HOUR);
    expect(e.firstContact).toMatchObject({ state: 'breached', lateBy: 4 * MINUTE, contactedAt: late.at });
  });

  it('a contact exactly at the deadline meets the SLA', () => {
    const e = judge({ touches: [call(T0 + 5 * MINUTE)] }, T0 + 10 * MINUTE);
    expect(e.firstContact).toMatchObject({ state: 'met', took: 5 * MINUTE });
  });

  it('a call logged late with an earlier timestamp turns an announced breach into met', () => {
    const atBreach = judge({}, T0 + 6 * MINUTE);
    expect(atBreach.firstContact.state).toBe('breached');
    const backDated = call(T0 + 4 * MINUTE);
    const later = judge({ touches: [backDated] }, T0 + 20 * MINUTE);
    expect(later.firstContact).toMatchObject({ state: 'met', at: backDated.at });
    expect(later.due.map((d) => d.kind)).not.toContain('breach');
  });

  it('the earliest counting touch is the contact, whatever order the touches come in', () => {
    const first = email(T0 + 1 * MINUTE);
    const e = judge({ touches: [call(T0 + 3 * MINUTE), first, call(T0 + 2 * MINUTE)] }, T0 + 4 * MINUTE);
    expect(e.firstContact).toMatchObject({ state: 'met', touchId: first.id });
  });

  it('a touch dated before the handoff is ignored unless the rule includes touches before the handoff', () => {
    const before = call(T0 - 10 * MINUTE);
    expect(judge({ touches: [before] }, T0 + 1 * MINUTE).firstContact.state).toBe('pending');
    const including = policy({ counts: rule({ includeBeforeHandoff: true }) });
    expect(judge({ policy: including, touches: [before] }, T0 + 1 * MINUTE).firstContact).toMatchObject({
      state: 'met',
      took: 0,
    });
  });

  it('a call by another user does not count when only the owner counts, and counts otherwise', () => {
    const byColleague = call(T0 + 1 * MINUTE, { ownerId: 'rep-2' });
    const ownerOnly = policy({ counts: rule({ ownerOnly: true }) });
    expect(judge({ policy: ownerOnly, touches: [byColleague] }, T0 + 2 * MINUTE).firstContact.state).toBe(
      'pending',
    );
    expect(judge({ touches: [byColleague] }, T0 + 2 * MINUTE).firstContact.state).toBe('met');
  });

  it('an inbound call does not count when only outbound touches do; a call without a direction does', () => {
    const outboundOnly = policy({ counts: rule({ outboundOnly: true }) });
    const inbound = call(T0 + 1 * MINUTE, { direction: 'inbound' });
    expect(judge({ policy: outboundOnly, touches: [inbound] }, T0 + 2 * MINUTE).firstContact.state).toBe(
      'pending',
    );
    const unknown = call(T0 + 1 * MINUTE, { direction: null });
    expect(judge({ policy: outboundOnly, touches: [unknown] }, T0 + 2 * MINUTE).firstContact.state).toBe(
      'met',
    );
  });

  it('call outcomes match case-insensitively and other outcomes do not count', () => {
    const connectedOnly = policy({ counts: rule({ callOutcomes: ['CONNECTED'] }) });
    const voicemail = call(T0 + 1 * MINUTE, { outcome: 'Left voicemail' });
    const connected = call(T0 + 3 * MINUTE, { outcome: 'connected' });
    const e = judge({ policy: connectedOnly, touches: [voicemail, connected] }, T0 + 4 * MINUTE);
    expect(e.firstContact).toMatchObject({ state: 'met', touchId: connected.id });
  });

  it('a call without an outcome does not count when outcomes are restricted, but an e-mail still does', () => {
    const connectedOnly = policy({ counts: rule({ callOutcomes: ['Connected'] }) });
    const bare = call(T0 + 1 * MINUTE, { outcome: null });
    expect(judge({ policy: connectedOnly, touches: [bare] }, T0 + 2 * MINUTE).firstContact.state).toBe(
      'pending',
    );
    const mail = email(T0 + 2 * MINUTE);
    expect(judge({ policy: connectedOnly, touches: [bare, mail] }, T0 + 3 * MINUTE).firstContact.state).toBe(
      'met',
    );
  });

  it.each([
    ['a connected call', call(T0 + MINUTE, { outcome: 'CONNECTED' }), 'reached'],
    ['a call nobody answered', call(T0 + MINUTE, { outcome: 'No answer', status: 'NO_ANSWER' }), 'attempt'],
    ['a voicemail', call(T0 + MINUTE, { outcome: 'Left voicemail' }), 'attempt'],
    ['a call logged without an outcome', call(T0 + MINUTE, { outcome: null }), 'attempt'],
    ["a call with a portal's own outcome", call(T0 + MINUTE, { outcome: 'Interested' }), 'attempt'],
    ['an e-mail', email(T0 + MINUTE), 'reached'],
    ['a meeting', meeting(T0 + MINUTE), 'reached'],
  ] as const)('first contact by %s, when any call counts, is told as %s (met or late)', (_, touch, kind) => {
    const met = judge({ touches: [touch] }, T0 + 2 * MINUTE).firstContact;
    expect(met).toMatchObject({ state: 'met', touchId: touch.id, contact: kind });
    const late = { ...touch, at: T0 + 7 * MINUTE };
    const breached = judge({ touches: [late] }, T0 + 8 * MINUTE).firstContact;
    expect(breached).toMatchObject({ state: 'breached', contactedAt: late.at, contact: kind });
  });

  it('a touch of a kind the rule does not list does not count', () => {
    const callsOnly = policy({ counts: rule({ kinds: ['call'] }) });
    expect(
      judge({ policy: callsOnly, touches: [email(T0 + MINUTE)] }, T0 + 2 * MINUTE).firstContact.state,
    ).toBe('pending');
  });

  it('a queued or cancelled call and a cancelled meeting are not contact', () => {
    const touches = [
      call(T0 + 1 * MINUTE, { status: 'QUEUED' }),
      call(T0 + 2 * MINUTE, { status: 'CANCELED' }),
      meeting(T0 + 3 * MINUTE, { outcome: 'CANCELED' }),
    ];
    expect(judge({ touches }, T0 + 4 * MINUTE).firstContact.state).toBe('pending');
  });

  it('a touch on another contact does not count for this lead', () => {
    expect(
      judge({ touches: [call(T0 + MINUTE, { contactId: '999' })] }, T0 + 2 * MINUTE).firstContact.state,
    ).toBe('pending');
  });

  it('a meeting booked for later counts only once it happens, and the next look is then', () => {
    const booked = meeting(T0 + 3 * MINUTE);
    const before = judge({ touches: [booked], policy: policy({ remind: [] }) }, T0 + 1 * MINUTE);
    expect(before.firstContact.state).toBe('pending');
    expect(before.nextDueAt).toBe(booked.at);
    expect(judge({ touches: [booked] }, booked.at).firstContact.state).toBe('met');
  });

  it('a breach whose deadline falls inside a HubSpot outage is excused', () => {
    const down = outage('hubspot', T0 + 4 * MINUTE, T0 + 30 * MINUTE);
    expect(judge({ outages: [down] }, T0 + 10 * MINUTE).firstContact).toMatchObject({
      state: 'breached',
      excused: true,
    });
  });

  it('an outage that ended before the deadline does not excuse the breach', () => {
    const down = outage('slack', T0 - HOUR, T0 + 5 * MINUTE);
    expect(judge({ outages: [down] }, T0 + 10 * MINUTE).firstContact).toMatchObject({
      state: 'breached',
      excused: false,
    });
  });

  it('a breach is excused when the bot first saw the handoff only after the deadline', () => {
    const seenLate = instance({ firstSeenAt: T0 + 8 * MINUTE });
    expect(judge({ instance: seenLate }, T0 + 10 * MINUTE).firstContact).toMatchObject({ excused: true });
  });
});

describe('system delay and rep delay', () => {
  it('keeps the delay before the bot saw the lead apart from the delay of the rep after that', () => {
    const seen = instance({ firstSeenAt: T0 + 40 * SECOND });
    const e = judge({ instance: seen, touches: [call(T0 + 3 * MINUTE)] }, T0 + 4 * MINUTE);
    expect(e.systemDelay).toBe(40 * SECOND);
    expect(e.repDelay).toBe(3 * MINUTE - 40 * SECOND);
  });

  it('the rep delay is unknown while the lead is not contacted', () => {
    expect(judge({}, T0 + 2 * MINUTE).repDelay).toBeNull();
  });

  it('a rep who called before the bot saw the lead has no rep delay', () => {
    const seen = instance({ firstSeenAt: T0 + 2 * MINUTE });
    expect(judge({ instance: seen, touches: [call(T0 + 1 * MINUTE)] }, T0 + 3 * MINUTE).repDelay).toBe(0);
  });
});

describe('clock start', () => {
  it('starts at owner assignment when the policy says so and the owner came after the stage', () => {
    const p = policy({ clockStart: 'owner_assigned' });
    const i = instance({ ownerAssignedAt: T0 + 10 * MINUTE });
    const e = judge({ policy: p, instance: i }, T0 + 12 * MINUTE);
    expect(e.clockStart).toBe(T0 + 10 * MINUTE);
    expect(e.firstContact).toMatchObject({ state: 'pending', deadline: T0 + 15 * MINUTE });
  });

  it('starts at the stage entry when the owner was assigned before the handoff', () => {
    const p = policy({ clockStart: 'owner_assigned' });
    const i = instance({ ownerAssignedAt: T0 - 3 * HOUR });
    expect(judge({ policy: p, instance: i }, T0 + MINUTE).clockStart).toBe(T0);
  });

  it('starts at the stage entry by default even when the owner came later', () => {
    const i = instance({ ownerAssignedAt: T0 + 10 * MINUTE });
    expect(judge({ instance: i }, T0 + 12 * MINUTE).firstContact).toMatchObject({ state: 'breached' });
  });

  it('keeps running for a lead without an owner, and its handoff ping goes to the owner fallback and the manager', () => {
    const unowned = instance({ ownerId: null });
    const e = judge({ instance: unowned }, T0 + 1 * MINUTE);
    expect(e.clockStart).toBe(T0);
    expect(e.due).toHaveLength(1);
    expect(e.due[0]?.targets).toEqual([{ kind: 'owner' }, { kind: 'manager' }]);
    expect(judge({ instance: unowned }, T0 + 6 * MINUTE).firstContact.state).toBe('breached');
  });
});

describe('a closed instance', () => {
  it('is judged as it stood when it closed, has nothing due and is settled', () => {
    const closed = instance({ closedAt: T0 + 3 * MINUTE, closeReason: 'progressed' });
    const e = judge({ instance: closed }, T0 + 2 * HOUR);
    expect(e.firstContact).toMatchObject({ state: 'pending', left: 2 * MINUTE });
    expect(e.due).toEqual([]);
    expect(e.nextDueAt).toBeNull();
    expect(e.settled).toBe(true);
  });
});
