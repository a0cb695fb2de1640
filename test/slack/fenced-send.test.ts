import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SECOND } from '../../src/domain/time.ts';
import { ENGLISH } from '../../src/i18n/language.ts';
import { type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import { keyMetadata } from '../../src/slack/message-key.ts';
import { createSlackNotifier } from '../../src/slack/notifier.ts';
import { CHANNEL_SPACING, createSendQueue } from '../../src/slack/send-queue.ts';
import { createSlackWebClient } from '../../src/slack/web-client.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { FakeSlackStore } from './support/fake-slack-store.ts';
import { delivery, slackConfig, T0 } from './support/fixtures.ts';
import { fakeSleep, silentLogger } from './support/harness.ts';

const manifest = parse(readFileSync(new URL('../../slack-app-manifest.yml', import.meta.url), 'utf8'));

/**
 * Fencing on the Slack side (ADR 0012): the worker's claim runs immediately before each post, and
 * copies of one outbox key beyond the first are deleted (SD-27), so no live buttons stay on a duplicate.
 * The notifier against the loopback Slack, through the real WebClient.
 */
describe('fenced sends and duplicate copies', () => {
  let sandbox: SlackSandbox | null = null;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = null;
  });

  async function setup() {
    const clock = new FakeClock(T0);
    sandbox = await startSlackSandbox({ clock, scopes: manifest.oauth_config.scopes.bot });
    const bram = sandbox.state.addUser({ email: 'bram@example.com' });
    sandbox.state.addChannel({ name: 'sales-benelux' });
    sandbox.state.addChannel({ name: 'sla-admins' });
    const logger = silentLogger();
    const client = createSlackWebClient('xoxb-sandbox', { apiUrl: sandbox.url, logger });
    const queue = createSendQueue({ clock, logger, sleep: fakeSleep(clock).sleep });
    const notifier = createSlackNotifier({
      client,
      config: () => slackConfig(),
      store: new FakeSlackStore(),
      clock,
      logger,
      queue,
    });
    const live = () => sandbox?.state.dmsTo('bram@example.com').filter((m) => m.deletedAt === null) ?? [];
    return { sandbox, notifier, clock, client, bram, live };
  }

  it('claims immediately before the post, after the channel’s pace; a refused claim posts nothing and its error comes through', async () => {
    const { sandbox, notifier, clock, live } = await setup();
    const claims: number[] = [];
    const first = await notifier.send(
      delivery({ key: 'first', claim: async () => void claims.push(clock.now()) }),
    );
    expect(first.status).toBe('sent');

    // The second post to the same DM waits its turn (about one a second): the claim comes after the wait.
    const second = await notifier.send(
      delivery({ key: 'second', claim: async () => void claims.push(clock.now()) }),
    );
    expect(second.status).toBe('sent');
    expect(claims[1]).toBeGreaterThanOrEqual((claims[0] ?? 0) + CHANNEL_SPACING);

    const refused = new Error('another replica took over');
    const posts = sandbox.stats.count('chat.postMessage');
    await expect(
      notifier.send(delivery({ key: 'third', claim: () => Promise.reject(refused) })),
    ).rejects.toBe(refused);
    expect(sandbox.stats.count('chat.postMessage')).toBe(posts);
    expect(live().map((m) => m.text).length).toBe(2);
  });

  it('an admin alert claims the same way: refused, nothing posted', async () => {
    const { sandbox, notifier } = await setup();
    const refused = new Error('fenced');
    await expect(
      notifier.alertAdmins({
        key: 'admin:x',
        text: 'HubSpot is failing',
        claim: () => Promise.reject(refused),
      }),
    ).rejects.toBe(refused);
    expect(sandbox.state.messagesIn('sla-admins')).toEqual([]);
  });

  it('a look-up that finds two copies of its key keeps the first and deletes the later one', async () => {
    const { sandbox, notifier, clock, client, bram, live } = await setup();
    const d = delivery({ key: 'twice' });
    // Two senders posted the same row (a stalled leader, or a request that landed after a restart).
    const one = await client.chat.postMessage({
      channel: bram.id,
      text: 'copy 1',
      metadata: keyMetadata(d.key),
    });
    clock.advance(2 * SECOND);
    const two = await client.chat.postMessage({
      channel: bram.id,
      text: 'copy 2',
      metadata: keyMetadata(d.key),
    });
    clock.advance(30 * SECOND);

    const result = await notifier.send({ ...d, now: clock.now(), inDoubtSince: T0 });

    expect(result).toEqual({
      status: 'sent',
      ref: { channel: one.channel, ts: one.ts },
      fallback: null,
      // The copy kept is the one found: it is the one later updated in place.
      copies: [{ channel: one.channel, ts: one.ts, zone: 'Europe/Amsterdam', note: null, language: ENGLISH }],
    });
    expect(live().map((m) => m.ts)).toEqual([one.ts]);
    expect(sandbox.state.dmsTo('bram@example.com').find((m) => m.ts === two.ts)?.deletedAt).not.toBeNull();
    expect(sandbox.stats.count('chat.postMessage')).toBe(2);
  });

  it('retract deletes a copy the app posted; one already gone counts as deleted', async () => {
    const { notifier, live } = await setup();
    const sent = await notifier.send(delivery({ key: 'dup' }));
    if (sent.status !== 'sent') throw new Error('not sent');
    expect(await notifier.retract?.(sent.ref)).toEqual({ status: 'deleted' });
    expect(live()).toEqual([]);
    expect(await notifier.retract?.(sent.ref)).toEqual({ status: 'deleted' });
  });
});
