import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import type { SlackSandbox } from '../../src/sandbox/index.ts';
import { runCycle } from '../../src/worker/cycle/run-cycle.ts';
import { WorkerState } from '../../src/worker/worker-state.ts';
import { handoff, owner } from '../fakes/sla-fixtures.ts';
import { T0 } from './harness.ts';
import { withSlack } from './slack-harness.ts';

const texts = (messages: readonly { text: string | null }[]) => messages.map((m) => m.text ?? '');

describe('open leads owned by someone who cannot work them', () => {
  let sandbox: SlackSandbox | null = null;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = null;
  });

  it('a deactivated HubSpot owner: the handoff reaches the team channel and the manager, admins are told once', async () => {
    const s = await withSlack();
    sandbox = s.sandbox;
    s.h.crm.ownerList = [{ ...owner('o1', 'bram@example.com'), active: false }];
    s.h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(s.deps, state);
    s.h.clock.set(T0 + 30 * SECOND);
    await runCycle(s.deps, state);

    expect(s.sandbox.state.dmsTo('bram@example.com')).toEqual([]);
    expect(texts(s.sandbox.state.messagesIn('sales'))).toEqual([expect.stringContaining('Lead c1')]);
    expect(texts(s.sandbox.state.dmsTo('anna@example.com'))).toEqual([expect.stringContaining('Lead c1')]);
    const admin = texts(s.sandbox.state.messagesIn('sla-admins'));
    expect(admin.filter((t) => t.includes('deactivated or archived in HubSpot'))).toHaveLength(1);
    expect([...s.h.store.outbox.keys()]).toContain(`admin:owner-inactive:contact:c1:sql:${T0}`);
  });

  it('an owner id HubSpot does not list: admins are told once the owner list had time to catch up', async () => {
    const s = await withSlack();
    sandbox = s.sandbox;
    s.h.crm.addHandoff(handoff('c1', T0, 'o-ghost'));
    const state = new WorkerState();
    await runCycle(s.deps, state);
    const unknownKey = `admin:owner-unknown:contact:c1:sql:${T0}`;
    expect(s.h.store.outbox.has(unknownKey)).toBe(false);
    // Nobody to resolve it to: the handoff still reaches someone (the admins, for want of a team).
    expect(texts(s.sandbox.state.messagesIn('sla-admins')).some((t) => t.includes('Lead c1'))).toBe(true);

    s.h.clock.set(T0 + 25 * MINUTE);
    s.h.crm.failNext('owners', new Error('HubSpot 503'));
    await runCycle(s.deps, state);
    expect(s.h.store.outbox.has(unknownKey)).toBe(false); // an old owner list proves nothing

    s.h.clock.set(T0 + 26 * MINUTE);
    await runCycle(s.deps, state);
    s.h.clock.set(T0 + 27 * MINUTE);
    await runCycle(s.deps, state);
    expect(s.h.store.outbox.get(unknownKey)?.state).toBe('sent');
    const admin = texts(s.sandbox.state.messagesIn('sla-admins'));
    expect(admin.filter((t) => t.includes('HubSpot owner o-ghost'))).toHaveLength(1);
  });

  it('active, known owners raise no alert', async () => {
    const s = await withSlack();
    sandbox = s.sandbox;
    s.h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(s.deps, state);
    s.h.clock.set(T0 + 30 * MINUTE);
    await runCycle(s.deps, state);
    expect([...s.h.store.outbox.keys()].filter((k) => k.startsWith('admin:owner-'))).toEqual([]);
    expect(texts(s.sandbox.state.dmsTo('bram@example.com'))[0]).toContain('Lead c1');
  });
});
