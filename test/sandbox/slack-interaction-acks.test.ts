import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/domain/time.ts';
import { ACK_DEADLINE_MS, MODAL_TROUBLE, type SlackSandbox } from '../../src/sandbox/index.ts';
import { slack } from './helpers.ts';

const SECRET = 'sandbox-signing-secret';
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

const web = (url: string) =>
  new WebClient('xoxb-sandbox', {
    slackApiUrl: url,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });

/** What a WebClient call rejected with (`data.error` for Slack's errors). */
async function slackError(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { data?: { error?: string } }).data?.error;
  }
  throw new Error('the call succeeded');
}

interface AppAnswer {
  /** How long the app takes, on the sandbox clock (it moves the clock before answering). */
  readonly tookMs?: number;
  readonly status?: number;
  readonly body?: string;
}

/** A stand-in for the app's Request URL that answers as scripted, recording what arrived. */
async function app(sandbox: SlackSandbox & { clock: { advance(ms: number): unknown } }, answer: AppAnswer) {
  const received: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    received.push(req);
    req.resume();
    req.on('end', () => {
      if (answer.tookMs) sandbox.clock.advance(answer.tookMs);
      res.writeHead(answer.status ?? 200, answer.body ? { 'content-type': 'application/json' } : {});
      res.end(answer.body ?? '');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, received };
}

async function workspace() {
  const sandbox = await slack();
  const rep = sandbox.state.addUser({ email: 'bram@example.com' });
  const client = web(sandbox.url);
  const posted = await client.chat.postMessage({
    channel: rep.id,
    text: 'New lead',
    blocks: [
      {
        type: 'actions',
        elements: [{ type: 'button', action_id: 'on_it', text: { type: 'plain_text', text: 'On it' } }],
      },
    ],
  });
  const click = () =>
    sandbox.interact.clickButton({
      user: rep.id,
      channel: posted.channel ?? '',
      ts: posted.ts ?? '',
      actionId: 'on_it',
    });
  /** A modal with one input block (`reason`), opened from a slash command's trigger. */
  const openModal = async () => {
    const trigger = String(sandbox.interact.slashCommand({ user: rep.id, command: '/sla' }).body.trigger_id);
    const opened = await client.views.open({
      trigger_id: trigger,
      view: {
        type: 'modal',
        callback_id: 'form',
        title: { type: 'plain_text', text: 'Form' },
        submit: { type: 'plain_text', text: 'Save' },
        blocks: [
          {
            type: 'input',
            block_id: 'reason',
            label: { type: 'plain_text', text: 'Reason' },
            element: { type: 'plain_text_input', action_id: 'reason_input' },
          },
        ],
      },
    });
    return opened.view?.id ?? '';
  };
  const submit = (viewId: string) => sandbox.interact.submitView({ user: rep.id, viewId, values: {} });
  return { sandbox, rep, client, click, openModal, submit };
}

describe("the Slack sandbox judges the app's answer to an interaction like Slack", () => {
  it('an answer after 3 s shows the person an error, in the wording of each surface', async () => {
    const { sandbox, rep, click, openModal, submit } = await workspace();
    const late = await app(sandbox, { tookMs: ACK_DEADLINE_MS });
    const command = sandbox.interact.slashCommand({ user: rep.id, command: '/sla' });
    const modal = await openModal();
    const outcomes = [
      await sandbox.interact.deliver(late.url, click(), SECRET),
      await sandbox.interact.deliver(late.url, command, SECRET),
      await sandbox.interact.deliver(late.url, submit(modal), SECRET),
      await sandbox.interact.deliver(late.url, sandbox.interact.appHomeOpened({ user: rep.id }), SECRET),
    ];
    expect(outcomes.map((o) => [o.status, o.ackMs, o.shownError])).toEqual([
      [200, 3000, 'Operation timed out'],
      [200, 3000, '/sla failed with the error "operation_timeout"'],
      [200, 3000, MODAL_TROUBLE],
      // Events API deliveries show nothing; Slack retries them.
      [200, 3000, null],
    ]);
    // A late answer to a submission changes nothing: the form stays as it was.
    expect(sandbox.state.log.view(modal)?.closed).toBe(false);
    expect(late.received).toHaveLength(4);
  });

  it('an answer just inside 3 s is fine', async () => {
    const { sandbox, click } = await workspace();
    const quick = await app(sandbox, { tookMs: ACK_DEADLINE_MS - 1 });
    expect(await sandbox.interact.deliver(quick.url, click(), SECRET)).toMatchObject({
      status: 200,
      ackMs: 2999,
      shownError: null,
    });
  });

  it('a non-200 answer shows the status code', async () => {
    const { sandbox, click } = await workspace();
    const broken = await app(sandbox, { status: 500 });
    expect((await sandbox.interact.deliver(broken.url, click(), SECRET)).shownError).toBe(
      'This app responded with Status Code 500',
    );
  });

  it('a modal submission accepts only an empty answer or a response_action it understands', async () => {
    const { sandbox, openModal, submit } = await workspace();
    const answers = [
      '{"ok":true}',
      'thanks',
      '{"response_action":"errors","errors":{"no_such_block":"Pick one"}}',
      '{"response_action":"update"}',
    ];
    for (const body of answers) {
      const modal = await openModal();
      const server = await app(sandbox, { body });
      const outcome = await sandbox.interact.deliver(server.url, submit(modal), SECRET);
      expect([body, outcome.shownError, sandbox.state.log.view(modal)?.closed]).toEqual([
        body,
        MODAL_TROUBLE,
        false,
      ]);
    }
  });

  it('field errors keep the modal open; update replaces it in place; clear and an empty answer close it', async () => {
    const { sandbox, client, openModal, submit } = await workspace();
    const deliverTo = async (viewId: string, body: string) =>
      sandbox.interact.deliver((await app(sandbox, { body })).url, submit(viewId), SECRET);

    const withErrors = await openModal();
    const errors = '{"response_action":"errors","errors":{"reason":"Say why"}}';
    expect(await deliverTo(withErrors, errors)).toMatchObject({
      shownError: null,
      viewAnswer: { kind: 'errors', errors: { reason: 'Say why' } },
    });
    expect(sandbox.state.log.view(withErrors)?.closed).toBe(false);

    const updated = await openModal();
    const working = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'Working' },
      blocks: [],
    };
    const update = JSON.stringify({ response_action: 'update', view: working });
    expect((await deliverTo(updated, update)).viewAnswer).toMatchObject({ kind: 'update' });
    expect(sandbox.state.log.view(updated)?.view.title).toEqual(working.title);
    // Still open: the app can tell the outcome later with views.update.
    await expect(client.views.update({ view_id: updated, view: working })).resolves.toMatchObject({
      ok: true,
    });

    for (const body of ['', '{"response_action":"clear"}']) {
      const closed = await openModal();
      expect((await deliverTo(closed, body)).shownError).toBeNull();
      expect(sandbox.state.log.view(closed)?.closed).toBe(true);
      // A closed modal is gone: it cannot be updated, nor submitted again.
      expect(await slackError(client.views.update({ view_id: closed, view: working }))).toBe('not_found');
      expect(() => submit(closed)).toThrow(/closed/);
    }
  });
});

