import { describe, expect, it } from 'vitest';
import type { FirstContactVerdict } from '../../../src/domain/evaluation.ts';
import type { SlaInstance } from '../../../src/domain/model.ts';
import type { EscalationLevel } from '../../../src/domain/policy.ts';
import { escalationReassignKey, type Reassignment } from '../../../src/domain/reassign/reassignment.ts';
import { reassignmentDue } from '../../../src/domain/reassign/reassignment-due.ts';
import { MINUTE } from '../../../src/domain/time.ts';
import { slaInstance } from '../../store/builders.ts';

const instance: SlaInstance = slaInstance(1, { ownerId: '101' });
const DEADLINE = instance.enteredAt + 5 * MINUTE;
const breached = (
  over: Partial<Extract<FirstContactVerdict, { state: 'breached' }>> = {},
): FirstContactVerdict => ({
  state: 'breached',
  deadline: DEADLINE,
  lateBy: MINUTE,
  contactedAt: null,
  excused: false,
  ...over,
});
const level: EscalationLevel = {
  level: 1,
  after: 10 * MINUTE,
  notify: [{ kind: 'manager' }],
  repeat: null,
  reassign: { to: { kind: 'round_robin' }, max: 1 },
};
const AT = DEADLINE + 10 * MINUTE;
const done = (over: Partial<Reassignment> = {}): Reassignment => ({
  key: escalationReassignKey(instance.id, DEADLINE, 1),
  instanceId: instance.id,
  deadline: DEADLINE,
  kind: 'escalation',
  level: 1,
  fromOwnerId: '101',
  toOwnerId: '102',
  toEmail: 'eva@example.com',
  waited: 6 * MINUTE,
  skipped: [],
  at: AT,
  state: 'written',
  ...over,
});

describe('reassignmentDue: when an escalation level moves the lead', () => {
  it('a breached, unexcused, uncontacted lead once its level’s moment came', () => {
    expect(reassignmentDue(instance, breached(), level, [], AT)).toEqual({ due: true, deadline: DEADLINE });
  });

  it.each([
    [
      'a level without reassign',
      instance,
      breached(),
      { ...level, reassign: null },
      [],
      AT,
      'not_reassigning',
    ],
    ['before deadline + after', instance, breached(), level, [], AT - 1, 'not_yet'],
    [
      'a closed lead',
      { ...instance, closedAt: AT, closeReason: 'progressed' as const },
      breached(),
      level,
      [],
      AT,
      'closed',
    ],
    ['an excused breach', instance, breached({ excused: true }), level, [], AT, 'excused'],
    ['a late contact', instance, breached({ contactedAt: AT - MINUTE }), level, [], AT, 'contacted'],
    [
      'met',
      instance,
      { state: 'met', deadline: DEADLINE, at: DEADLINE - 1, touchId: 'call:1', took: 1 } as const,
      level,
      [],
      AT,
      'not_breached',
    ],
    [
      'one already for this deadline (any level)',
      instance,
      breached(),
      level,
      [done({ level: 0 })],
      AT,
      'already_for_deadline',
    ],
    [
      'a claim for this deadline',
      instance,
      breached(),
      level,
      [done({ kind: 'claim', level: null })],
      AT,
      'already_for_deadline',
    ],
  ] as const)('not for %s', (_what, i, verdict, l, records, now, why) => {
    expect(reassignmentDue(i, verdict, l, records, now)).toEqual({ due: false, why });
  });

  it('at most max per instance: an earlier deadline’s reassignment counts', () => {
    const earlier = done({ deadline: DEADLINE - 60 * MINUTE, key: 'k-earlier' });
    expect(reassignmentDue(instance, breached(), level, [earlier], AT)).toEqual({
      due: false,
      why: 'max_reached',
    });
    const failed = { ...earlier, state: 'failed' as const };
    expect(reassignmentDue(instance, breached(), level, [failed], AT)).toEqual({
      due: true,
      deadline: DEADLINE,
    });
  });

  it('a person changed the owner after the breach: left alone', () => {
    const moved = { ...instance, ownerId: '105', ownerChangedAt: DEADLINE + MINUTE };
    expect(reassignmentDue(moved, breached(), level, [], AT)).toEqual({
      due: false,
      why: 'owner_changed_by_a_person',
    });
    // An owner change before the breach is the new owner's lead: their breach may be reassigned.
    const before = { ...instance, ownerId: '105', ownerChangedAt: DEADLINE - MINUTE };
    expect(reassignmentDue(before, breached(), level, [], AT)).toEqual({ due: true, deadline: DEADLINE });
  });
});
