import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import type { Delivery, Notifier } from '../../src/ports/notifier.ts';
import type { LeaseToken } from '../../src/ports/store.ts';
import { runCycle } from '../../src/worker/cycle/run-cycle.ts';
import { IN_FLIGHT_SETTLE } from '../../src/worker/delivery/fence.ts';
import { WorkerEvents } from '../../src/worker/events.ts';
import { Leadership } from '../../src/worker/leadership.ts';
import { slaEngine } from '../../src/worker/sla-engine.ts';
import { WorkerState } from '../../src/worker/worker-state.ts';
import { FakeNotifier } from '../fakes/fake-notifier.ts';
import { FakeStore } from '../fakes/fake-store.ts';
import { captureLogger } from '../fakes/logger.ts';
import { handoff } from '../fakes/sla-fixtures.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { cycleHarness, T0 } from './harness.ts';

const TTL = 3 * SECOND;
const LEASE = 'sla-bot:cycle';

/** A gate a replica's send waits at: the replica is frozen (SIGSTOP) until `open()`. */
function gate() {
  let open = () => {};
  let reached = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const hit = new Promise<void>((resolve) => {
    reached = resolve;
  });
  return { opened, hit, open, reached };
}

/**
 * Issue 16, point 1 at the worker level, deterministically: a leader decides to send a handoff ping and
 * freezes (SIGSTOP) — before its claim, or between its claim and the post —, another replica takes the
 * lease over and pings, then the frozen one wakes up. Two replicas on one store, each with its own
 * notifier, memory and lease token; the clock is moved by hand.
 */
