import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/domain/evaluation.ts';
import type { SlaInstance } from '../../src/domain/model.ts';
import { breachTaskMarker } from '../../src/hubspot/breach-task.ts';
import { createHubSpotLeadWriter } from '../../src/hubspot/lead-writer.ts';
import { lead } from '../fakes/sla-fixtures.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, config, harness, NOW } from './harness.ts';

const MIN = 60_000;
const instance: SlaInstance = {
  id: `contact:101:sql:${NOW - 10 * MIN}`,
  lead: { ...lead('101'), firstName: 'Ana', lastName: 'Díaz', phone: '+31 20 555 0101' },
  stage: 'sql',
  policyName: 'sql-follow-up',
  enteredAt: NOW - 10 * MIN,
  ownerId: '6166860',
  ownerAssignedAt: NOW - 10 * MIN,
  firstSeenAt: NOW - 10 * MIN + 20_000,
  closedAt: null,
  closeReason: null,
};
const breached: Evaluation = {
  instanceId: instance.id,
  clockStart: NOW - 10 * MIN,
  firstContact: {
    state: 'breached',
    deadline: NOW - 5 * MIN,
    lateBy: 5 * MIN,
    contactedAt: null,
    excused: false,
  },
  attempts: {
    made: 1,
    required: 6,
    atMost: 9,
    windowEnd: NOW + 5 * 24 * 60 * MIN,
    state: 'open',
    overkill: false,
  },
  systemDelay: 20_000,
  repDelay: null,
  acknowledged: null,
  silenced: [],
  nextDueAt: null,
  due: [],
  settled: false,
};
const met: Evaluation = {
  ...breached,
  firstContact: {
    state: 'met',
    deadline: NOW - 5 * MIN,
    at: NOW - 7 * MIN,
    touchId: 'call:1',
    took: 3 * MIN,
  },
};

/** HubSpot's 207 for a contact without tasks (associations v4 batch read). */
const noTasks = (contactId: string) => ({
  status: 'COMPLETE',
  results: [],
  numErrors: 1,
  errors: [
    {
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
      message: `No task is associated with contact ${contactId}.`,
      context: { fromObjectId: [contactId], fromObjectType: ['contact'], toObjectType: ['task'] },
    },
  ],
  startedAt: '2024-05-01T10:10:00.000Z',
  completedAt: '2024-05-01T10:10:00.000Z',
});

const taskRecord = (id: string, body: string) => ({
  id,
  properties: { hs_object_id: id, hs_task_body: body },
  createdAt: '2024-05-01T09:00:00.000Z',
  updatedAt: '2024-05-01T09:00:00.000Z',
  archived: false,
});

const writeBack = (enabled: boolean, createTaskOnBreach: boolean) =>
  config({
    timezone: 'Europe/Amsterdam',
    hubspot: {
      ...config().hubspot,
      writeBack: { enabled, createTaskOnBreach, notAFitLeadStatus: 'UNQUALIFIED' },
    },
  });

function writer(cfg: ReturnType<typeof config>) {
  const h = harness(cfg);
  return {
    h,
    writer: createHubSpotLeadWriter({ client: h.client, config: cfg, logger: h.log.logger, clock: h.clock }),
  };
}

