import { describe, expect, it } from 'vitest';
import { applyOwnerChange, OWNER_CHANGE_SKEW } from '../../../src/domain/sla/owner-change.ts';
import { MINUTE, SECOND } from '../../../src/domain/time.ts';
import { ack, call, dueKinds, instance, judge, policy, rule, T0 } from './builders.ts';

/** rep-1 had the lead from the handoff; rep-2 took it over three minutes in. */
const reassigned = instance({ ownerId: 'rep-2', ownerChangedAt: T0 + 3 * MINUTE });
const restarting = policy({ restartOnOwnerChange: true });

describe('owner change', () => {
  it('without a restart the clock keeps running and the new owner gets their own handoff ping', () => {
    const e = judge({ instance: reassigned }, T0 + 3 * MINUTE);
    expect(e.clockStart).toBe(T0);
    expect(e.firstContact).toMatchObject({ state: 'pending', deadline: T0 + 5 * MINUTE });
    expect(e.due.find((d) => d.kind === 'handoff')).toMatchObject({
      key: `${e.instanceId}:handoff:rep-2`,
      dueAt: T0 + 3 * MINUTE,
    });
  });

  it('with a restart the new owner gets a fresh window from the change, under new keys', () => {
    const e = judge({ instance: reassigned, policy: restarting }, T0 + 5 * MINUTE);
    expect(e.clockStart).toBe(T0 + 3 * MINUTE);
    expect(e.firstContact).toMatchObject({ state: 'pending', deadline: T0 + 8 * MINUTE });
    const base = `${e.instanceId}:${T0 + 3 * MINUTE}`;
    expect(e.due.map((d) => d.key)).toEqual([`${base}:handoff:rep-2`, `${base}:reminder:0`]);
  });

  it('with a restart a contact made before the change does not count for the new owner', () => {
    const e = judge(
      { instance: reassigned, policy: restarting, touches: [call(T0 + MINUTE)] },
      T0 + 9 * MINUTE,
    );
    expect(e.firstContact).toMatchObject({ state: 'breached', deadline: T0 + 8 * MINUTE });
  });

  it('without a restart a contact by the previous owner before the change still counts when only the owner counts', () => {
    const ownerOnly = policy({ counts: rule({ ownerOnly: true }) });
    const byPrevious = call(T0 + MINUTE, { ownerId: 'rep-1' });
    expect(
      judge({ instance: reassigned, policy: ownerOnly, touches: [byPrevious] }, T0 + 6 * MINUTE).firstContact,
    ).toMatchObject({ state: 'met' });
  });

  it('after the change, only the new owner’s touches count when only the owner counts', () => {
    const ownerOnly = policy({ counts: rule({ ownerOnly: true }) });
    const byPrevious = call(T0 + 4 * MINUTE, { ownerId: 'rep-1' });
    expect(
      judge({ instance: reassigned, policy: ownerOnly, touches: [byPrevious] }, T0 + 6 * MINUTE).firstContact,
    ).toMatchObject({ state: 'breached' });
  });

  it('an acknowledgement by the previous owner does not silence the new owner’s reminders', () => {
    const e = judge(
      { instance: reassigned, policy: restarting, acknowledgements: [ack(reassigned, T0 + MINUTE, 'rep-1')] },
      T0 + 5 * MINUTE,
    );
    expect(e.acknowledged).toBeNull();
    expect(dueKinds(e).some((k) => k.endsWith('reminder:0'))).toBe(true);
  });

  it('a lead that entered unowned and got its owner later restarts its clock at the assignment when the clock follows the owner', () => {
    const assignedLater = instance({ ownerId: 'rep-1', ownerAssignedAt: T0 + 10 * MINUTE });
    const p = policy({ clockStart: 'owner_assigned' });
    const e = judge({ instance: assignedLater, policy: p }, T0 + 10 * MINUTE);
    expect(e.clockStart).toBe(T0 + 10 * MINUTE);
    expect(dueKinds(e)).toEqual([`${T0 + 10 * MINUTE}:handoff:rep-1`]);
  });
});

describe('applyOwnerChange', () => {
  it('applies a change to another owner, recording when', () => {
    expect(applyOwnerChange(reassigned, 'rep-3', T0 + 4 * MINUTE)).toMatchObject({
      ownerId: 'rep-3',
      ownerChangedAt: T0 + 4 * MINUTE,
    });
  });

  it('ignores a change dated before the last owner change: a stale read does not undo a newer change', () => {
    // rep-2 has had it since 3 minutes in; a read of a record that still says rep-1 (dated by its
    // assignment at the handoff, or well before the change) is older news.
    expect(applyOwnerChange(reassigned, 'rep-1', T0)).toBe(reassigned);
    expect(applyOwnerChange(reassigned, 'rep-1', T0 + 3 * MINUTE - OWNER_CHANGE_SKEW - 1)).toBe(reassigned);
    expect(applyOwnerChange(reassigned, null, T0 + 2 * MINUTE)).toBe(reassigned);
  });

  it('applies a current read (the record read by id) whatever its date, the change time not going back', () => {
    // Another integration moved the lead through the API after sla-bot's change; HubSpot still dates
    // the owner by the first assignment. The read-back sees the owner now: it is news.
    expect(applyOwnerChange(reassigned, 'rep-3', T0, true)).toMatchObject({
      ownerId: 'rep-3',
      ownerChangedAt: T0 + 3 * MINUTE,
    });
  });

  it('applies a change dated just before the last one: HubSpot’s clock and our answer time differ', () => {
    // Our reassignment is dated when HubSpot's answer arrived; a person who moved the lead right after
    // it gets HubSpot's (earlier) time. Their change is news, not a stale read.
    // The new window starts no earlier than the change before it (the clock never runs backwards).
    expect(applyOwnerChange(reassigned, 'rep-1', T0 + 3 * MINUTE - 2 * SECOND)).toMatchObject({
      ownerId: 'rep-1',
      ownerChangedAt: T0 + 3 * MINUTE,
    });
  });

  it('applies a change dated at or after the last owner change', () => {
    expect(applyOwnerChange(reassigned, 'rep-1', T0 + 3 * MINUTE)).toMatchObject({
      ownerId: 'rep-1',
      ownerChangedAt: T0 + 3 * MINUTE,
    });
    expect(applyOwnerChange(reassigned, null, T0 + 5 * MINUTE)).toMatchObject({
      ownerId: null,
      ownerChangedAt: T0 + 3 * MINUTE,
    });
  });

  it('without an earlier change, only the entry bounds it', () => {
    const first = instance();
    expect(applyOwnerChange(first, 'rep-2', T0 - 1)).toBe(first);
    expect(applyOwnerChange(first, 'rep-2', T0)).toMatchObject({ ownerId: 'rep-2', ownerChangedAt: T0 });
  });
});
