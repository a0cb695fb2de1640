import { DatabaseSync } from 'node:sqlite';
import type { SlaConfig } from '../../src/config/types.ts';
import type { Evaluation } from '../../src/domain/evaluation.ts';
import type { Handoff, SlaInstance, Touch } from '../../src/domain/model.ts';
import { applyLeadEvents } from '../../src/domain/sla/index.ts';
import { HOUR, type Instant, MINUTE, SECOND } from '../../src/domain/time.ts';
import { snapshotProperties, toLeadSnapshot } from '../../src/hubspot/lead-snapshot.ts';
import { dateEntered } from '../../src/hubspot/poll-context.ts';
import type { Logger } from '../../src/log/logger.ts';
import type { NewOutboxEntry } from '../../src/ports/store.ts';
import type { GeneratedContact, HubSpotSandbox, SlackSandbox } from '../../src/sandbox/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import { outboxEntries } from '../../src/worker/judge/evaluate-open.ts';
import { policyFor } from '../../src/worker/shared/teams.ts';
import { slaEngine } from '../../src/worker/sla-engine.ts';
import { random } from './random.ts';

const BATCH = 2_000;
const STAGE_KEY: Readonly<Record<string, string>> = {
  salesqualifiedlead: 'sql',
  marketingqualifiedlead: 'mql',
};
const OUTCOMES = ['Connected', 'No answer', 'Left voicemail', 'Busy'] as const;

export interface WarmStoreInput {
  readonly path: string;
  readonly config: SlaConfig;
  readonly hubspot: HubSpotSandbox;
  readonly slack: SlackSandbox;
  readonly contacts: readonly GeneratedContact[];
  /** Owner id → team name. */
  readonly teamOfOwner: ReadonlyMap<string, string>;
  /** People whose Slack ids the worker has already cached. */
  readonly people: readonly string[];
  readonly now: Instant;
  readonly logger: Logger;
}

export interface WarmStoreResult {
  readonly instances: number;
  readonly touches: number;
  readonly messages: number;
}

/**
 * The store as a worker that has been running for a month leaves it: one open instance per seeded
 * contact (snapshot built by the HubSpot adapter's own mapping), its calls, its latest evaluation by
 * the real engine, every notification due so far recorded and marked sent, and the reps' Slack ids
 * cached. Cursors stay empty: the first poll looks back `poll.overlap`, and the seeded handoffs are
 * older than that, so the worker starts in steady state instead of re-reading history.
 */
export async function warmStore(input: WarmStoreInput): Promise<WarmStoreResult> {
  const store = await openStore(input.path, { logger: input.logger });
  const rnd = random(97);
  const links = {
    appBaseUrl: input.config.hubspot.appBaseUrl,
    portalId: String(input.hubspot.state.account.portalId),
  };
  const lifecycle = input.config.stages.flatMap((s) =>
    s.source.kind === 'lifecycle_stage' ? [dateEntered(s.source.value)] : [],
  );
  const wanted = snapshotProperties(input.config, lifecycle);
  let touchSeq = 9_000_000_000;
  let counts = { instances: 0, touches: 0, messages: 0 };
  try {
    for (let i = 0; i < input.contacts.length; i += BATCH) {
      const part = input.contacts.slice(i, i + BATCH);
      const handoffs = part.map((c): Handoff => {
        const all = input.hubspot.state.properties('contacts', c.id);
        const props = Object.fromEntries(wanted.flatMap((p) => (p in all ? [[p, all[p] ?? null]] : [])));
        return {
          lead: toLeadSnapshot(c.id, props, links),
          stage: STAGE_KEY[c.stage] ?? 'sql',
          enteredAt: c.createdAt,
          ownerId: c.ownerId,
          ownerAssignedAt: c.createdAt,
        };
      });
      const opened = applyLeadEvents({
        open: [],
        handoffs,
        changes: [],
        stages: input.config.stages,
        policies: input.config.policies,
        now: input.now,
      }).opened.map(
        (x): SlaInstance => ({ ...x, firstSeenAt: x.enteredAt + 5 * SECOND + rnd.int(0, 25_000) }),
      );
      const touches: Touch[] = [];
      const evaluations: Evaluation[] = [];
      const outbox: NewOutboxEntry[] = [];
      for (const instance of opened) {
        const mine = callsFor(instance, input.now, rnd, () => `call:${touchSeq++}`);
        touches.push(...mine);
        const policy = policyFor(input.config, instance);
        if (!policy) continue;
        const evaluation = slaEngine.evaluate(
          {
            instance,
            policy,
            touches: mine,
            acknowledgements: [],
            silences: [],
            team: input.teamOfOwner.get(instance.ownerId ?? '') ?? null,
            outages: [],
          },
          input.now,
        );
        evaluations.push(evaluation);
        for (const n of evaluation.due) outbox.push(...outboxEntries(n));
      }
      await store.commitCycle({
        now: input.now,
        cursors: {},
        newInstances: opened,
        updatedInstances: [],
        closed: [],
        touches,
        evaluations,
        outbox,
      });
      counts = {
        instances: counts.instances + opened.length,
        touches: counts.touches + touches.length,
        messages: counts.messages + outbox.length,
      };
    }
    for (const email of input.people) {
      const user = input.slack.state.userByEmail(email);
      if (user) await store.saveSlackUser({ email, slackUserId: user.id, checkedAt: input.now });
    }
  } finally {
    await store.close();
  }
  markAllSent(input.path, input.now);
  return counts;
}

/** Calls a rep made on a lead: nine in ten were reached for, mostly in time, then more attempts. */
function callsFor(
  instance: SlaInstance,
  now: Instant,
  rnd: ReturnType<typeof random>,
  nextId: () => string,
): Touch[] {
  if (rnd.next() < 0.1) return [];
  const calls: Touch[] = [];
  let at = instance.firstSeenAt + rnd.int(30 * SECOND, 7 * MINUTE);
  const attempts = rnd.int(1, 8);
  for (let k = 0; k < attempts && at < now; k++) {
    calls.push({
      id: nextId(),
      kind: 'call',
      contactId: instance.lead.contactId,
      at,
      ownerId: instance.ownerId,
      direction: 'outbound',
      status: 'COMPLETED',
      outcome: OUTCOMES[rnd.int(0, OUTCOMES.length - 1)] ?? 'Connected',
      durationMs: rnd.int(0, 600) * SECOND,
    });
    at += rnd.int(2 * HOUR, 20 * HOUR);
  }
  return calls;
}

/** Everything due so far went out in its time (one statement instead of 100,000 `markSent`s). */
function markAllSent(path: string, now: Instant): void {
  const db = new DatabaseSync(path);
  try {
    db.prepare(
      `UPDATE outbox SET state = 'sent', attempts = 1, sent_at = due_at + 1500,
         ref_channel = 'D0WARM', ref_ts = printf('%d.%06d', (due_at + 1500) / 1000, rowid)
       WHERE state = 'pending' AND due_at <= ?`,
    ).run(now);
  } finally {
    db.close();
  }
}
