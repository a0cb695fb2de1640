import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Touch } from '../../src/domain/model.ts';
import { DEFAULT_DISPOSITIONS } from '../../src/hubspot/default-dispositions.ts';
import { createHubSpotSource } from '../../src/hubspot/hubspot-source.ts';
import { DEFAULT_DISPOSITIONS as SANDBOX_DISPOSITIONS } from '../../src/sandbox/hubspot/dispositions.ts';
import type { HubSpotSandbox } from '../../src/sandbox/index.ts';
import { instance, judge, lead, policy, rule } from '../domain/sla/builders.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { config, NOW, STAGES } from './harness.ts';
import { ManualTiming } from './manual-timing.ts';

const MIN = 60_000;
const DISPOSITIONS = 'GET /calling/v1/dispositions';
const CUSTOM = '5c1e2f30-0d4b-4c1a-9d7e-2f1a3b4c5d6e';
const WARNING = 'hubspot call outcome list unavailable, using the default outcomes';

const stopping: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stopping.splice(0).map((stop) => stop()));
});

/** The CRM source against a sandbox portal with one SQL contact. */
async function world() {
  const clock = new FakeClock(NOW);
  const sandbox: HubSpotSandbox = await startCheckedHubSpotSandbox({ clock, rateLimits: false });
  stopping.push(() => sandbox.stop());
  const owner = sandbox.state.addOwner({ email: 'bram@example.com' });
  const contact = sandbox.state.addContact({ firstName: 'Ana', ownerId: owner.id });
  sandbox.state.moveStage(contact.id, 'salesqualifiedlead', { at: NOW - 2 * MIN });
  const cfg = config({ stages: STAGES.filter((s) => s.key === 'sql'), recycleStages: ['lead'] });
  const timing = new ManualTiming();
  const log = captureLogger();
  const source = createHubSpotSource({
    accessToken: 'sandbox-token',
    basePath: sandbox.url,
    config: cfg,
    logger: log.logger,
    clock,
    timing,
  });
  const warnings = () => log.lines().filter((l) => l.msg === WARNING);
  return { clock, sandbox, source, cfg, timing, log, warnings, contactId: contact.id, ownerId: owner.id };
}

describe('call outcome labels are best-effort (loopback HubSpot sandbox)', () => {
  it('knows HubSpot’s six default outcomes up front, the same the sandbox portal lists', () => {
    expect([...DEFAULT_DISPOSITIONS]).toEqual(SANDBOX_DISPOSITIONS.map((d) => [d.id, d.label]));
  });

  it('starts when the outcome list is down, with one attempt and a warning', async () => {
    const w = await world();
    w.sandbox.faults.inject('server_error', { endpoint: DISPOSITIONS, times: 4 });
    await expect(w.source.verify(w.cfg)).resolves.toBeUndefined();
    expect(w.sandbox.stats.count(DISPOSITIONS)).toBe(1);
    expect(w.warnings()).toHaveLength(1);
    expect(w.log.lines().find((l) => l.msg === 'hubspot portal verified')).toMatchObject({
      callOutcomes: 'defaults',
    });
  });

  it('starts when the outcome list hangs: the request is aborted at its time limit', async () => {
    const w = await world();
    w.sandbox.faults.inject('timeout', { endpoint: DISPOSITIONS });
    const verified = w.source.verify(w.cfg);
    await vi.waitFor(() => expect(w.sandbox.stats.count(DISPOSITIONS)).toBe(1));
    w.timing.expire();
    await expect(verified).resolves.toBeUndefined();
    await vi.waitFor(() => expect(w.sandbox.faults.clientClosed(DISPOSITIONS)).toBe(1));
    expect(w.warnings()).toHaveLength(1);
  });

  it('an unknown outcome while the list is down: the call is still ingested, and first contact is met, not breached', async () => {
    const w = await world();
    await w.source.verify(w.cfg);
    expect(w.sandbox.stats.count(DISPOSITIONS)).toBe(1);

    // The portal adds an outcome of its own. Eleven minutes on (past the lookup's 10-minute spacing),
    // the list endpoint is down and a rep logs two calls: one with a default outcome, one with the new.
    w.sandbox.state.dispositions.push({ id: CUSTOM, label: 'Meeting booked' });
    w.clock.set(NOW + 11 * MIN);
    w.sandbox.faults.inject('server_error', { endpoint: DISPOSITIONS, times: 4 });
    const at = NOW - MIN;
    w.sandbox.state.logCall(w.contactId, { at, disposition: 'Connected', ownerId: w.ownerId });
    w.sandbox.state.logCall(w.contactId, { at: at + 1_000, disposition: CUSTOM, ownerId: w.ownerId });
    const poll = await w.source.pollTouches({}, new Set([w.contactId]), NOW + 11 * MIN);

    expect(poll.touches.map((t) => t.outcome).sort()).toEqual(['Connected', CUSTOM].sort());
    expect(w.sandbox.stats.count(DISPOSITIONS)).toBe(2);
    expect(w.warnings()).toHaveLength(1);

    // The judged verdict: a rule that names no outcome counts the custom-outcome call.
    const custom = poll.touches.filter((t) => t.outcome === CUSTOM);
    const verdict = (touches: readonly Touch[], callOutcomes: readonly string[] | null) =>
      judge(
        {
          instance: instance({
            lead: lead({ objectId: w.contactId, contactId: w.contactId }),
            enteredAt: NOW - 2 * MIN,
            ownerId: w.ownerId,
          }),
          policy: policy({ counts: rule({ kinds: ['call'], callOutcomes }) }),
          touches,
        },
        NOW + 11 * MIN,
      ).firstContact.state;
    expect(verdict(custom, null)).toBe('met');
    // The documented rule: an outcome that stays unknown does not match a label (it does match its id).
    expect(verdict(custom, ['Meeting booked'])).toBe('breached');
    expect(verdict(custom, [CUSTOM])).toBe('met');
    expect(verdict(poll.touches, ['Connected'])).toBe('met');

    // Within ten minutes, no new lookup; after, the list answers again and names the outcome.
    w.sandbox.state.logCall(w.contactId, { at: at + 2_000, disposition: CUSTOM, ownerId: w.ownerId });
    w.clock.set(NOW + 12 * MIN);
    await w.source.pollTouches(poll.cursors, new Set([w.contactId]), NOW + 12 * MIN);
    expect(w.sandbox.stats.count(DISPOSITIONS)).toBe(2);
    w.sandbox.faults.clear();
    w.sandbox.state.logCall(w.contactId, { at: at + 3_000, disposition: CUSTOM, ownerId: w.ownerId });
    w.clock.set(NOW + 22 * MIN);
    const later = await w.source.pollTouches(poll.cursors, new Set([w.contactId]), NOW + 22 * MIN);
    expect(w.sandbox.stats.count(DISPOSITIONS)).toBe(3);
    expect(later.touches.filter((t) => t.at === at + 3_000).map((t) => t.outcome)).toEqual([
      'Meeting booked',
    ]);
  });
});