describe('trigger ids and response URLs expire on the sandbox clock', () => {
  const modal = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Lead' }, blocks: [] };

  it('views.open takes a trigger up to 2 999 ms old; at 3 000 ms it is expired_trigger_id', async () => {
    const { sandbox, rep, client } = await workspace();
    const trigger = () =>
      String(sandbox.interact.slashCommand({ user: rep.id, command: '/sla' }).body.trigger_id);
    const fresh = trigger();
    sandbox.clock.advance(2_999);
    await expect(client.views.open({ trigger_id: fresh, view: modal })).resolves.toMatchObject({ ok: true });
    const stale = trigger();
    sandbox.clock.advance(3_000);
    expect(await slackError(client.views.open({ trigger_id: stale, view: modal }))).toBe(
      'expired_trigger_id',
    );
  });

  it('views.push needs a fresh trigger too, and stops at 3 views on a modal', async () => {
    const { sandbox, rep, client, openModal } = await workspace();
    const root = await openModal();
    const trigger = () =>
      String(sandbox.interact.slashCommand({ user: rep.id, command: '/sla' }).body.trigger_id);
    const stale = trigger();
    sandbox.clock.advance(3_000);
    expect(await slackError(client.views.push({ trigger_id: stale, view: modal }))).toBe(
      'expired_trigger_id',
    );
    const pushed = await client.views.push({ trigger_id: trigger(), view: modal });
    expect(sandbox.state.log.view(pushed.view?.id ?? '')?.root).toBe(root);
    await client.views.push({ trigger_id: trigger(), view: modal });
    expect(await slackError(client.views.push({ trigger_id: trigger(), view: modal }))).toBe(
      'push_limit_reached',
    );
  });

  it('a response_url answers expired_url from 30 minutes after the interaction', async () => {
    const { sandbox, rep } = await workspace();
    const post = (url: string) => fetch(url, { method: 'POST', body: JSON.stringify({ text: 'late' }) });
    const first = String(sandbox.interact.slashCommand({ user: rep.id, command: '/sla' }).body.response_url);
    sandbox.clock.advance(30 * MINUTE - 1);
    expect((await post(first)).status).toBe(200);
    const second = String(sandbox.interact.slashCommand({ user: rep.id, command: '/sla' }).body.response_url);
    sandbox.clock.advance(30 * MINUTE);
    const expired = await post(second);
    expect([expired.status, await expired.text()]).toEqual([404, 'expired_url']);
  });
});
