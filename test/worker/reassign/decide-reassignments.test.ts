import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../src/domain/evaluation.ts';
import type { SlaInstance } from '../../../src/domain/model.ts';
import { MINUTE } from '../../../src/domain/time.ts';
import { createLogger } from '../../../src/log/logger.ts';
import type { Owner } from '../../../src/ports/crm-source.ts';
import type { Store } from '../../../src/ports/store.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { decideReassignments } from '../../../src/worker/reassign/decide-reassignments.ts';
import { FakeStore } from '../../fakes/fake-store.ts';
import { alwaysOpen, testConfig, testPolicy } from '../../fakes/sla-fixtures.ts';
import { pendingEvaluation, slaInstance, T0 } from '../../store/builders.ts';

const logger = createLogger('silent');
const policy = testPolicy({
  escalate: [
    { level: 0, after: 0, notify: [{ kind: 'manager' }], repeat: null },
    {
      level: 1,
      after: 10 * MINUTE,
      notify: [{ kind: 'manager' }],
      repeat: null,
      reassign: { to: { kind: 'round_robin' }, max: 1 },
    },
  ],
});
const config = testConfig({
  policies: [policy],
  teams: [
    {
      name: 'benelux',
      manager: 'anna@example.com',
      members: ['bram@example.com', 'eva@example.com', 'jan@example.com', 'lotte@example.com'],
      channel: '#sales',
    },
  ],
  calendars: new Map([['24x7', alwaysOpen]]),
});
const owner = (id: string, email: string, active = true): Owner => ({
  id,
  email,
  firstName: email.split('@')[0] ?? null,
  lastName: null,
  userId: null,
  active,
});
const owners = [
  owner('1', 'bram@example.com'),
  owner('2', 'eva@example.com'),
  owner('3', 'jan@example.com'),
  owner('4', 'lotte@example.com'),
];
const reachable = new Set(owners.map((o) => o.email ?? ''));

/** Bram's lead n, breached 5 minutes after entry, uncontacted. */
const breachedLead = (n: number): { instance: SlaInstance; evaluation: Evaluation } => {
  const instance = slaInstance(n, { ownerId: '1', policyName: policy.name });
  const deadline = instance.enteredAt + 5 * MINUTE;
  return {
    instance,
    evaluation: {
      ...pendingEvaluation(instance),
      firstContact: { state: 'breached', deadline, lateBy: 20 * MINUTE, contactedAt: null, excused: false },
    },
  };
};
const LATER = T0 + 60 * MINUTE;

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** A SQLite file; `reopen` is a restart (a new process on the same file). */
async function sqlite(): Promise<{ store: Store; reopen(): Promise<Store> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sla-bot-reassign-'));
  const url = `file:${join(dir, 'sla-bot.sqlite')}`;
  const opened: Store[] = [await openStore(url, { logger })];
  cleanup = async () => {
    for (const s of opened) await s.close();
    await rm(dir, { recursive: true, force: true });
  };
  return {
    store: opened[0] as Store,
    reopen: async () => {
      await opened[0]?.close();
      const next = await openStore(url, { logger });
      opened.splice(0, opened.length, next);
      return next;
    },
  };
}

const run = (store: Store, judged: ReturnType<typeof breachedLead>[], now = LATER, who = owners) =>
  decideReassignments({ store, config, logger }, { judged, owners: who, reachable, now });

describe('the reassignment stage decides and records (issue 18)', () => {
  it('round-robin order is deterministic and continues after a restart', async () => {
    const db = await sqlite();
    const first = await run(db.store, [breachedLead(2), breachedLead(1)]);
    expect(first.recorded.map((r) => [r.instanceId, r.toEmail])).toEqual([
      [slaInstance(1).id, 'eva@example.com'],
      [slaInstance(2).id, 'jan@example.com'],
    ]);
    const restarted = await db.reopen();
    const next = await run(restarted, [breachedLead(3)]);
    expect(next.recorded.map((r) => r.toEmail)).toEqual(['lotte@example.com']);
    expect(await restarted.roundRobinPositions()).toEqual(new Map([['benelux', 'lotte@example.com']]));
  });

  it('never two reassignments for one deadline, also after a restart', async () => {
    const db = await sqlite();
    expect((await run(db.store, [breachedLead(1)])).recorded).toHaveLength(1);
    expect((await run(db.store, [breachedLead(1)], LATER + MINUTE)).recorded).toEqual([]);
    const restarted = await db.reopen();
    expect((await run(restarted, [breachedLead(1)], LATER + 2 * MINUTE)).recorded).toEqual([]);
    expect(await restarted.reassignmentsOf([slaInstance(1).id])).toHaveLength(1);
    // The position moved once only.
    expect(await restarted.roundRobinPositions()).toEqual(new Map([['benelux', 'eva@example.com']]));
  });

  it('two replicas deciding at once: one reassignment, and the position moves once per lead', async () => {
    const store = new FakeStore();
    const [a, b] = await Promise.all([run(store, [breachedLead(1)]), run(store, [breachedLead(1)])]);
    expect([...a.recorded, ...b.recorded]).toHaveLength(1);
    expect(await store.roundRobinPositions()).toEqual(new Map([['benelux', 'eva@example.com']]));
  });

  it('skips the deactivated rep and records why', async () => {
    const store = new FakeStore();
    const who = owners.map((o) => (o.id === '2' ? { ...o, active: false } : o));
    const { recorded } = await run(store, [breachedLead(1)], LATER, who);
    expect(recorded[0]).toMatchObject({
      toEmail: 'jan@example.com',
      toOwnerId: '3',
      fromOwnerId: '1',
      state: 'pending',
      skipped: [
        { email: 'bram@example.com', why: 'current_owner' },
        { email: 'eva@example.com', why: 'deactivated' },
      ],
    });
  });

  it('leaves a lead a person reassigned in HubSpot after the breach alone', async () => {
    const store = new FakeStore();
    const lead = breachedLead(1);
    const moved = {
      ...lead,
      instance: {
        ...lead.instance,
        ownerId: '4',
        ownerChangedAt: lead.evaluation.firstContact.deadline + MINUTE,
      },
    };
    expect((await run(store, [moved])).recorded).toEqual([]);
    expect(await store.roundRobinPositions()).toEqual(new Map());
  });

  it('does nothing before the level’s moment, nor for a level without reassign', async () => {
    const store = new FakeStore();
    const lead = breachedLead(1);
    const deadline = lead.evaluation.firstContact.deadline;
    expect((await run(store, [lead], deadline + 10 * MINUTE - 1)).recorded).toEqual([]);
    expect((await run(store, [lead], deadline + 10 * MINUTE)).recorded).toHaveLength(1);
  });

  it('nobody eligible is reported, and moves nothing', async () => {
    const store = new FakeStore();
    const { recorded, nobody } = await run(store, [breachedLead(1)], LATER, [owners[0] as Owner]);
    expect(recorded).toEqual([]);
    expect(nobody[0]?.decision).toMatchObject({ kind: 'nobody', why: 'nobody_eligible' });
    expect(await store.roundRobinPositions()).toEqual(new Map());
  });
});
