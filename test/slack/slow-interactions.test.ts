import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import type { StoredInstance } from '../../src/ports/store.ts';
import {
  currentContent,
  type RecordedView,
  type SlackInteraction,
  type SlackSandbox,
  type SlackSandboxEvent,
  type SlackState,
  startSlackSandbox,
} from '../../src/sandbox/index.ts';
import { HttpServer } from '../../src/server/http-server.ts';
import { createSlackApp, SLACK_EVENTS_PATH } from '../../src/slack/app.ts';
import { ACTION, FIELD } from '../../src/slack/render/ids.ts';
import { createSendQueue } from '../../src/slack/send-queue.ts';
import { createSlackWebClient } from '../../src/slack/web-client.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { ManualTimers } from '../support/manual-timers.ts';
import { FakeSlackStore } from './support/fake-slack-store.ts';
import { evaluation, instance, owner, slackConfig } from './support/fixtures.ts';

const SECRET = 'sandbox-signing-secret';
/** Every store read takes this long (on the sandbox clock). */
const STORE_DELAY = 5 * SECOND;
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** The next thing the bot does that `pick` recognises, as the sandbox records it. */
const next = <T>(state: SlackState, pick: (event: SlackSandboxEvent) => T | null): Promise<T> =>
  new Promise((resolve) => {
    const stop = state.on((event) => {
      const found = pick(event);
      if (found === null) return;
      stop();
      resolve(found);
    });
  });

/** The next view the bot opens or updates. */
const nextView = (state: SlackState) => next(state, (e) => (e.kind === 'view' ? e.view : null));

/** The next message the bot posts that starts with `prefix` (ephemeral replies included). */
const nextPost = (state: SlackState, prefix: string) =>
  next(state, (e) =>
    (e.kind === 'posted' || e.kind === 'ephemeral') && e.message.text?.startsWith(prefix) ? e.message : null,
  );

/** The modal the person has open now (its latest version), if any. */
const openModalOf = (state: SlackState, user: string): RecordedView | null => {
  const id = state.log.views.findLast((v) => v.type === 'modal' && v.user === user)?.id;
  const latest = id === undefined ? null : state.log.view(id);
  return latest && !latest.closed ? latest : null;
};

const plainTexts = (view: RecordedView | null): string =>
  JSON.stringify(view?.view.blocks ?? []).replaceAll('\\"', '"');

/**
 * sla-bot's real Slack app over HTTP (as in production) against the Slack sandbox, with the send
 * queue's users.info lane stuck behind a 9-second Retry-After and a store that takes 5 s per read.
 * Time is the sandbox's fake clock: waits end only when the test moves it. The clock starts at the
 * machine's time because Bolt checks request signatures against the machine's clock.
 */
