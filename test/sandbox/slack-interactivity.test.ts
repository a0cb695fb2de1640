import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { currentContent, type SlackSandbox } from '../../src/sandbox/index.ts';
import { slack } from './helpers.ts';

const SECRET = 'sandbox-signing-secret';
const apps: App[] = [];

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

/** A real Bolt app on HTTP, talking to the Slack sandbox, with the handlers an SLA bot would have. */
async function boltAgainst(sandbox: SlackSandbox) {
  const app = new App({
    token: 'xoxb-sandbox',
    signingSecret: SECRET,
    // Answer the HTTP request only after the listeners ran, so a test can assert right after delivery.
    processBeforeResponse: true,
    botId: sandbox.state.bot.botId,
    botUserId: sandbox.state.bot.userId,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: sandbox.url, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } },
  });
  app.action('lead_ack', async ({ ack, body, client }) => {
    await ack();
    if (body.type !== 'block_actions' || !body.container.channel_id) return;
    await client.chat.update({
      channel: body.container.channel_id,
      ts: body.container.message_ts,
      text: `On it: <@${body.user.id}>`,
      blocks: [],
    });
  });
  app.action('lead_not_a_fit', async ({ ack, body, client }) => {
    await ack();
    if (body.type !== 'block_actions') return;
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: 'modal',
        callback_id: 'not_a_fit',
        title: { type: 'plain_text', text: 'Not a fit' },
        blocks: [],
      },
    });
  });
  app.view('not_a_fit', async ({ ack, view }) => {
    await ack();
    submitted.push(view.state.values);
  });
  app.command('/sla', async ({ ack, respond, command }) => {
    await ack();
    await respond({ response_type: 'ephemeral', text: `2 open leads for <@${command.user_id}>` });
  });
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Your leads' } }] },
    });
  });
  const submitted: unknown[] = [];
  const server = (await app.start(0)) as Server;
  apps.push(app);
  const { port } = server.address() as AddressInfo;
  return { app, submitted, endpoint: `http://127.0.0.1:${port}/slack/events` };
}

/** Bolt checks the signature timestamp against the real clock, so signed deliveries use it. */
const realSeconds = () => Math.floor(Date.now() / 1000);

async function scene() {
  const sandbox = await slack();
  const rep = sandbox.state.addUser({ email: 'bram@example.com' });
  const { channel } = sandbox.state.directory.dmWith(rep.id, sandbox.clock.now());
  const bolt = await boltAgainst(sandbox);
  const web = bolt.app.client;
  const posted = await web.chat.postMessage({
    channel: channel.id,
    text: 'New lead: Ana Díaz',
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: '*Ana Díaz*' } },
      {
        type: 'actions',
        block_id: 'lead:contact:1:sql',
        elements: [
          {
            type: 'button',
            action_id: 'lead_ack',
            value: 'contact:1:sql',
            text: { type: 'plain_text', text: 'On it' },
          },
          { type: 'button', action_id: 'lead_not_a_fit', text: { type: 'plain_text', text: 'Not a fit' } },
        ],
      },
    ],
  });
  return { sandbox, rep, bolt, dm: channel.id, ts: posted.ts ?? '' };
}

describe('Slack sandbox interactivity, end to end with a real Bolt app', () => {
  it('builds a button click Bolt accepts over signed HTTP, and the handler updates the message in the sandbox', async () => {
    const { sandbox, rep, bolt, dm, ts } = await scene();
    const click = sandbox.interact.clickButton({
      user: 'bram@example.com',
      channel: dm,
      ts,
      actionId: 'lead_ack',
    });
    expect(click.body).toMatchObject({
      type: 'block_actions',
      container: { channel_id: dm, message_ts: ts },
      actions: [
        { action_id: 'lead_ack', block_id: 'lead:contact:1:sql', value: 'contact:1:sql', type: 'button' },
      ],
    });
    const delivered = await sandbox.interact.deliver(bolt.endpoint, click, SECRET, realSeconds());
    expect(delivered.status).toBe(200);
    const [message] = sandbox.state.dmsTo(rep.id);
    expect(message && currentContent(message).text).toBe(`On it: <@${rep.id}>`);
  });

  it('is refused by Bolt when signed with the wrong secret', async () => {
    const { sandbox, bolt, dm, ts } = await scene();
    const click = sandbox.interact.clickButton({
      user: 'bram@example.com',
      channel: dm,
      ts,
      actionId: 'lead_ack',
    });
    const delivered = await sandbox.interact.deliver(bolt.endpoint, click, 'not-the-secret', realSeconds());
    expect(delivered.status).toBe(401);
    expect(sandbox.state.log.messages[0]?.updates).toEqual([]);
  });

  it('names the missing button when a test clicks one that is not on the message', async () => {
    const { sandbox, dm, ts } = await scene();
    expect(() =>
      sandbox.interact.clickButton({ user: 'bram@example.com', channel: dm, ts, actionId: 'nope' }),
    ).toThrow(/action_id nope/);
  });

  it('opens a modal from a click with its trigger id and delivers the submission', async () => {
    const { sandbox, rep, bolt, dm, ts } = await scene();
    const click = sandbox.interact.clickButton({ user: rep.id, channel: dm, ts, actionId: 'lead_not_a_fit' });
    await sandbox.interact.deliver(bolt.endpoint, click, SECRET, realSeconds());
    const modal = sandbox.state.log.views.find((v) => v.type === 'modal');
    expect(modal?.user).toBe(rep.id);
    const values = { reason: { pick: { type: 'static_select', selected_option: { value: 'student' } } } };
    const submit = sandbox.interact.submitView({ user: rep.id, viewId: modal?.id ?? '', values });
    expect((await sandbox.interact.deliver(bolt.endpoint, submit, SECRET, realSeconds())).status).toBe(200);
    expect(bolt.submitted).toEqual([values]);
  });

  it('runs a slash command whose respond() reaches the sandbox response_url as an ephemeral reply', async () => {
    const { sandbox, rep, bolt } = await scene();
    const command = sandbox.interact.slashCommand({ user: rep.id, command: '/sla', text: 'mine' });
    expect((await sandbox.interact.deliver(bolt.endpoint, command, SECRET, realSeconds())).status).toBe(200);
    expect(sandbox.state.responses).toHaveLength(1);
    expect(sandbox.state.seenBy(rep.id).ephemerals.map((e) => [e.text, e.via])).toEqual([
      [`2 open leads for <@${rep.id}>`, 'response_url'],
    ]);
  });

  it('publishes the Home tab when app_home_opened is delivered, also through processEvent without HTTP', async () => {
    const { sandbox, rep, bolt } = await scene();
    const opened = sandbox.interact.appHomeOpened({ user: rep.id });
    expect((await sandbox.interact.deliver(bolt.endpoint, opened, SECRET, realSeconds())).status).toBe(200);
    await bolt.app.processEvent({
      body: sandbox.interact.appHomeOpened({ user: rep.id }).body,
      ack: async () => undefined,
    });
    const homes = sandbox.state.log.views.filter((v) => v.type === 'home' && v.user === rep.id);
    expect(homes).toHaveLength(2);
    expect(new Set(homes.map((h) => h.id)).size).toBe(1);
  });

  it('expires a response_url after five uses', async () => {
    const { sandbox, rep } = await scene();
    const command = sandbox.interact.slashCommand({ user: rep.id, command: '/sla' });
    const url = String(command.body.response_url);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await fetch(url, { method: 'POST', body: JSON.stringify({ text: `${i}` }) })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
  });
});
