import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Evaluation } from '../../src/domain/evaluation.ts';
import type { SlaInstance } from '../../src/domain/model.ts';
import { breachTaskMarker } from '../../src/hubspot/breach-task.ts';
import { HubSpotAmbiguousWriteError } from '../../src/hubspot/errors.ts';
import { createHubSpotClient } from '../../src/hubspot/hubspot-client.ts';
import { createHubSpotLeadWriter } from '../../src/hubspot/lead-writer.ts';
import type { HubSpotSandbox } from '../../src/sandbox/index.ts';
import { captureLogger } from '../fakes/logger.ts';
import { lead } from '../fakes/sla-fixtures.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { config, NOW } from './harness.ts';
import { ManualTiming } from './manual-timing.ts';

const MIN = 60_000;
const CREATE = 'POST /crm/v3/objects/tasks';

const stopping: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stopping.splice(0).map((stop) => stop()));
});

const breached = (instance: SlaInstance): Evaluation => ({
  instanceId: instance.id,
  clockStart: instance.enteredAt,
  firstContact: {
    state: 'breached',
    deadline: instance.enteredAt + 5 * MIN,
    lateBy: 5 * MIN,
    contactedAt: null,
    excused: false,
  },
  attempts: null,
  systemDelay: 20_000,
  repDelay: null,
  acknowledged: null,
  silenced: [],
  nextDueAt: null,
  due: [],
  settled: false,
});

/** The lead writer (write-back and breach tasks on) against a sandbox holding one contact. */
async function world() {
  const clock = new FakeClock(NOW);
  const sandbox: HubSpotSandbox = await startCheckedHubSpotSandbox({ clock, rateLimits: false });
  stopping.push(() => sandbox.stop());
  const owner = sandbox.state.addOwner({ email: 'bram@example.com' });
  const contact = sandbox.state.addContact({ firstName: 'Ana', ownerId: owner.id });
  const cfg = config({
    hubspot: {
      ...config().hubspot,
      writeBack: { enabled: true, createTaskOnBreach: true, notAFitLeadStatus: null },
    },
  });
  const timing = new ManualTiming();
  const log = captureLogger();
  const client = createHubSpotClient({
    accessToken: 'sandbox-token',
    basePath: sandbox.url,
    config: cfg,
    logger: log.logger,
    clock,
    timing,
  });
  const writer = createHubSpotLeadWriter({ client, config: cfg, logger: log.logger, clock });
  const instance: SlaInstance = {
    id: `contact:${contact.id}:sql:${NOW - 10 * MIN}`,
    lead: { ...lead(contact.id), firstName: 'Ana', lastName: null },
    stage: 'sql',
    policyName: 'sql-follow-up',
    enteredAt: NOW - 10 * MIN,
    ownerId: owner.id,
    ownerAssignedAt: NOW - 10 * MIN,
    firstSeenAt: NOW - 10 * MIN,
    closedAt: null,
    closeReason: null,
  };
  const tasks = () => sandbox.state.data.all('tasks');
  const loggedTaskIds = () =>
    log
      .lines()
      .filter((l) => typeof l.taskId === 'string')
      .map((l) => ({ msg: l.msg, taskId: l.taskId }));
  return { sandbox, writer, instance, timing, tasks, loggedTaskIds, client, contactId: contact.id };
}

describe('breach tasks are created at most once (loopback HubSpot sandbox)', () => {
  it('creates one task associated with the contact, marked so it can be found again; a second call adopts it', async () => {
    const w = await world();
    await w.writer.createBreachTask(w.instance, breached(w.instance));
    expect(w.tasks()).toHaveLength(1);
    const [task] = w.tasks();
    expect(task?.properties.get('hs_task_body')).toMatch(
      new RegExp(`\\n${breachTaskMarker(w.instance.id)}$`),
    );
    expect(w.sandbox.state.data.associations('tasks', task?.id ?? '', 'contacts').map((l) => l.toId)).toEqual(
      [w.contactId],
    );

    await w.writer.createBreachTask(w.instance, breached(w.instance));
    expect(w.tasks()).toHaveLength(1);
    expect(w.loggedTaskIds()).toEqual([
      { msg: 'hubspot breach task created', taskId: task?.id },
      { msg: 'hubspot breach task already there, not created again', taskId: task?.id },
    ]);
  });

  it('HubSpot creates the task but answers 502: exactly one task, and the writer records its id', async () => {
    const w = await world();
    w.sandbox.faults.inject('accept_then_server_error', { endpoint: CREATE });
    await w.writer.createBreachTask(w.instance, breached(w.instance));
    expect(w.sandbox.stats.snapshot().byEndpoint[CREATE]?.statuses).toEqual({ '502': 1 });
    expect(w.tasks()).toHaveLength(1);
    expect(w.loggedTaskIds()).toEqual([
      { msg: 'hubspot breach task found after an unclear answer', taskId: w.tasks()[0]?.id },
      { msg: 'hubspot breach task created', taskId: w.tasks()[0]?.id },
    ]);
  });

  it('HubSpot creates the task and the answer never comes: the request is aborted at its time limit, one task', async () => {
    const w = await world();
    w.sandbox.faults.inject('accept_then_timeout', { endpoint: CREATE });
    const pending = w.writer.createBreachTask(w.instance, breached(w.instance));
    await vi.waitFor(() => expect(w.sandbox.stats.count(CREATE)).toBe(1));
    expect(w.timing.running).toBe(1);
    w.timing.expire();
    await pending;
    // The client gave up on the held request and closed its connection.
    await vi.waitFor(() => expect(w.sandbox.faults.clientClosed(CREATE)).toBe(1));
    expect(w.tasks()).toHaveLength(1);
    expect(w.sandbox.stats.count(CREATE)).toBe(1);
    expect(w.loggedTaskIds().at(-1)).toEqual({
      msg: 'hubspot breach task created',
      taskId: w.tasks()[0]?.id,
    });
  });

  it('a 5xx before anything was created: fails retryably without resending, and the next attempt creates one', async () => {
    const w = await world();
    w.sandbox.faults.inject('server_error', { endpoint: CREATE });
    const error = await w.writer.createBreachTask(w.instance, breached(w.instance)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotAmbiguousWriteError);
    expect(error).toMatchObject({ retryable: true });
    expect(w.sandbox.stats.count(CREATE)).toBe(1);
    expect(w.tasks()).toHaveLength(0);

    // The write-back queue tries again later: the writer looks first, then creates.
    await w.writer.createBreachTask(w.instance, breached(w.instance));
    expect(w.tasks()).toHaveLength(1);
    expect(w.sandbox.stats.count(CREATE)).toBe(2);
  });
});
