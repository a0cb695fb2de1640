import type { Evaluation } from '../../../src/domain/evaluation.ts';
import { replay } from '../../../src/domain/reports/index.ts';
import { groupBy } from '../../../src/domain/reports/instance-record.ts';
import type { Instant } from '../../../src/domain/time.ts';
import type { Owner } from '../../../src/ports/crm-source.ts';
import { targetKey } from '../../../src/ports/notifier.ts';
import type { NewOutboxEntry, Store } from '../../../src/ports/store.ts';
import { generateHistory, type SeedHistory, type SeedOptions } from './generate-history.ts';

export interface SeedResult {
  readonly owners: readonly Owner[];
  readonly instances: number;
  readonly touches: number;
  readonly messages: number;
}

const BATCH = 1_000;

function teamOf(o: SeedOptions, owners: readonly Owner[], ownerId: string | null): string | null {
  const email = owners.find((w) => w.id === ownerId)?.email?.toLowerCase();
  return o.config.teams.find((t) => t.members.some((m) => m.toLowerCase() === email))?.name ?? null;
}

/**
 * Fills a store with a generated history as the worker would have left it: instances with their
 * final evaluation, touches, and every notification the engine would have sent (replayed under
 * `options.config`), marked sent (about 1 in 100 failed); plus acknowledgements, "not a fit"
 * feedback, a silence and an outage. For the report bench, tests and demos; deterministic per seed.
 */
export async function seedStore(store: Store, options: SeedOptions): Promise<SeedResult> {
  const h = generateHistory(options);
  const byContact = groupBy(h.touches, (t) => t.contactId);
  const acks = groupBy(h.acknowledgements, (a) => a.instanceId);
  let messages = 0;
  for (let i = 0; i < h.instances.length; i += BATCH) {
    const batch = h.instances.slice(i, i + BATCH);
    const evaluations: Evaluation[] = [];
    const outbox: NewOutboxEntry[] = [];
    for (const { instance, policy } of batch) {
      const r = replay(
        {
          instance,
          policy,
          touches: byContact.get(instance.lead.contactId) ?? [],
          acknowledgements: acks.get(instance.id) ?? [],
          silences: h.silences,
          team: teamOf(options, h.owners, instance.ownerId),
          outages: h.outages,
        },
        options.now,
      );
      evaluations.push(r.final);
      for (const n of r.notifications)
        for (const target of n.targets)
          outbox.push({
            key: `${n.key}:${targetKey(target)}`,
            instanceId: instance.id,
            kind: n.kind,
            target,
            payload: n,
            dueAt: n.dueAt,
          });
    }
    const instances = batch.map((b) => b.instance);
    await store.commitCycle({
      now: options.now,
      cursors: {},
      newInstances: instances,
      updatedInstances: [],
      closed: [],
      touches: [...new Set(instances.map((x) => x.lead.contactId))].flatMap((c) => byContact.get(c) ?? []),
      evaluations,
      outbox,
    });
    await deliver(store, outbox);
    messages += outbox.length;
  }
  await writeFeedback(store, h);
  return { owners: h.owners, instances: h.instances.length, touches: h.touches.length, messages };
}

async function deliver(store: Store, outbox: readonly NewOutboxEntry[]): Promise<void> {
  let n = 0;
  for (const e of outbox) {
    n += 1;
    const at: Instant = e.dueAt + 1_000 + (n % 5) * 500;
    if (n % 97 === 0) await store.markFailed(e.key, 'channel_not_found', at);
    else
      await store.markSent(
        e.key,
        { channel: 'D0SEED', ts: `${Math.floor(at / 1000)}.${String(n).padStart(6, '0')}` },
        null,
        at,
      );
  }
}

async function writeFeedback(store: Store, h: SeedHistory): Promise<void> {
  for (const a of h.acknowledgements) await store.acknowledge(a);
  for (const r of h.rejections) await store.reject(r);
  for (const s of h.silences) await store.addSilence(s);
  for (const o of h.outages) await store.recordOutage(o);
}