async function scene() {
  const clock = new FakeClock(Date.now());
  const timers = new ManualTimers(clock);
  // Tier 4 (users.info, views.*) at 10 a minute instead of Slack's 100+: stricter, and a quick burst.
  const sandbox: SlackSandbox = await startSlackSandbox({ clock, rateLimits: { tiers: { 4: 10 } } });
  cleanups.push(() => sandbox.stop());
  const { state } = sandbox;
  const bram = state.addUser({ email: 'bram@example.com' });
  const anna = state.addUser({ email: 'anna@example.com' });
  const logger = pino({ level: 'silent' });
  const client = createSlackWebClient('xoxb-sandbox', { apiUrl: sandbox.url, logger });
  const queue = createSendQueue({ clock, logger, sleep: timers.sleep });

  const lead = (channel: string, ts: string): StoredInstance => ({
    instance: instance({ id: 'i-bram', ownerId: 'o-bram' }),
    evaluation: evaluation({ instanceId: 'i-bram' }),
    pingRef: { channel, ts },
    pingState: null,
  });
  const button = (actionId: string, text: string) => ({
    type: 'button' as const,
    action_id: actionId,
    value: 'i-bram',
    text: { type: 'plain_text' as const, text },
  });
  const ping = await client.chat.postMessage({
    channel: bram.id,
    text: 'New SQL lead: Jane Doe',
    blocks: [
      {
        type: 'actions',
        block_id: 'lead_actions',
        elements: [button(ACTION.onIt, 'On it'), button(ACTION.notAFit, 'Not a fit')],
      },
    ],
  });
  const escalation = await client.chat.postMessage({
    channel: anna.id,
    text: 'SLA escalation: Jane Doe',
    blocks: [{ type: 'actions', elements: [button(ACTION.snooze, 'Snooze escalations')] }],
  });

  const store = new FakeSlackStore().add(lead(ping.channel ?? '', ping.ts ?? ''));
  const read = store.instance.bind(store);
  store.instance = async (id) => {
    await timers.sleep(STORE_DELAY);
    return read(id);
  };

  const app = createSlackApp({
    env: {
      SLACK_BOT_TOKEN: 'xoxb-sandbox',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL: sandbox.url,
    },
    client,
    store,
    owners: async () => [owner()],
    leadWriter: null,
    config: () => slackConfig(),
    clock,
    logger,
    queue,
  });
  await app.start();
  const server = new HttpServer({ host: '127.0.0.1', port: 0, logger }, app.routes);
  const port = await server.listen();
  cleanups.push(() => server.close());
  const endpoint = `http://127.0.0.1:${port}${SLACK_EVENTS_PATH}`;

  // Another caller's users.info (a burst of look-ups used up the minute) is told to wait 9 s.
  for (let i = 0; i < 10; i++) await client.users.info({ user: bram.id });
  clock.advance(51 * SECOND);
  const rateLimitWait = timers.nextSleep();
  void queue.run('users.info', 0, () => client.users.info({ user: bram.id }));
  expect(await rateLimitWait).toBe(9 * SECOND);

  const deliver = (interaction: SlackInteraction) => sandbox.interact.deliver(endpoint, interaction, SECRET);
  return { clock, timers, sandbox, state, bram, anna, store, deliver, ping, escalation };
}

const snoozeValues = {
  [FIELD.scope.block]: { [FIELD.scope.action]: { selected_option: { value: 'owner:o-bram' } } },
  [FIELD.duration.block]: {
    [FIELD.duration.action]: { selected_option: { value: String(4 * 60 * MINUTE) } },
  },
  [FIELD.snoozeReason.block]: { [FIELD.snoozeReason.action]: { value: 'Trade fair all day' } },
};

