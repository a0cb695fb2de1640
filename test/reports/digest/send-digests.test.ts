import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/ports/store.ts';
import { sendDigests } from '../../../src/reports/digest/send-digests.ts';
import { slackDigestPoster } from '../../../src/reports/digest/slack-digest-poster.ts';
import { createSlackWebClient } from '../../../src/slack/web-client.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { captureLogger } from '../../fakes/logger.ts';
import { at, facts, NOW, setup } from '../../fixtures/reports/hand-computed.ts';
import { configFor, writeFacts } from '../../fixtures/reports/store-facts.ts';
import { slack } from '../../sandbox/helpers.ts';
import { FakeClock } from '../../support/fake-clock.ts';

const config = {
  ...configFor(setup),
  reports: { ...configFor(setup).reports, dashboardUrl: 'https://sla.example.com/dashboard' },
};
const WEEK = { since: at(9, 0), until: at(16, 0) };

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function filledStore(): Promise<Store> {
  const dir = await mkdtemp(join(tmpdir(), 'sla-bot-digest-'));
  const store = await openStore(join(dir, 'store.sqlite'), { logger: captureLogger('silent').logger });
  await writeFacts(store, facts, NOW);
  cleanup = async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  };
  return store;
}

describe('weekly digest to managers in Slack', () => {
  it('sends each manager a DM with compliance, trend, worst breaches, uncontacted leads and the dashboard link', async () => {
    const store = await filledStore();
    const sandbox = await slack();
    sandbox.state.addUser({ email: 'anna@example.com' });
    sandbox.state.addUser({ email: 'dieter@example.com' });
    const { logger } = captureLogger('silent');
    const client = createSlackWebClient('xoxb-sandbox', { apiUrl: sandbox.url, logger });
    const poster = slackDigestPoster({
      client,
      clock: new FakeClock(NOW),
      userIdOf: async (email) => (await client.users.lookupByEmail({ email })).user?.id ?? null,
    });
    const outcomes = await sendDigests({ store, config, owners: setup.owners, poster, logger }, WEEK, NOW);
    expect(outcomes.map((o) => [o.team, o.result.status])).toEqual([
      ['benelux', 'sent'],
      ['dach', 'sent'],
    ]);
    const anna = sandbox.state
      .seenBy('anna@example.com')
      .dms.map((m) => JSON.stringify(m.blocks))
      .join('\n');
    expect(anna).toContain('Compliance *100.0%* (▲ +50.0 pts vs 50.0% the week before)');
    expect(anna).toContain('2 handoffs: 2 met, 0 breached, 0 excused');
    expect(anna).toContain('none this week');
    expect(anna).toContain(
      // Inside `<url|label>` Slack wants `&` escaped like everywhere else (SC rows).
      'https://sla.example.com/dashboard?team=benelux&amp;since=2026-03-09&amp;until=2026-03-15',
    );
    const dieter = sandbox.state
      .seenBy('dieter@example.com')
      .dms.map((m) => JSON.stringify(m.blocks))
      .join('\n');
    expect(dieter).toContain('Compliance *0.0%* (no leads judged the week before)');
    expect(dieter).toContain('Lead E');
    expect(dieter).toContain('not contacted yet');
    expect(dieter).toContain(
      '*Not yet contacted:* 3 open (1 under a week, 1 2 weeks–1 month, 1 a month or more)',
    );
  });

  it('reports a manager missing from Slack and a rate limit as outcomes, and logs them as errors', async () => {
    const store = await filledStore();
    const sandbox = await slack();
    sandbox.state.addUser({ email: 'anna@example.com' });
    sandbox.state.failNext('chat.postMessage', 'ratelimited');
    const capture = captureLogger('info');
    const client = createSlackWebClient('xoxb-sandbox', { apiUrl: sandbox.url, logger: capture.logger });
    const poster = slackDigestPoster({
      client,
      clock: new FakeClock(NOW),
      userIdOf: async (email) =>
        email === 'anna@example.com'
          ? ((await client.users.lookupByEmail({ email })).user?.id ?? null)
          : null,
    });
    const outcomes = await sendDigests(
      { store, config, owners: setup.owners, poster, logger: capture.logger },
      WEEK,
      NOW,
    );
    expect(outcomes.map((o) => [o.team, o.result.status])).toEqual([
      ['benelux', 'retry'],
      ['dach', 'failed'],
    ]);
    expect(outcomes[1]?.result).toMatchObject({ error: 'no Slack user for dieter@example.com' });
    const errors = capture.lines().filter((l) => l.msg === 'digest not sent');
    expect(errors.map((l) => [l.team, l.level])).toEqual([
      ['benelux', 50],
      ['dach', 50],
    ]);
  });
});
