import { afterEach, describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/domain/evaluation.ts';
import type { SlaInstance } from '../../src/domain/model.ts';
import { breachTaskMarker } from '../../src/hubspot/breach-task.ts';
import { createHubSpotClient } from '../../src/hubspot/hubspot-client.ts';
import { createHubSpotLeadWriter } from '../../src/hubspot/lead-writer.ts';
import { withRetractedNote } from '../../src/hubspot/retract-breach-task.ts';
import type { HubSpotSandbox } from '../../src/sandbox/index.ts';
import { captureLogger } from '../fakes/logger.ts';
import { lead } from '../fakes/sla-fixtures.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { config, NOW } from './harness.ts';
import { ManualTiming } from './manual-timing.ts';

const MIN = 60_000;
const PATCH = 'PATCH /crm/v3/objects/tasks/{id}';

const stopping: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stopping.splice(0).map((stop) => stop()));
});

const evaluation = (instance: SlaInstance, firstContact: Evaluation['firstContact']): Evaluation => ({
  instanceId: instance.id,
  clockStart: instance.enteredAt,
  firstContact,
  attempts: null,
  systemDelay: 20_000,
  repDelay: null,
  acknowledged: null,
  silenced: [],
  nextDueAt: null,
  due: [],
  settled: false,
});

/** Breached at 10:05 (UTC): the deadline passed without a touch. */
const breached = (i: SlaInstance) =>
  evaluation(i, {
    state: 'breached',
    deadline: i.enteredAt + 5 * MIN,
    lateBy: 5 * MIN,
    contactedAt: null,
    excused: false,
  });

/** Then a call logged late, dated 10:02: the deadline was met after all. */
const retracted = (i: SlaInstance) =>
  evaluation(i, {
    state: 'met',
    deadline: i.enteredAt + 5 * MIN,
    at: i.enteredAt + 2 * MIN,
    touchId: 'call:late',
    took: 2 * MIN,
    contact: 'reached',
  });

/** The lead writer (write-back and breach tasks on) against a sandbox holding one contact. */
async function world() {
  const clock = new FakeClock(NOW);
  const sandbox: HubSpotSandbox = await startCheckedHubSpotSandbox({ clock, rateLimits: false });
  stopping.push(() => sandbox.stop());
  const owner = sandbox.state.addOwner({ email: 'bram@example.com' });
  const contact = sandbox.state.addContact({ firstName: 'Ana', ownerId: owner.id });
  const cfg = config({
    timezone: 'UTC',
    hubspot: {
      ...config().hubspot,
      writeBack: { enabled: true, createTaskOnBreach: true, notAFitLeadStatus: null },
    },
  });
  const log = captureLogger();
  const client = createHubSpotClient({
    accessToken: 'sandbox-token',
    basePath: sandbox.url,
    config: cfg,
    logger: log.logger,
    clock,
    timing: new ManualTiming(),
  });
  const writer = createHubSpotLeadWriter({ client, config: cfg, logger: log.logger, clock });
  const enteredAt = NOW - 10 * MIN;
  const instance: SlaInstance = {
    id: `contact:${contact.id}:sql:${enteredAt}`,
    lead: { ...lead(contact.id), firstName: 'Ana', lastName: null },
    stage: 'sql',
    policyName: 'sql-follow-up',
    enteredAt,
    ownerId: owner.id,
    ownerAssignedAt: enteredAt,
    firstSeenAt: enteredAt,
    closedAt: null,
    closeReason: null,
  };
  const tasks = () => sandbox.state.data.all('tasks');
  const task = (name: string) => tasks()[0]?.properties.get(name);
  const logged = () =>
    log
      .lines()
      .map((l) => l.msg)
      .filter((m) => typeof m === 'string' && m.includes('retracted'));
  return { sandbox, writer, instance, tasks, task, logged, contactId: contact.id };
}

