import type { Handoff, Touch } from '../../src/domain/model.ts';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import type { Notifier } from '../../src/ports/notifier.ts';
import type { Store } from '../../src/ports/store.ts';
import type { CycleDeps } from '../../src/worker/cycle/run-cycle.ts';
import { runCycle } from '../../src/worker/cycle/run-cycle.ts';
import { OutageTracker } from '../../src/worker/outage-tracker.ts';
import { slaEngine } from '../../src/worker/sla-engine.ts';
import { WorkerState } from '../../src/worker/worker-state.ts';
import type { FakeCrmSource } from '../fakes/fake-crm-source.ts';
import type { FakeNotifier } from '../fakes/fake-notifier.ts';
import type { FakeStore } from '../fakes/fake-store.ts';
import { call, handoff } from '../fakes/sla-fixtures.ts';
import { cycleHarness, T0 } from './harness.ts';

/** A small seeded PRNG (mulberry32), so every fault run is reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

/**
 * Wraps a port so that, with probability `p` per call, the process "dies" there: that call and
 * every later one throw until `restart()`. For `send`, the crash may come after Slack accepted the
 * message (`inFlight` counts those: the one message the design allows to go out twice).
 */
export class Crasher {
  dead = false;
  crashes = 0;
  inFlight = 0;
  enabled = true;
  readonly #rand: () => number;
  readonly #p: number;
  constructor(rand: () => number, p: number) {
    this.#rand = rand;
    this.#p = p;
  }
  /** Keys of messages Slack accepted just before a crash (each may legitimately go out once more). */
  readonly inFlightKeys = new Map<string, number>();
  #flight(key: string): void {
    this.inFlight += 1;
    this.inFlightKeys.set(key, (this.inFlightKeys.get(key) ?? 0) + 1);
  }
  restart(): void {
    this.dead = false;
  }
  #roll(): boolean {
    if (this.dead) return true;
    if (this.enabled && this.#rand() < this.#p) {
      this.dead = true;
      this.crashes += 1;
      return true;
    }
    return false;
  }
  wrap<T extends object>(target: T): T {
    return new Proxy(target, {
      get: (obj, prop, receiver) => {
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (this.#roll()) {
            // markSent follows a send Slack accepted: dying here leaves that message in flight too.
            if (prop === 'markSent') this.#flight(String(args[0]));
            throw new SimulatedCrash(`crashed before ${String(prop)}`);
          }
          const result = await value.apply(obj, args);
          if (prop === 'send' && this.#roll()) {
            this.#flight((args[0] as { key: string }).key);
            throw new SimulatedCrash('crashed after slack accepted the message');
          }
          return result;
        };
      },
    });
  }
}

export interface Lead {
  readonly handoff: Handoff;
  readonly touch: Touch | null;
}

/** `count` leads handed off over `spread`; some called in time, some late, some never. */
export function makeLeads(rand: () => number, count: number, spread: number): Lead[] {
  return Array.from({ length: count }, (_, i) => {
    const at = T0 + Math.floor(rand() * spread);
    const r = rand();
    const delay =
      r < 0.5
        ? Math.floor(rand() * 4 * MINUTE)
        : r < 0.7
          ? 10 * MINUTE + Math.floor(rand() * 20 * MINUTE)
          : null;
    const id = `lead${i}`;
    return { handoff: handoff(id, at), touch: delay === null ? null : call(`t${i}`, id, at + delay) };
  });
}

const pingsNeeded = (leads: readonly Lead[], store: FakeStore): number =>
  leads.filter((l) => {
    const seenAt = store.instances.get(`contact:${l.handoff.lead.objectId}:sql:${l.handoff.enteredAt}`)
      ?.instance.firstSeenAt;
    return l.touch === null || seenAt === undefined || l.touch.at > seenAt;
  }).length;

export interface SoakFigures {
  /** Leads already called when the bot first saw them (possible after an outage): no ping by design. */
  pingsNotNeeded: number;
  scenario: string;
  cycles: number;
  handedOff: number;
  pingsDelivered: number;
  breachesDelivered: number;
  duplicates: number;
  inFlightResends: number;
  lost: number;
  faults: number;
}

export interface SoakOptions {
  readonly scenario: string;
  readonly seed: number;
  readonly leads: number;
  readonly hours: number;
  /** Called before each cycle; may inject faults for this cycle. */
  readonly beforeCycle?: (ctx: {
    t: number;
    crm: FakeCrmSource;
    notifier: FakeNotifier;
    store: FakeStore;
    rand: () => number;
  }) => void;
  readonly crashP?: number;
  readonly wrapStore?: (store: Store) => Store;
}

/**
 * Runs the real engine and cycle over simulated hours (a cycle every 30 s) with faults, then checks
 * the outcome against the ground truth: every handoff pinged, every lead not contacted by its
 * deadline told of its breach, no message sent twice beyond the allowed in-flight resend.
 */
