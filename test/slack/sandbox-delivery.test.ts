import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import { createSlackNotifier } from '../../src/slack/notifier.ts';
import { createSendQueue } from '../../src/slack/send-queue.ts';
import { createSlackWebClient } from '../../src/slack/web-client.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { FakeSlackStore } from './support/fake-slack-store.ts';
import { delivery, edit, notification, slackConfig, T0 } from './support/fixtures.ts';
import { fakeSleep, silentLogger } from './support/harness.ts';

const manifest = parse(readFileSync(new URL('../../slack-app-manifest.yml', import.meta.url), 'utf8'));

/** The notifier against the project's loopback Slack fake, with exactly the manifest's scopes. */
describe('delivering to the Slack sandbox', () => {
  let sandbox: SlackSandbox | null = null;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = null;
  });

  async function setup(config = slackConfig()) {
    const clock = new FakeClock(T0);
    sandbox = await startSlackSandbox({ clock, scopes: manifest.oauth_config.scopes.bot });
    sandbox.state.addUser({ email: 'bram@example.com', tz: 'Europe/Amsterdam' });
    sandbox.state.addUser({ email: 'anna@example.com', tz: 'Europe/London' });
    sandbox.state.addChannel({ name: 'sales-benelux', botIsMember: false });
    const logger = silentLogger();
    const { sleep } = fakeSleep(clock);
    const client = createSlackWebClient('xoxb-sandbox', { apiUrl: sandbox.url, logger });
    const queue = createSendQueue({ clock, logger, sleep });
    const store = new FakeSlackStore();
    const notifier = createSlackNotifier({ client, config: () => config, store, clock, logger, queue });
    return { sandbox, notifier, clock, store };
  }

  it("a burst of pings to one rep is paced to Slack's per-channel rate and all arrive", async () => {
    const { sandbox, notifier } = await setup();
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) => notifier.send(delivery({ key: `k${i}`, now: T0 + i * SECOND }))),
    );
    expect(results.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    const dms = sandbox.state.dmsTo('bram@example.com');
    expect(dms).toHaveLength(4);
    expect(dms[0]?.text).toContain('New SQL lead: Jane Doe (Acme &amp; Sons)');
    // Paced, not corrected: no call was refused and retried.
    expect(sandbox.stats.count('chat.postMessage')).toBe(4);
  });

  it('an out-of-office owner: the public team channel (bot not invited) and the manager get it', async () => {
    const config = slackConfig({
      outOfOffice: [{ email: 'bram@example.com', from: T0 - MINUTE, until: T0 + 60 * MINUTE }],
    });
    const { sandbox, notifier, store } = await setup(config);
    const result = await notifier.send(delivery());
    expect(result.status === 'sent' && result.fallback).toBe(
      'bram@example.com is out of office (out_of_office:' +
        (T0 - MINUTE) +
        ') → #sales-benelux, anna@example.com',
    );
    expect(sandbox.state.messagesIn('sales-benelux')).toHaveLength(1);
    expect(sandbox.state.dmsTo('anna@example.com')).toHaveLength(1);
    expect(store.outbox.size).toBe(1);
  });

  it('updates the ping in place after it was sent', async () => {
    const { sandbox, notifier } = await setup();
    const sent = await notifier.send(delivery());
    if (sent.status !== 'sent') throw new Error(`not sent: ${JSON.stringify(sent)}`);
    const ctx = delivery().context;
    const met = {
      ...ctx,
      evaluation: {
        ...ctx.evaluation,
        firstContact: { state: 'met' as const, deadline: T0, at: T0, touchId: 'call:1', took: 192 * SECOND },
      },
    };
    const updated = await notifier.update(edit(sent.copies ?? [], { context: met, now: T0 + 4 * MINUTE }));
    expect(updated.status).toBe('edited');
    const [dm] = sandbox.state.dmsTo('bram@example.com');
    expect(JSON.stringify(dm?.updates.at(-1)?.blocks)).toContain('Contacted in 3m12s');
  });

  it('an escalation reaches the manager and the channel', async () => {
    const { sandbox, notifier } = await setup();
    const n = notification(
      { kind: 'escalation', level: 0, repeat: 0, deadline: T0 + 5 * MINUTE, excused: false },
      [{ kind: 'manager' }, { kind: 'team_channel' }],
    );
    const now = T0 + 20 * MINUTE;
    const a = await notifier.send(delivery({ notification: n, target: { kind: 'manager' }, now }));
    const b = await notifier.send(delivery({ notification: n, target: { kind: 'team_channel' }, now }));
    expect([a.status, b.status]).toEqual(['sent', 'sent']);
    expect(sandbox.state.dmsTo('anna@example.com')[0]?.text).toContain('SLA escalation');
    expect(sandbox.state.messagesIn('sales-benelux')).toHaveLength(1);
  });
});