describe('a retracted breach completes the breach task sla-bot made (loopback HubSpot sandbox)', () => {
  it('completes the task with a note above its marker, in one PATCH; asked again, sends nothing', async () => {
    const w = await world();
    await w.writer.createBreachTask(w.instance, breached(w.instance));
    expect(w.task('hs_task_status')).toBe('NOT_STARTED');

    await w.writer.retractBreachTask(w.instance, retracted(w.instance));
    expect(w.tasks()).toHaveLength(1);
    expect(w.task('hs_task_status')).toBe('COMPLETED');
    const body = String(w.task('hs_task_body'));
    expect(body).toContain(
      '\nsla-bot: breach retracted, contact logged at 2024-05-01 10:02 UTC (the deadline was 2024-05-01 10:05 UTC).\n',
    );
    // The marker stays the last line: the task is found again as before.
    expect(body.endsWith(`\n${breachTaskMarker(w.instance.id)}`)).toBe(true);
    expect(w.sandbox.stats.count(PATCH)).toBe(1);

    await w.writer.retractBreachTask(w.instance, retracted(w.instance));
    expect(w.sandbox.stats.count(PATCH)).toBe(1);
    expect(String(w.task('hs_task_body')).match(/breach retracted/g)).toHaveLength(1);
    expect(w.logged()).toEqual([
      'hubspot breach task completed: breach retracted',
      'hubspot breach task already completed as retracted',
    ]);
  });

  it('a 5xx on the PATCH is retried (it overwrites values): one completed task, one note', async () => {
    const w = await world();
    await w.writer.createBreachTask(w.instance, breached(w.instance));
    w.sandbox.faults.inject('accept_then_server_error', { endpoint: PATCH });
    await w.writer.retractBreachTask(w.instance, retracted(w.instance));
    expect(w.sandbox.stats.snapshot().byEndpoint[PATCH]?.statuses).toEqual({ '200': 1, '502': 1 });
    expect(w.task('hs_task_status')).toBe('COMPLETED');
    expect(String(w.task('hs_task_body')).match(/breach retracted/g)).toHaveLength(1);
  });

  it('does nothing when there is no task: none was made, or a person deleted it', async () => {
    const w = await world();
    await w.writer.retractBreachTask(w.instance, retracted(w.instance));
    expect(w.sandbox.stats.count(PATCH)).toBe(0);

    await w.writer.createBreachTask(w.instance, breached(w.instance));
    w.sandbox.state.archive('tasks', w.tasks()[0]?.id ?? '');
    await w.writer.retractBreachTask(w.instance, retracted(w.instance));
    expect(w.sandbox.stats.count(PATCH)).toBe(0);
    expect(w.logged()).toEqual([
      'no hubspot breach task to complete for the retracted breach',
      'no hubspot breach task to complete for the retracted breach',
    ]);
  });

  it('leaves a task on the contact that is not its own alone', async () => {
    const w = await world();
    const theirs = w.sandbox.state.data.create(
      'tasks',
      { hs_timestamp: String(NOW), hs_task_body: 'Call back about pricing', hs_task_status: 'NOT_STARTED' },
      { sourceType: 'CRM_UI' },
      NOW,
    );
    w.sandbox.state.data.associate('tasks', theirs.id, 'contacts', w.contactId, NOW);
    await w.writer.retractBreachTask(w.instance, retracted(w.instance));
    expect(w.sandbox.stats.count(PATCH)).toBe(0);
    expect(w.task('hs_task_status')).toBe('NOT_STARTED');
  });
});

describe('the note on a completed task', () => {
  const marker = 'sla-bot ref: breach-0123456789abcdef';
  const note =
    'sla-bot: breach retracted, contact logged at 2024-05-01 10:02 UTC (the deadline was 2024-05-01 10:05 UTC).';

  it('goes on the line above the marker, as a line break of the markup when HubSpot keeps rich text', () => {
    expect(withRetractedNote(`Late by 5 min.\n${marker}`, marker, note)).toBe(
      `Late by 5 min.\n${note}\n${marker}`,
    );
    expect(withRetractedNote(`<p>Late by 5 min.</p><p>${marker}</p>`, marker, note)).toBe(
      `<p>Late by 5 min.</p><p>${note}<br>${marker}</p>`,
    );
  });

  it('is added once', () => {
    const once = withRetractedNote(`Late.\n${marker}`, marker, note);
    expect(withRetractedNote(once, marker, note)).toBe(once);
  });
});