export async function soak(o: SoakOptions): Promise<SoakFigures> {
  const rand = seeded(o.seed);
  const h = cycleHarness();
  const leads = makeLeads(rand, o.leads, (o.hours - 1) * 60 * MINUTE);
  const crasher = new Crasher(rand, o.crashP ?? 0);
  const store: Store = crasher.wrap(o.wrapStore ? o.wrapStore(h.store) : h.store);
  const notifier: Notifier = crasher.wrap(h.notifier);
  const fresh = (): CycleDeps => ({
    ...h.deps,
    engine: slaEngine,
    store,
    notifier,
    outages: new OutageTracker(5 * MINUTE),
  });
  let deps = fresh();
  let state: WorkerState | null = null;
  const pending = [...leads];
  let cycles = 0;
  let faults = 0;
  const end = T0 + o.hours * 60 * MINUTE;
  for (let t = T0; t <= end; t += 30 * SECOND) {
    h.clock.set(t);
    for (const l of pending.filter((x) => x.handoff.enteredAt <= t)) {
      h.crm.addHandoff(l.handoff);
      pending.splice(pending.indexOf(l), 1);
    }
    for (const l of leads)
      if (l.touch && l.touch.at <= t && l.touch.at > t - 30 * SECOND) h.crm.addTouch(l.touch);
    o.beforeCycle?.({ t, crm: h.crm, notifier: h.notifier, store: h.store, rand });
    try {
      state ??= await WorkerState.load(store);
      const r = await runCycle(deps, state);
      if (r.outcome !== 'ok') faults += 1;
    } catch {
      faults += 1;
    }
    if (crasher.dead) {
      // The process died: memory is gone; a new process starts from the store.
      crasher.restart();
      state = null;
      deps = fresh();
    }
    cycles += 1;
  }
  // Let the system settle without faults, as after the incident.
  crasher.enabled = false;
  h.notifier.mode = 'ok';
  for (let i = 0; i < 20; i++) {
    h.clock.advance(30 * SECOND);
    state ??= await WorkerState.load(store);
    await runCycle(deps, state);
  }
  const sentKeys = h.notifier.sentKeys();
  const counts = new Map<string, number>();
  for (const k of sentKeys) counts.set(k, (counts.get(k) ?? 0) + 1);
  let duplicates = 0;
  let resent = 0;
  for (const [key, c] of counts) {
    const allowed = Math.min(c - 1, crasher.inFlightKeys.get(key) ?? 0);
    resent += allowed;
    duplicates += c - 1 - allowed;
  }
  const sentKinds = (kind: string) =>
    new Set(
      h.notifier.sent.filter((d) => d.notification.kind === kind).map((d) => d.notification.instanceId),
    );
  const pinged = sentKinds('handoff');
  const breached = sentKinds('breach');
  let lost = 0;
  for (const l of leads) {
    const id = `contact:${l.handoff.lead.objectId}:sql:${l.handoff.enteredAt}`;
    const deadline = l.handoff.enteredAt + 5 * MINUTE;
    // The engine sends no ping for a lead already contacted when the bot first saw it.
    const seenAt = h.store.instances.get(id)?.instance.firstSeenAt ?? Number.POSITIVE_INFINITY;
    const pingDue = l.touch === null || l.touch.at > seenAt;
    const missing = [
      ...(pinged.has(id) || !pingDue ? [] : ['handoff']),
      ...((l.touch === null || l.touch.at > deadline) && !breached.has(id) ? ['breach'] : []),
    ];
    lost += missing.length;
    if (process.env.SOAK_DEBUG && l.touch !== null && l.touch.at <= deadline && breached.has(id)) {
      const b = h.notifier.sent.find(
        (d) => d.notification.kind === 'breach' && d.notification.instanceId === id,
      );
      process.stdout.write(
        `FALSE BREACH ${id} touch=${l.touch.at - l.handoff.enteredAt} sentAt=${(b?.now ?? 0) - l.handoff.enteredAt} fc=${JSON.stringify(b?.context.evaluation.firstContact)}\n`,
      );
    }
    if (missing.length > 0 && process.env.SOAK_DEBUG) {
      const rows = [...h.store.outbox.values()].filter((e) => e.instanceId === id);
      process.stdout.write(
        `LOST ${id} ${missing.join(',')} touch=${l.touch?.at} open=${JSON.stringify(h.store.instances.get(id)?.evaluation?.firstContact)} rows=${JSON.stringify(rows.map((r) => [r.key, r.state, r.lastError]))}\n`,
      );
    }
  }
  return {
    scenario: o.scenario,
    cycles,
    handedOff: leads.length,
    pingsDelivered: pinged.size,
    pingsNotNeeded: leads.length - pingsNeeded(leads, h.store),
    breachesDelivered: breached.size,
    duplicates,
    inFlightResends: resent,
    lost,
    faults: faults + crasher.crashes,
  };
}
