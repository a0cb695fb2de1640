import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { startSlackSandbox } from '../../src/sandbox/index.ts';
import { createSlackNotifier } from '../../src/slack/notifier.ts';
import { createSendQueue } from '../../src/slack/send-queue.ts';
import { createSlackWebClient } from '../../src/slack/web-client.ts';
import { fakeSleep } from '../slack/support/harness.ts';
import { cycleHarness } from './harness.ts';

const manifest = parse(readFileSync(new URL('../../slack-app-manifest.yml', import.meta.url), 'utf8'));

/** A cycle harness whose notifier is the real Slack adapter against the loopback Slack sandbox. */
export async function withSlack() {
  const h = cycleHarness();
  const sandbox = await startSlackSandbox({ clock: h.clock, scopes: manifest.oauth_config.scopes.bot });
  sandbox.state.addUser({ email: 'bram@example.com' });
  sandbox.state.addUser({ email: 'anna@example.com' });
  sandbox.state.addChannel({ name: 'sales' });
  sandbox.state.addChannel({ name: 'sla-admins' });
  const logger = h.log.logger;
  const client = createSlackWebClient('xoxb-sandbox', { apiUrl: sandbox.url, logger });
  const queue = createSendQueue({ clock: h.clock, logger, sleep: fakeSleep(h.clock).sleep });
  const notifier = createSlackNotifier({
    client,
    config: h.deps.config,
    store: h.store,
    clock: h.clock,
    logger,
    queue,
  });
  return { h, sandbox, deps: { ...h.deps, notifier } };
}
