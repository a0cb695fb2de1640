import { describe, expect, it } from 'vitest';
import { HubSpotAmbiguousWriteError, HubSpotServerError } from '../../src/hubspot/errors.ts';
import { ops } from '../../src/hubspot/operations.ts';
import tenSecondly from '../fixtures/hubspot/rate-limit-ten-secondly.json' with { type: 'json' };
import serverError from '../fixtures/hubspot/server-error.json' with { type: 'json' };
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, harness } from './harness.ts';

const TASKS = '/crm/v3/objects/tasks';
const task = {
  id: '555',
  properties: {},
  createdAt: '2024-05-01T10:10:00.000Z',
  updatedAt: '2024-05-01T10:10:00.000Z',
};

/** A bare task create through the gateway, as the breach-task writer sends it. */
const createTask = (h: ReturnType<typeof harness>) =>
  h.client.api.call(ops.createTask, () =>
    h.client.api.sdk.crm.objects.tasks.basicApi.create({
      properties: { hs_timestamp: '1714558200000', hs_task_subject: 'SLA breached: call Ana now' },
      associations: [],
    }),
  );

const socketError = (code: string) => Object.assign(new Error(`socket ${code}`), { code });

describe('HubSpot gateway: a create is never sent twice blindly', () => {
  const http = useStrictHttp();

  it('every operation says whether it is idempotent; only creates are not', () => {
    const named = Object.entries(ops).flatMap(([key, op]) =>
      typeof op === 'function' ? [[key, op('contacts', 'tasks')] as const] : [[key, op] as const],
    );
    const notIdempotent = named.filter(([, op]) => !op.idempotent).map(([key]) => key);
    expect(notIdempotent.sort()).toEqual(['createProperty', 'createPropertyGroup', 'createTask']);
    expect(ops.updateContact.idempotent).toBe(true);
  });

  it('a 502 on a task create is one request and an ambiguous failure, not a retry', async () => {
    const h = harness();
    http.scope(BASE).post(TASKS).reply(502, serverError);
    const error = await createTask(h).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotAmbiguousWriteError);
    expect(error).toMatchObject({
      code: 'HUBSPOT_AMBIGUOUS_WRITE',
      retryable: true,
      operation: 'tasks.create',
    });
    expect((error as Error).cause).toBeInstanceOf(HubSpotServerError);
    expect(h.client.api.requestCount).toBe(1);
    expect(h.timing.waits).toEqual([]);
    expect(
      h.log.lines().some((l) => l.msg === 'hubspot write may have been carried out, not sent again'),
    ).toBe(true);
  });

  it('a time-out on a task create is not resent either', async () => {
    const h = harness();
    h.timing.timeouts = 1;
    const error = await createTask(h).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotAmbiguousWriteError);
    expect(h.client.api.requestCount).toBe(1);
  });

  it('a connection reset mid-request is ambiguous; a refused connection (never sent) is retried', async () => {
    const reset = harness();
    http.scope(BASE).post(TASKS).replyWithError(socketError('ECONNRESET'));
    await expect(createTask(reset)).rejects.toBeInstanceOf(HubSpotAmbiguousWriteError);
    expect(reset.client.api.requestCount).toBe(1);

    const refused = harness();
    http.scope(BASE).post(TASKS).replyWithError(socketError('ECONNREFUSED')).post(TASKS).reply(201, task);
    await expect(createTask(refused)).resolves.toMatchObject({ id: '555' });
    expect(refused.client.api.requestCount).toBe(2);
  });

  it('a 429 on a task create is a refusal: waited out and sent again', async () => {
    const h = harness();
    http.scope(BASE).post(TASKS).reply(429, tenSecondly).post(TASKS).reply(201, task);
    await expect(createTask(h)).resolves.toMatchObject({ id: '555' });
    expect(h.timing.waits).toEqual([10_000]);
  });

  it('an idempotent write (contact update) is still retried after a 5xx', async () => {
    const h = harness();
    http
      .scope(BASE)
      .patch('/crm/v3/objects/contacts/101')
      .reply(500, serverError)
      .patch('/crm/v3/objects/contacts/101')
      .reply(200, { id: '101', properties: {} });
    await h.client.api.call(ops.updateContact, () =>
      h.client.api.sdk.crm.objects.basicApi.update('contacts', '101', {
        properties: { sla_bot_status: 'met' },
      }),
    );
    expect(h.client.api.requestCount).toBe(2);
  });
});