describe('a stalled leader wakes up after another replica took over', () => {
  function world() {
    const h = cycleHarness();
    h.store.leases.clear();
    const replica = (holder: string, firstTs: number) => {
      // Each replica's copies have their own timestamps, as two posts in one DM would.
      const notifier = new FakeNotifier(firstTs);
      let token: LeaseToken | null = null;
      let state = new WorkerState();
      return {
        holder,
        notifier,
        get state() {
          return state;
        },
        /** Takes the lease (now) and reads the state from the store, as a worker becoming leader does. */
        async lead() {
          const epoch = await h.store.acquireLease(LEASE, holder, h.clock.now(), TTL);
          if (epoch === null) throw new Error(`${holder} did not get the lease`);
          token = { name: LEASE, holder, epoch };
          state = await WorkerState.load(h.store);
        },
        deps: (over: { notifier?: Notifier } = {}) => ({
          ...h.deps,
          engine: slaEngine,
          notifier: over.notifier ?? notifier,
          // The stalled leader does not notice it lost the lease: only the claim stops it.
          canSend: () => true,
          lease: () => token,
        }),
      };
    };
    return { h, a: replica('a', 0), b: replica('b', 1_000) };
  }

  const pingOf = (lead: string) => (d: Delivery) =>
    d.notification.kind === 'handoff' && d.notification.instanceId.includes(`:${lead}:`);

  it('frozen before its claim: the claim is refused, 0 duplicate pings in 10 runs (roles alternating)', async () => {
    const { h, a, b } = world();
    let [leader, other] = [a, b];
    await leader.lead();
    for (let run = 0; run < 10; run++) {
      const at = T0 + run * 10 * MINUTE;
      const lead = `c${run}`;
      h.clock.set(at);
      await leader.lead(); // renews (the leader's own timer) — or takes it back after the last run
      h.crm.addHandoff(handoff(lead, at - SECOND));
      const frozen = gate();
      leader.notifier.onSend = async (d) => {
        if (!pingOf(lead)(d)) return;
        frozen.reached();
        await frozen.opened;
      };
      const stalled = runCycle(leader.deps(), leader.state);
      await frozen.hit;

      h.clock.set(at + TTL + SECOND); // the lease ran out while the leader was stopped
      await other.lead();
      await runCycle(other.deps(), other.state);
      frozen.open(); // SIGCONT
      const report = await stalled;
      leader.notifier.onSend = null;

      const pings = [...a.notifier.sent, ...b.notifier.sent].filter(pingOf(lead));
      expect(pings.map((d) => d.key)).toHaveLength(1);
      expect(other.notifier.sent.filter(pingOf(lead))).toHaveLength(1);
      expect(leader.notifier.sent.filter(pingOf(lead))).toEqual([]);
      expect(report.delivery?.more).toBe(true); // it stopped delivering at the refusal
      [leader, other] = [other, leader];
    }
    const refused = h.log.lines().filter((l) => String(l.msg).startsWith('send refused: another replica'));
    expect(refused).toHaveLength(10);
    const keys = [...a.notifier.sent, ...b.notifier.sent].map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  /** A notifier that claims, then freezes until the gate opens, then posts. */
  const freezesAfterClaim = (
    inner: FakeNotifier,
    frozen: ReturnType<typeof gate>,
    lead: string,
  ): Notifier => ({
    send: async (d) => {
      if (!pingOf(lead)(d)) return inner.send(d);
      await d.claim?.();
      frozen.reached();
      await frozen.opened;
      const { claim: _claimed, ...posted } = d;
      return inner.send(posted);
    },
    update: (edit) => inner.update(edit),
    alertAdmins: (alert) => inner.alertAdmins(alert),
    retract: (ref) => inner.retract(ref),
  });

  it('frozen between its claim and the post, waking before the row settles: the new leader waits and sends nothing', async () => {
    const { h, a, b } = world();
    h.clock.set(T0);
    await a.lead();
    h.crm.addHandoff(handoff('c1', T0 - SECOND));
    const frozen = gate();
    const stalled = runCycle(a.deps({ notifier: freezesAfterClaim(a.notifier, frozen, 'c1') }), a.state);
    await frozen.hit;

    h.clock.set(T0 + TTL + SECOND);
    await b.lead();
    await runCycle(b.deps(), b.state);
    expect(b.notifier.sent.filter(pingOf('c1'))).toEqual([]); // a's post may be on its way: b waits
    const ping = [...h.store.outbox.values()].find((e) => e.kind === 'handoff');
    expect(ping).toMatchObject({ state: 'pending', nextAttemptAt: T0 + IN_FLIGHT_SETTLE });

    frozen.open();
    await stalled;
    h.clock.set(T0 + IN_FLIGHT_SETTLE + SECOND);
    await runCycle(b.deps(), b.state);

    expect([...a.notifier.sent, ...b.notifier.sent].filter(pingOf('c1'))).toHaveLength(1);
    expect(h.store.outbox.get(ping?.key ?? '')?.state).toBe('sent');
  });

  it('frozen between its claim and the post past the settling time: the late copy is deleted, one live ping', async () => {
    const { h, a, b } = world();
    h.clock.set(T0);
    await a.lead();
    h.crm.addHandoff(handoff('c1', T0 - SECOND));
    const frozen = gate();
    const stalled = runCycle(a.deps({ notifier: freezesAfterClaim(a.notifier, frozen, 'c1') }), a.state);
    await frozen.hit;

    h.clock.set(T0 + IN_FLIGHT_SETTLE + SECOND); // a is still stopped; b looked (nothing) and sends
    await b.lead();
    await runCycle(b.deps(), b.state);
    expect(b.notifier.sent.filter(pingOf('c1'))).toHaveLength(1);

    frozen.open(); // a wakes and posts its copy: the row is sent already, so a deletes its own copy
    await stalled;

    const [copy] = a.notifier.sent.filter(pingOf('c1'));
    expect(copy).toBeDefined();
    expect(a.notifier.retracted).toHaveLength(1);
    const kept = [...h.store.outbox.values()].find((e) => e.kind === 'handoff')?.ref;
    expect(a.notifier.retracted[0]).not.toEqual(kept);
    expect(h.log.lines().some((l) => l.msg === 'duplicate copy deleted')).toBe(true);
  });
});

describe('the leadership’s fencing token', () => {
  function replica(store: FakeStore, clock: FakeClock, holder: string) {
    const events = new WorkerEvents();
    const roles: string[] = [];
    events.on('role:changed', (e) => roles.push(e.role));
    const leadership = new Leadership({
      store,
      clock,
      events,
      logger: captureLogger().logger,
      holder,
      ttl: () => TTL,
    });
    return { leadership, roles };
  }

  it('carries the lease epoch while the lease is surely held; a renewal keeps it, nothing once lost', async () => {
    const store = new FakeStore();
    const clock = new FakeClock(T0);
    const a = replica(store, clock, 'a');
    expect(a.leadership.token()).toBeNull();
    expect(await a.leadership.check()).toBe(true);
    expect(a.leadership.token()).toEqual({ name: LEASE, holder: 'a', epoch: 1 });
    clock.advance(TTL / 3);
    await a.leadership.check();
    expect(a.leadership.token()?.epoch).toBe(1);
    clock.advance(TTL); // stalled past its lease: no token, whatever the role says
    expect(a.leadership.token()).toBeNull();
    await a.leadership.release();
    expect(a.leadership.token()).toBeNull();
  });

  it('taken back after another replica led: a new leadership, whose state is read again', async () => {
    const store = new FakeStore();
    const clock = new FakeClock(T0);
    const a = replica(store, clock, 'a');
    const b = replica(store, clock, 'b');
    await a.leadership.check();
    clock.advance(TTL); // a stalls; b takes over, then stalls too
    await b.leadership.check();
    clock.advance(TTL);
    // a wakes with nothing noticed: still "leader" in its own eyes until this check.
    expect(await a.leadership.check()).toBe(true);
    expect(a.leadership.token()?.epoch).toBe(3);
    expect(a.roles).toEqual(['leader', 'follower', 'leader']);

    // Taken again after running out with nobody else in between: the same memory is still true.
    clock.advance(TTL);
    await a.leadership.check();
    expect(a.leadership.token()?.epoch).toBe(4);
    expect(a.roles).toEqual(['leader', 'follower', 'leader']);
  });
});
