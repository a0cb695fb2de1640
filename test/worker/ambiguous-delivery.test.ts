import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SECOND } from '../../src/domain/time.ts';
import type { SlackSandbox } from '../../src/sandbox/index.ts';
import { runCycle } from '../../src/worker/cycle/run-cycle.ts';
import { WorkerState } from '../../src/worker/worker-state.ts';
import { handoff } from '../fakes/sla-fixtures.ts';
import { T0 } from './harness.ts';
import { withSlack } from './slack-harness.ts';

const manifest = parse(readFileSync(new URL('../../slack-app-manifest.yml', import.meta.url), 'utf8'));
const manifestScopes: string[] = manifest.oauth_config.scopes.bot;

/**
 * Issue 13, "done when": Slack accepts a post but the answer is lost → exactly one DM, and the outbox
 * records it as sent with that message's ts (SD-7, SD-8, SD-9), through the worker, the real Slack adapter
 * and the loopback Slack.
 */
describe('a handoff ping whose post Slack accepted but whose answer was lost', () => {
  let sandbox: SlackSandbox | null = null;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = null;
  });

  const pingRow = (s: Awaited<ReturnType<typeof withSlack>>) => {
    const row = [...s.h.store.outbox.values()].find((e) => e.kind === 'handoff');
    if (!row) throw new Error('no handoff row in the outbox');
    return row;
  };

  it('the response times out: one DM, recorded as sent with its ts after looking for it', async () => {
    const s = await withSlack({ faults: { timeoutMs: 20 } });
    sandbox = s.sandbox;
    s.sandbox.faults.inject('accept_then_timeout', { endpoint: 'chat.postMessage' });
    s.h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(s.deps, state);
    expect(pingRow(s)).toMatchObject({ state: 'pending', inDoubtSince: T0 });
    expect(s.sandbox.state.dmsTo('bram@example.com')).toHaveLength(1);

    s.h.clock.set(T0 + 30 * SECOND);
    await runCycle(s.deps, state);
    s.h.clock.set(T0 + 60 * SECOND);
    await runCycle(s.deps, state);
    const [dm, ...more] = s.sandbox.state.dmsTo('bram@example.com');
    expect(more).toEqual([]);
    expect(pingRow(s)).toMatchObject({
      state: 'sent',
      ref: { channel: dm?.channel, ts: dm?.ts },
      inDoubtSince: null,
    });
    expect(s.sandbox.stats.count('chat.postMessage')).toBe(1);
    expect(s.resolutions).toEqual(['found']);
  });

  it('Slack answers 503 after posting: the same, one DM', async () => {
    const s = await withSlack();
    sandbox = s.sandbox;
    s.sandbox.faults.inject('accept_then_server_error', { endpoint: 'chat.postMessage' });
    s.h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(s.deps, state);
    s.h.clock.set(T0 + 30 * SECOND);
    await runCycle(s.deps, state);
    const dms = s.sandbox.state.dmsTo('bram@example.com');
    expect(dms).toHaveLength(1);
    expect(pingRow(s)).toMatchObject({ state: 'sent', ref: { ts: dms[0]?.ts } });
  });

  it('without im:history: at most once — one DM, recorded as sent unconfirmed, counted', async () => {
    const s = await withSlack({
      faults: { timeoutMs: 20 },
      scopes: manifestScopes.filter((x) => x !== 'im:history'),
    });
    sandbox = s.sandbox;
    s.sandbox.faults.inject('accept_then_timeout', { endpoint: 'chat.postMessage' });
    s.h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    for (const at of [T0, T0 + 30 * SECOND, T0 + 60 * SECOND]) {
      s.h.clock.set(at);
      await runCycle(s.deps, state);
    }
    expect(s.sandbox.state.dmsTo('bram@example.com')).toHaveLength(1);
    expect(pingRow(s)).toMatchObject({
      state: 'sent',
      ref: null,
      lastError: expect.stringContaining('missing_scope'),
      inDoubtSince: null,
    });
    expect(s.resolutions).toEqual(['unverifiable']);
  });

  it('the process dies between Slack accepting and the outbox recording it: after a restart, one DM', async () => {
    const s = await withSlack();
    sandbox = s.sandbox;
    s.h.crm.addHandoff(handoff('c1', T0));
    s.h.store.failNext('markSent', new Error('killed'), 6); // every retry of the write, as a crash would
    await runCycle(s.deps, new WorkerState());
    expect(s.sandbox.state.dmsTo('bram@example.com')).toHaveLength(1);
    expect(pingRow(s)).toMatchObject({ state: 'pending', inDoubtSince: T0 });

    s.h.clock.set(T0 + 30 * SECOND);
    await runCycle(s.deps, new WorkerState()); // a new process: nothing in memory
    const dms = s.sandbox.state.dmsTo('bram@example.com');
    expect(dms).toHaveLength(1);
    expect(pingRow(s)).toMatchObject({ state: 'sent', ref: { channel: dms[0]?.channel, ts: dms[0]?.ts } });
    expect(s.resolutions).toEqual(['found']);
  });

  it('rows waiting for the one-a-minute look-up do not hold back fresh pings, nor count as Slack failing', async () => {
    const s = await withSlack({ faults: { timeoutMs: 20 } });
    sandbox = s.sandbox;
    s.sandbox.faults.inject('accept_then_timeout', { endpoint: 'chat.postMessage', times: 3 });
    for (const id of ['c1', 'c2', 'c3']) s.h.crm.addHandoff(handoff(id, T0));
    const state = new WorkerState();
    await runCycle(s.deps, state);
    expect(s.sandbox.state.dmsTo('bram@example.com')).toHaveLength(3);

    s.h.clock.set(T0 + 30 * SECOND);
    s.h.crm.addHandoff(handoff('c5', T0 + 25 * SECOND));
    await runCycle(s.deps, state);
    const sent = [...s.h.store.outbox.values()].filter((e) => e.kind === 'handoff' && e.state === 'sent');
    expect(sent.map((e) => e.instanceId?.split(':')[1]).sort()).toEqual(['c1', 'c5']);
    expect(s.h.deps.outages.isFailing('slack')).toBe(false);

    for (let minute = 1; minute <= 2; minute++) {
      s.h.clock.set(T0 + 30 * SECOND + minute * 61 * SECOND);
      await runCycle(s.deps, state);
    }
    const handoffs = [...s.h.store.outbox.values()].filter((e) => e.kind === 'handoff');
    expect(handoffs.filter((e) => e.state !== 'sent')).toEqual([]);
    const keyOf = (m: { metadata: unknown }) =>
      (m.metadata as { event_payload?: { key?: string } } | null)?.event_payload?.key;
    const dmKeys = s.sandbox.state.dmsTo('bram@example.com').map(keyOf);
    // One DM per handoff (later DMs are reminders, each with its own key); no key twice.
    expect(handoffs.map((e) => dmKeys.filter((k) => k === e.key).length)).toEqual([1, 1, 1, 1]);
    expect(new Set(dmKeys).size).toBe(dmKeys.length);
    expect(s.resolutions).toEqual(['found', 'found', 'found']);
  });

  it('a definite failure (429) is retried without any look-up', async () => {
    const s = await withSlack();
    sandbox = s.sandbox;
    s.sandbox.state.failNext('chat.postMessage', 'ratelimited', 3);
    s.h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(s.deps, state);
    expect(pingRow(s)).toMatchObject({ state: 'pending', inDoubtSince: null });
    s.h.clock.set(T0 + 60 * SECOND);
    await runCycle(s.deps, state);
    expect(s.sandbox.state.dmsTo('bram@example.com')).toHaveLength(1);
    expect(s.sandbox.stats.count('conversations.history')).toBe(0);
    expect(s.resolutions).toEqual([]);
  });
});