describe('writing SLA outcomes back to HubSpot', () => {
  const http = useStrictHttp();

  it('records the verdicts on the contact when write-back is on', async () => {
    const { writer: w } = writer(writeBack(true, false));
    const bodies: unknown[] = [];
    http
      .scope(BASE)
      .patch('/crm/v3/objects/contacts/101', (b) => bodies.push(b) > 0)
      .reply(200, { id: '101', properties: {} });
    await w.writeOutcome(instance, met);
    expect(bodies[0]).toEqual({
      properties: {
        sla_bot_status: 'met',
        sla_bot_stage: 'sql',
        sla_bot_entered_at: String(NOW - 10 * MIN),
        sla_bot_deadline: String(NOW - 5 * MIN),
        sla_bot_first_contact_at: String(NOW - 7 * MIN),
        sla_bot_minutes_to_first_contact: '3',
        sla_bot_call_attempts: '1',
        sla_bot_attempts_required: '6',
        sla_bot_attempts_status: 'open',
      },
    });
  });

  it('writes nothing while write-back is off (the default), breach tasks and "Not a fit" included', async () => {
    const { writer: w, h } = writer(writeBack(false, true));
    await w.writeOutcome(instance, met);
    await w.createBreachTask(instance, breached);
    await w.retractBreachTask(instance, met);
    await w.markNotAFit(instance, 'Student', 'UNQUALIFIED');
    expect(h.source.requestCount).toBe(0);
  });

  it('creates no breach task unless asked to, even with write-back on (nor looks for one to complete)', async () => {
    const { writer: w, h } = writer(writeBack(true, false));
    await w.createBreachTask(instance, breached);
    await w.retractBreachTask(instance, met);
    expect(h.source.requestCount).toBe(0);
  });

  it('creates a high-priority call task for the owner on breach, associated with the contact', async () => {
    const { writer: w } = writer(writeBack(true, true));
    const bodies: unknown[] = [];
    http
      .scope(BASE)
      // First it looks for a task an earlier attempt made: the contact has none.
      .post('/crm/v4/associations/contacts/tasks/batch/read', { inputs: [{ id: '101' }] })
      .reply(207, noTasks('101'))
      .post('/crm/v3/objects/tasks', (b) => bodies.push(b) > 0)
      .reply(201, { id: '555', properties: {} });
    await w.createBreachTask(instance, breached);
    expect(bodies[0]).toEqual({
      properties: {
        hs_timestamp: String(NOW),
        hs_task_subject: 'SLA breached: call Ana Díaz now',
        hs_task_body: [
          'Entered sql at 2024-05-01 12:00 GMT+2; first contact was due by 2024-05-01 12:05 GMT+2.',
          'Late by 5 min.',
          'Attempts so far: 1 of 6.',
          'Phone: +31 20 555 0101',
          'Record: https://app.hubspot.com/contacts/1/record/0-1/101',
          breachTaskMarker(instance.id),
        ].join('\n'),
        hs_task_status: 'NOT_STARTED',
        hs_task_priority: 'HIGH',
        hs_task_type: 'CALL',
        hubspot_owner_id: '6166860',
      },
      associations: [
        { to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }] },
      ],
    });
  });

  it('does not create a breach task that is already on the contact (an earlier attempt made it)', async () => {
    const { writer: w, h } = writer(writeBack(true, true));
    http
      .scope(BASE)
      .post('/crm/v4/associations/contacts/tasks/batch/read', { inputs: [{ id: '101' }] })
      .reply(200, {
        status: 'COMPLETE',
        results: [
          {
            from: { id: '101' },
            to: [
              {
                toObjectId: 700,
                associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 204, label: null }],
              },
              {
                toObjectId: 701,
                associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 204, label: null }],
              },
            ],
          },
        ],
      })
      .post('/crm/v3/objects/tasks/batch/read', {
        inputs: [{ id: '700' }, { id: '701' }],
        properties: ['hs_task_body'],
        propertiesWithHistory: [],
      })
      .reply(200, {
        status: 'COMPLETE',
        results: [
          taskRecord('700', 'Call back about pricing'),
          // HubSpot keeps task bodies as rich text: the marker survives the HTML around it.
          taskRecord('701', `<p>Entered sql …</p><p>${breachTaskMarker(instance.id)}</p>`),
        ],
      });
    await w.createBreachTask(instance, breached);
    expect(h.source.requestCount).toBe(2);
    expect(h.log.lines().find((l) => typeof l.taskId === 'string')).toMatchObject({
      msg: 'hubspot breach task already there, not created again',
      taskId: '701',
    });
  });

  it('sets the lead status on "Not a fit", with the reason', async () => {
    const { writer: w } = writer(writeBack(true, false));
    const bodies: unknown[] = [];
    http
      .scope(BASE)
      .patch('/crm/v3/objects/contacts/101', (b) => bodies.push(b) > 0)
      .reply(200, { id: '101', properties: {} });
    await w.markNotAFit(instance, 'Student', 'UNQUALIFIED');
    expect(bodies).toEqual([
      { properties: { hs_lead_status: 'UNQUALIFIED', sla_bot_not_a_fit_reason: 'Student' } },
    ]);
  });

  it('moves the lifecycle stage back to a recycle stage by clearing it first', async () => {
    const { writer: w } = writer(writeBack(true, false));
    const bodies: unknown[] = [];
    http
      .scope(BASE)
      .patch('/crm/v3/objects/contacts/101', (b) => bodies.push(b) > 0)
      .times(2)
      .reply(200, { id: '101', properties: {} });
    await w.markNotAFit(instance, 'Job seeker', 'lead');
    expect(bodies).toEqual([
      { properties: { lifecyclestage: '' } },
      { properties: { lifecyclestage: 'lead', sla_bot_not_a_fit_reason: 'Job seeker' } },
    ]);
  });
});
