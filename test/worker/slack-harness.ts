import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type SlackSandboxOptions, startSlackSandbox } from '../../src/sandbox/index.ts';
import type { AmbiguousResolution } from '../../src/slack/keyed-post.ts';
import { createSlackNotifier } from '../../src/slack/notifier.ts';
import { createSendQueue } from '../../src/slack/send-queue.ts';
import { createSlackWebClient } from '../../src/slack/web-client.ts';
import { fakeSleep } from '../slack/support/harness.ts';
import { cycleHarness } from './harness.ts';

const manifest = parse(readFileSync(new URL('../../slack-app-manifest.yml', import.meta.url), 'utf8'));

/**
 * A cycle harness whose notifier is the real Slack adapter against the loopback Slack sandbox (with
 * the manifest's scopes unless `options.scopes` says otherwise); `resolutions` records how ambiguous
 * sends were settled.
 */
export async function withSlack(options: SlackSandboxOptions = {}) {
  const h = cycleHarness();
  const sandbox = await startSlackSandbox({
    clock: h.clock,
    scopes: manifest.oauth_config.scopes.bot,
    ...options,
  });
  sandbox.state.addUser({ email: 'bram@example.com' });
  sandbox.state.addUser({ email: 'anna@example.com' });
  sandbox.state.addChannel({ name: 'sales' });
  sandbox.state.addChannel({ name: 'sla-admins' });
  const logger = h.log.logger;
  const client = createSlackWebClient('xoxb-sandbox', { apiUrl: sandbox.url, logger });
  const queue = createSendQueue({ clock: h.clock, logger, sleep: fakeSleep(h.clock).sleep });
  const resolutions: AmbiguousResolution[] = [];
  const notifier = createSlackNotifier({
    client,
    config: h.deps.config,
    store: h.store,
    clock: h.clock,
    logger,
    queue,
    onAmbiguous: (r) => resolutions.push(r),
  });
  return { h, sandbox, deps: { ...h.deps, notifier }, resolutions };
}
