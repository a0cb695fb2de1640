import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { ENGLISH } from '../../src/i18n/language.ts';
import { type SlackSandbox, type SlackSandboxOptions, startSlackSandbox } from '../../src/sandbox/index.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { createChannelDirectory } from '../../src/slack/channel-directory.ts';
import type { AmbiguousResolution } from '../../src/slack/keyed-post.ts';
import { createSlackNotifier } from '../../src/slack/notifier.ts';
import { createSendQueue } from '../../src/slack/send-queue.ts';
import { createSlackWebClient } from '../../src/slack/web-client.ts';
import { WorkerEvents } from '../../src/worker/events.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { FakeSlackStore } from './support/fake-slack-store.ts';
import { delivery, slackConfig, T0 } from './support/fixtures.ts';
import { fakeSleep, silentLogger } from './support/harness.ts';

const manifest = parse(readFileSync(new URL('../../slack-app-manifest.yml', import.meta.url), 'utf8'));
const manifestScopes: string[] = manifest.oauth_config.scopes.bot;

/**
 * SD-1, SD-2, SD-5, SD-7, SD-8: a post whose answer is lost is never resent blindly. The notifier against the loopback
 * Slack (with exactly the manifest's scopes, or fewer), through the real WebClient.
 */
describe('a Slack post whose answer was lost', () => {
  let sandbox: SlackSandbox | null = null;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = null;
  });

  async function setup(
    options: SlackSandboxOptions = {},
    config = slackConfig(),
    count: (r: AmbiguousResolution) => void = () => {},
  ) {
    const clock = new FakeClock(T0);
    sandbox = await startSlackSandbox({
      clock,
      scopes: manifestScopes,
      faults: { timeoutMs: 20 },
      ...options,
    });
    sandbox.state.addUser({ email: 'bram@example.com' });
    sandbox.state.addUser({ email: 'anna@example.com' });
    sandbox.state.addChannel({ name: 'sales-benelux' });
    sandbox.state.addChannel({ name: 'sla-admins' });
    const logger = silentLogger();
    const client = createSlackWebClient('xoxb-sandbox', { apiUrl: sandbox.url, logger });
    const queue = createSendQueue({ clock, logger, sleep: fakeSleep(clock).sleep });
    const resolutions: AmbiguousResolution[] = [];
    const store = new FakeSlackStore();
    const refs = ['#sla-admins', '#sales-benelux'].map((channel, line) => ({
      channel,
      path: `test[${line}]`,
      at: { file: 'config/sla.yaml', line: line + 1, col: 1 },
    }));
    const channels = createChannelDirectory({ client, queue, store, clock, logger, refs: () => refs });
    const notifier = createSlackNotifier({
      client,
      config: () => config,
      store,
      clock,
      logger,
      queue,
      channels,
      onAmbiguous: (r) => {
        resolutions.push(r);
        count(r);
      },
    });
    return { sandbox, notifier, clock, resolutions };
  }

  const keysIn = (messages: readonly { metadata: unknown }[]) =>
    messages.map((m) => (m.metadata as { event_payload?: { key?: string } } | null)?.event_payload?.key);

  it('carries its outbox key in message metadata', async () => {
    const { sandbox, notifier } = await setup();
    const d = delivery();
    expect((await notifier.send(d)).status).toBe('sent');
    expect(sandbox.state.dmsTo('bram@example.com').map((m) => m.metadata)).toEqual([
      { event_type: 'sla_bot_message', event_payload: { key: d.key } },
    ]);
  });

  it('accepted, then the answer times out: in doubt, not resent; the next attempt finds it (one DM, its ts)', async () => {
    const { sandbox, notifier, clock, resolutions } = await setup();
    sandbox.faults.inject('accept_then_timeout', { endpoint: 'chat.postMessage' });
    const first = await notifier.send(delivery());
    expect(first).toMatchObject({ status: 'retry', inDoubt: true });
    expect(sandbox.stats.count('chat.postMessage')).toBe(1); // no blind retry inside the call

    clock.advance(30 * SECOND);
    const second = await notifier.send(delivery({ now: clock.now(), inDoubtSince: T0 + 6 * SECOND }));
    const [dm, ...more] = sandbox.state.dmsTo('bram@example.com');
    expect(more).toEqual([]);
    expect(second).toEqual({
      status: 'sent',
      ref: { channel: dm?.channel, ts: dm?.ts },
      fallback: null,
      copies: [{ channel: dm?.channel, ts: dm?.ts, zone: 'Europe/Amsterdam', note: null, language: ENGLISH }],
    });
    expect(sandbox.stats.count('chat.postMessage')).toBe(1);
    expect(resolutions).toEqual(['found']);
  });

  it('a 5xx with nothing posted: the look-up finds nothing, then it is posted once', async () => {
    const { sandbox, notifier, clock, resolutions } = await setup();
    sandbox.faults.inject('server_error', { endpoint: 'chat.postMessage' });
    expect(await notifier.send(delivery())).toMatchObject({ status: 'retry', inDoubt: true });
    expect(sandbox.state.dmsTo('bram@example.com')).toEqual([]);

    clock.advance(30 * SECOND);
    const d = delivery({ now: clock.now(), inDoubtSince: T0 + 6 * SECOND });
    expect((await notifier.send(d)).status).toBe('sent');
    expect(keysIn(sandbox.state.dmsTo('bram@example.com'))).toEqual([d.key]);
    expect(resolutions).toEqual(['not_found']);
  });

  it('without the history scope: at most once — unconfirmed, never posted again, counted', async () => {
    const scopes = manifestScopes.filter((s) => s !== 'im:history');
    const { sandbox, notifier, clock, resolutions } = await setup({ scopes });
    sandbox.faults.inject('accept_then_server_error', { endpoint: 'chat.postMessage' });
    expect(await notifier.send(delivery())).toMatchObject({ status: 'retry', inDoubt: true });

    clock.advance(30 * SECOND);
    const second = await notifier.send(delivery({ now: clock.now(), inDoubtSince: T0 + 6 * SECOND }));
    expect(second).toEqual({ status: 'unconfirmed', error: expect.stringContaining('missing_scope') });
    expect(sandbox.state.dmsTo('bram@example.com')).toHaveLength(1);
    expect(sandbox.stats.count('chat.postMessage')).toBe(1);
    expect(resolutions).toEqual(['unverifiable']);
  });

  it('is counted in sla_bot_slack_ambiguous_sends_total by resolution', async () => {
    const metrics = createMetrics(new WorkerEvents(), { defaultMetrics: false });
    const scopes = manifestScopes.filter((s) => s !== 'im:history');
    const { sandbox, notifier, clock } = await setup({ scopes }, slackConfig(), metrics.slackAmbiguousSend);
    sandbox.faults.inject('accept_then_timeout', { endpoint: 'chat.postMessage' });
    await notifier.send(delivery());
    clock.advance(30 * SECOND);
    await notifier.send(delivery({ now: clock.now(), inDoubtSince: T0 }));
    expect(await metrics.registry.metrics()).toContain(
      'sla_bot_slack_ambiguous_sends_total{resolution="unverifiable"} 1',
    );
  });

  it('a public team channel the bot was never invited to cannot be read: unconfirmed, not reposted', async () => {
    const config = slackConfig({}, {});
    const { sandbox, notifier, clock, resolutions } = await setup(
      { scopes: [...manifestScopes, 'chat:write.public'] },
      config,
    );
    sandbox.state.addChannel({ name: 'outside', botIsMember: false });
    sandbox.faults.inject('accept_then_timeout', { endpoint: 'chat.postMessage' });
    const target = { kind: 'channel', channel: '#outside' } as const;
    expect(await notifier.send(delivery({ target }))).toMatchObject({ status: 'retry', inDoubt: true });
    clock.advance(30 * SECOND);
    const second = await notifier.send(delivery({ target, now: clock.now(), inDoubtSince: T0 }));
    expect(second).toMatchObject({ status: 'unconfirmed' });
    expect(sandbox.state.messagesIn('outside')).toHaveLength(1);
    expect(resolutions).toEqual(['unverifiable']);
  });

  it('look-ups keep to one a minute: a second one waits (still in doubt) instead of resending', async () => {
    const { sandbox, notifier, clock, resolutions } = await setup();
    const anna = delivery({ key: 'anna-escalation', target: { kind: 'user', email: 'anna@example.com' } });
    const bram = delivery({ key: 'bram-ping' });
    sandbox.faults.inject('accept_then_timeout', { endpoint: 'chat.postMessage', times: 2 });
    expect((await notifier.send(bram)).status).toBe('retry');
    expect((await notifier.send(anna)).status).toBe('retry');

    clock.advance(30 * SECOND);
    const since = { now: clock.now(), inDoubtSince: T0 };
    expect((await notifier.send({ ...bram, ...since })).status).toBe('sent');
    const waiting = await notifier.send({ ...anna, ...since });
    expect(waiting).toMatchObject({ status: 'retry', inDoubt: true });
    expect(waiting.status === 'retry' && waiting.retryAt).toBeGreaterThanOrEqual(clock.now() + 50 * SECOND);

    clock.advance(MINUTE);
    expect((await notifier.send({ ...anna, now: clock.now(), inDoubtSince: T0 })).status).toBe('sent');
    expect(sandbox.state.dmsTo('anna@example.com')).toHaveLength(1);
    expect(sandbox.state.dmsTo('bram@example.com')).toHaveLength(1);
    expect(resolutions).toEqual(['found', 'found']);
    expect(sandbox.stats.snapshot().byEndpoint['conversations.history']?.statuses).toEqual({ '200': 2 });
  });

  it('an admin alert is keyed and looked for the same way', async () => {
    const { sandbox, notifier, clock } = await setup();
    sandbox.faults.inject('accept_then_timeout', { endpoint: 'chat.postMessage' });
    const alert = { key: 'admin:test', text: 'HubSpot is failing' };
    expect(await notifier.alertAdmins(alert)).toMatchObject({ status: 'retry', inDoubt: true });
    clock.advance(30 * SECOND);
    expect((await notifier.alertAdmins({ ...alert, inDoubtSince: T0 })).status).toBe('sent');
    expect(keysIn(sandbox.state.messagesIn('sla-admins'))).toEqual(['admin:test']);
  });
});
