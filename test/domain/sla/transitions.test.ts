import { describe, expect, it } from 'vitest';
import type { LeadChange } from '../../../src/domain/model.ts';
import { instanceId } from '../../../src/domain/model.ts';
import { applyLeadEvents, type LeadEvents } from '../../../src/domain/sla/transitions.ts';
import { HOUR, MINUTE } from '../../../src/domain/time.ts';
import { handoff, instance, lead, policy, T0 } from './builders.ts';

const stages = [
  { key: 'mql', order: 0 },
  { key: 'sal', order: 1 },
  { key: 'sql', order: 2 },
];
const policies = [
  policy({ name: 'mql', stage: 'mql' }),
  policy({ name: 'sal', stage: 'sal' }),
  policy({ name: 'sql', stage: 'sql' }),
];
const NOW = T0 + HOUR;

const apply = (e: Partial<LeadEvents>) =>
  applyLeadEvents({ open: [], handoffs: [], changes: [], stages, policies, now: NOW, ...e });

const ownerChanged = (ownerId: string | null, at: number): LeadChange => ({
  kind: 'owner_changed',
  objectType: 'contact',
  objectId: '101',
  ownerId,
  at,
});

describe('applyLeadEvents', () => {
  it('a handoff opens an instance under the matching policy, first seen now', () => {
    const h = handoff({ stage: 'sal' });
    const r = apply({ handoffs: [h] });
    expect(r.opened).toEqual([
      {
        id: instanceId(h),
        lead: h.lead,
        stage: 'sal',
        policyName: 'sal',
        enteredAt: T0,
        ownerId: 'rep-1',
        ownerAssignedAt: null,
        firstSeenAt: NOW,
        closedAt: null,
        closeReason: null,
      },
    ]);
    expect(r.closed).toEqual([]);
  });

  it('a handoff seen again (poll overlap) opens nothing', () => {
    const open = instance({ stage: 'sql' });
    const r = apply({ open: [open], handoffs: [handoff({ stage: 'sql' }), handoff({ stage: 'sql' })] });
    expect(r).toEqual({ opened: [], updated: [], closed: [], unmatched: [] });
  });

  it('a handoff no policy covers is reported unmatched, and so is an unconfigured stage', () => {
    const segmented = [policy({ stage: 'sql', segment: { property: 'country', equals: 'DE' } })];
    const h = handoff();
    const odd = handoff({ stage: 'opportunity' });
    const r = applyLeadEvents({
      open: [],
      handoffs: [h, odd],
      changes: [],
      stages,
      policies: segmented,
      now: NOW,
    });
    expect(r.unmatched).toEqual([
      { handoff: h, reason: 'no_policy' },
      { handoff: odd, reason: 'unknown_stage' },
    ]);
    expect(r.opened).toEqual([]);
  });

  it('entering a later stage closes the open instance of the earlier stage as progressed', () => {
    const mql = instance({ stage: 'mql', enteredAt: T0 - HOUR });
    const r = apply({ open: [mql], handoffs: [handoff({ stage: 'sal', enteredAt: T0 })] });
    expect(r.closed).toEqual([{ instanceId: mql.id, at: T0, reason: 'progressed' }]);
    expect(r.opened.map((i) => i.stage)).toEqual(['sal']);
  });

  it('a lead that skips a stage just opens the later one', () => {
    const mql = instance({ stage: 'mql', enteredAt: T0 - HOUR });
    const r = apply({ open: [mql], handoffs: [handoff({ stage: 'sql', enteredAt: T0 })] });
    expect(r.opened.map((i) => i.stage)).toEqual(['sql']);
    expect(r.closed).toEqual([{ instanceId: mql.id, at: T0, reason: 'progressed' }]);
  });

  it('an older handoff into an earlier stage, seen after the later one, is history and opens nothing', () => {
    const sql = instance({ stage: 'sql', enteredAt: T0 });
    const old = handoff({ stage: 'mql', enteredAt: T0 - HOUR });
    const r = apply({ open: [sql], handoffs: [old] });
    expect(r.unmatched).toEqual([{ handoff: old, reason: 'superseded' }]);
    expect(r.closed).toEqual([]);
  });

  it('a lead moved back to an earlier stage closes the later stage as regressed and opens the earlier one', () => {
    const sql = instance({ stage: 'sql', enteredAt: T0 });
    const back = handoff({ stage: 'mql', enteredAt: T0 + 30 * MINUTE });
    const r = apply({ open: [sql], handoffs: [back] });
    expect(r.closed).toEqual([{ instanceId: sql.id, at: back.enteredAt, reason: 'regressed' }]);
    expect(r.opened.map((i) => i.stage)).toEqual(['mql']);
  });

  it('a lead re-entering the same stage closes the old instance as recycled and opens a new clock', () => {
    const old = instance({ stage: 'sql', enteredAt: T0 - 2 * HOUR });
    const again = handoff({ stage: 'sql', enteredAt: T0 });
    const r = apply({ open: [old], handoffs: [again] });
    expect(r.closed).toEqual([{ instanceId: old.id, at: T0, reason: 'recycled' }]);
    expect(r.opened.map((i) => i.id)).toEqual([instanceId(again)]);
  });

  it('a batch with the whole funnel at once keeps only the latest stage open', () => {
    const r = apply({
      handoffs: [
        handoff({ stage: 'sql', enteredAt: T0 + 2 * MINUTE }),
        handoff({ stage: 'mql', enteredAt: T0 }),
        handoff({ stage: 'sal', enteredAt: T0 + MINUTE }),
      ],
    });
    expect(r.opened.map((i) => [i.stage, i.closeReason])).toEqual([
      ['mql', 'progressed'],
      ['sal', 'progressed'],
      ['sql', null],
    ]);
    expect(r.closed.map((c) => c.reason)).toEqual(['progressed', 'progressed']);
  });

  it('a lead recycled to nurture closes its open instance as recycled', () => {
    const sql = instance();
    const change: LeadChange = {
      kind: 'left_funnel',
      objectType: 'contact',
      objectId: '101',
      toStage: 'lead',
      at: T0 + HOUR,
    };
    expect(apply({ open: [sql], changes: [change] }).closed).toEqual([
      { instanceId: sql.id, at: T0 + HOUR, reason: 'recycled' },
    ]);
  });

  it('leaving the funnel dated before the stage was entered does not close the instance', () => {
    const sql = instance();
    const stale: LeadChange = {
      kind: 'left_funnel',
      objectType: 'contact',
      objectId: '101',
      toStage: 'lead',
      at: T0 - HOUR,
    };
    expect(apply({ open: [sql], changes: [stale] }).closed).toEqual([]);
  });

  it('a deleted or merged lead closes its open instance as deleted (what it was merged into kept); other leads are untouched', () => {
    const mine = instance();
    const other = instance({ lead: lead({ objectId: '202', contactId: '202' }) });
    const gone: LeadChange = {
      kind: 'deleted',
      objectType: 'contact',
      objectId: '101',
      mergedInto: '303',
      at: T0 + HOUR,
    };
    expect(apply({ open: [mine, other], changes: [gone] }).closed).toEqual([
      { instanceId: mine.id, at: T0 + HOUR, reason: 'deleted', detail: '303' },
    ]);
    expect(apply({ open: [mine], changes: [{ ...gone, mergedInto: null }] }).closed).toEqual([
      { instanceId: mine.id, at: T0 + HOUR, reason: 'deleted' },
    ]);
  });

  it('an owner change moves the instance to the new owner and records when', () => {
    const sql = instance({ ownerAssignedAt: T0 - HOUR });
    const r = apply({ open: [sql], changes: [ownerChanged('rep-2', T0 + 3 * MINUTE)] });
    expect(r.updated).toEqual([{ ...sql, ownerId: 'rep-2', ownerChangedAt: T0 + 3 * MINUTE }]);
  });

  it('the first owner of a lead that entered unowned is an assignment, not a change', () => {
    const unowned = instance({ ownerId: null });
    const r = apply({ open: [unowned], changes: [ownerChanged('rep-1', T0 + 2 * MINUTE)] });
    expect(r.updated).toEqual([{ ...unowned, ownerId: 'rep-1', ownerAssignedAt: T0 + 2 * MINUTE }]);
  });

  it('an owner change to the same owner, or dated before the handoff, changes nothing', () => {
    const sql = instance();
    const r = apply({
      open: [sql],
      changes: [ownerChanged('rep-1', T0 + MINUTE), ownerChanged('rep-9', T0 - MINUTE)],
    });
    expect(r.updated).toEqual([]);
  });

  it('a handoff and an owner change in the same poll open the instance with the new owner', () => {
    const r = apply({ handoffs: [handoff()], changes: [ownerChanged('rep-2', T0 + MINUTE)] });
    expect(r.opened[0]).toMatchObject({ ownerId: 'rep-2', ownerChangedAt: T0 + MINUTE });
    expect(r.updated).toEqual([]);
  });
});