describe('interactions while Slack look-ups are rate limited and the store is slow', () => {
  it('"Snooze escalations": acked and the modal open at once, filled in after the look-ups; the form answers at once', async () => {
    const { timers, sandbox, state, anna, escalation, store, deliver } = await scene();
    const leadRead = timers.nextSleep();
    const click = sandbox.interact.clickButton({
      user: anna.id,
      channel: escalation.channel ?? '',
      ts: escalation.ts ?? '',
      actionId: ACTION.snooze,
    });
    expect(await deliver(click)).toMatchObject({ status: 200, ackMs: 0, shownError: null });
    // By the time the (5-second) store read of the lead starts, the modal is already open.
    expect(await leadRead).toBe(STORE_DELAY);
    const loading = openModalOf(state, anna.id);
    expect(loading).toMatchObject({ type: 'modal', user: anna.id });
    expect(plainTexts(loading)).toContain('Loading…');

    // Once the lead is read, the open modal is filled in.
    const filled = nextView(state);
    timers.advance(STORE_DELAY);
    const form = await filled;
    expect(form.id).toBe(loading?.id);
    expect(form.view.callback_id).toBe('sla_snooze_modal');

    // Submitting: Slack gets its answer at once ("Snoozing…"); who may snooze is decided after.
    const storeRead = timers.nextSleep();
    const submit = sandbox.interact.submitView({ user: anna.id, viewId: form.id, values: snoozeValues });
    expect(await deliver(submit)).toMatchObject({
      status: 200,
      ackMs: 0,
      shownError: null,
      viewAnswer: { kind: 'update' },
    });
    expect(plainTexts(state.log.view(form.id))).toContain('Snoozing escalations…');

    // anna's users.info waits out the 9-second Retry-After, then the store read takes 5 s.
    timers.advance(9 * SECOND);
    expect(await storeRead).toBe(STORE_DELAY);
    const verdict = nextView(state);
    const confirmed = nextPost(state, 'Escalations for this rep snoozed until');
    timers.advance(STORE_DELAY);
    expect(plainTexts(await verdict)).toContain('Escalations for this rep snoozed until');
    expect((await confirmed).channel).toBe(state.dmsTo(anna.id)[0]?.channel);
    expect(store.silenceList.map((s) => [s.scope, s.by])).toEqual([
      [{ kind: 'owner', ownerId: 'o-bram' }, 'anna@example.com'],
    ]);
  });

  it('"On it": acked at once; recorded and confirmed through the response URL once the look-ups are done', async () => {
    const { timers, sandbox, state, bram, ping, store, deliver } = await scene();
    const click = sandbox.interact.clickButton({
      user: bram.id,
      channel: ping.channel ?? '',
      ts: ping.ts ?? '',
      actionId: ACTION.onIt,
    });
    const storeRead = timers.nextSleep();
    expect(await deliver(click)).toMatchObject({ status: 200, ackMs: 0, shownError: null });
    expect(store.acks).toEqual([]);
    timers.advance(9 * SECOND);
    expect(await storeRead).toBe(STORE_DELAY);
    const replied = nextPost(state, 'Got it:');
    timers.advance(STORE_DELAY);
    await replied;
    expect(store.acks.map((a) => a.by)).toEqual(['bram@example.com']);
    expect(state.seenBy(bram.id).ephemerals.map((e) => [e.via, e.text?.slice(0, 7)])).toEqual([
      ['response_url', 'Got it:'],
    ]);
  });

  it('"Not a fit": the reason picker opens at once and fills in later; the submission closes it at once', async () => {
    const { timers, sandbox, state, bram, ping, store, deliver } = await scene();
    const leadRead = timers.nextSleep();
    const click = sandbox.interact.clickButton({
      user: bram.id,
      channel: ping.channel ?? '',
      ts: ping.ts ?? '',
      actionId: ACTION.notAFit,
    });
    expect(await deliver(click)).toMatchObject({ status: 200, ackMs: 0, shownError: null });
    expect(await leadRead).toBe(STORE_DELAY);
    const loading = openModalOf(state, bram.id);
    expect(plainTexts(loading)).toContain('Loading…');
    const filled = nextView(state);
    timers.advance(STORE_DELAY);
    const form = await filled;
    expect(form).toMatchObject({ id: loading?.id, view: { callback_id: 'sla_not_a_fit_modal' } });

    const values = {
      [FIELD.reason.block]: { [FIELD.reason.action]: { selected_option: { value: 'No budget' } } },
    };
    const storeRead = timers.nextSleep();
    const submit = sandbox.interact.submitView({ user: bram.id, viewId: form.id, values });
    expect(await deliver(submit)).toMatchObject({
      status: 200,
      shownError: null,
      viewAnswer: { kind: 'close' },
    });
    expect(state.log.view(form.id)?.closed).toBe(true);
    timers.advance(9 * SECOND);
    expect(await storeRead).toBe(STORE_DELAY);
    const confirmed = nextPost(state, 'Marked not a fit');
    timers.advance(STORE_DELAY);
    await confirmed;
    expect(store.rejections.map((r) => [r.reason, r.by])).toEqual([['No budget', 'bram@example.com']]);
    const [message] = state.dmsTo(bram.id);
    expect(message && JSON.stringify(currentContent(message).blocks)).toContain('Closed: marked not a fit');
  });
});
