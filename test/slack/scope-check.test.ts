import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import { BOT_SCOPES, checkSlackScopes } from '../../src/slack/scope-check.ts';
import { createSlackWebClient } from '../../src/slack/web-client.ts';
import { alertTextOf } from '../support/admin-alert-text.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { FakeSlackStore } from './support/fake-slack-store.ts';
import { T0 } from './support/fixtures.ts';
import { silentLogger } from './support/harness.ts';

const manifest = parse(readFileSync(new URL('../../slack-app-manifest.yml', import.meta.url), 'utf8'));
const manifestScopes: string[] = manifest.oauth_config.scopes.bot;

/** SD-12: the scopes the app needs, checked once at start-up against what the install granted. */
describe('the Slack scopes check at start-up', () => {
  let sandbox: SlackSandbox | null = null;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = null;
  });

  async function check(scopes: readonly string[]) {
    sandbox = await startSlackSandbox({ clock: new FakeClock(T0), scopes });
    const store = new FakeSlackStore();
    const logger = silentLogger();
    const client = createSlackWebClient('xoxb-sandbox', { apiUrl: sandbox.url, logger });
    const missing = await checkSlackScopes({ client, store, clock: new FakeClock(T0), logger });
    return { missing, alerts: [...store.outbox.values()].map((e) => alertTextOf(e.payload)) };
  }

  it('knows every scope the manifest asks for, and no other', () => {
    expect(Object.keys(BOT_SCOPES).sort()).toEqual([...manifestScopes].sort());
  });

  it('an install with all of them: nothing to say', async () => {
    expect(await check(manifestScopes)).toEqual({ missing: [], alerts: [] });
  });

  it('a missing scope whose calls fail visibly is logged, not alerted', async () => {
    const { missing, alerts } = await check(manifestScopes.filter((s) => s !== 'chat:write.public'));
    expect(missing).toEqual(['chat:write.public']);
    expect(alerts).toEqual([]);
  });

  it('history scopes declined: admins learn that a lost answer means at most once', async () => {
    const granted = manifestScopes.filter((s) => !s.endsWith(':history'));
    const { missing, alerts } = await check(granted);
    expect(missing).toEqual(['im:history', 'channels:history', 'groups:history']);
    expect(alerts).toEqual([
      expect.stringContaining('`im:history`: a DM whose post timed out is not sent again (at most once)'),
    ]);
  });
});
