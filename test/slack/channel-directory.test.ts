import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ChannelRef } from '../../src/config/types.ts';
import { type SlackSandbox, type SlackSandboxOptions, startSlackSandbox } from '../../src/sandbox/index.ts';
import { createChannelDirectory } from '../../src/slack/channel-directory.ts';
import { createSlackNotifier } from '../../src/slack/notifier.ts';
import { createSendQueue } from '../../src/slack/send-queue.ts';
import { createSlackWebClient } from '../../src/slack/web-client.ts';
import { alertTextOf } from '../support/admin-alert-text.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { FakeSlackStore } from './support/fake-slack-store.ts';
import { context, delivery, notification, slackConfig, T0 } from './support/fixtures.ts';
import { fakeSleep, silentLogger } from './support/harness.ts';

const manifest = parse(readFileSync(new URL('../../slack-app-manifest.yml', import.meta.url), 'utf8'));
const manifestScopes: string[] = manifest.oauth_config.scopes.bot;

const ref = (channel: string, line: number, path: string): ChannelRef => ({
  channel,
  path,
  at: { file: 'config/sla.yaml', line, col: 5 },
});

/** SD-14, SD-15: the SLA file's `#name` channels are resolved to ids, and admins told what breaks. */
describe('channels named in the SLA file', () => {
  let sandbox: SlackSandbox | null = null;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = null;
  });

  async function setup(teamChannel: string, options: SlackSandboxOptions = {}) {
    const clock = new FakeClock(T0);
    sandbox = await startSlackSandbox({ clock, scopes: manifestScopes, ...options });
    sandbox.state.addUser({ email: 'bram@example.com' });
    sandbox.state.addUser({ email: 'anna@example.com' });
    sandbox.state.addChannel({ name: 'sla-admins' });
    const logger = silentLogger();
    const client = createSlackWebClient('xoxb-sandbox', { apiUrl: sandbox.url, logger });
    const queue = createSendQueue({ clock, logger, sleep: fakeSleep(clock).sleep });
    const store = new FakeSlackStore();
    let refs = [ref(teamChannel, 14, 'teams.benelux.channel'), ref('#sla-admins', 80, 'slack.admins[0]')];
    const channels = createChannelDirectory({ client, queue, store, clock, logger, refs: () => refs });
    const base = slackConfig();
    const config = slackConfig({}, { teams: base.teams.map((t) => ({ ...t, channel: teamChannel })) });
    const notifier = createSlackNotifier({
      client,
      config: () => config,
      store,
      clock,
      logger,
      queue,
      channels,
    });
    const escalation = () =>
      delivery({
        notification: notification(
          { kind: 'escalation', level: 0, repeat: 0, deadline: T0, excused: false },
          [{ kind: 'team_channel' }],
        ),
        target: { kind: 'team_channel' },
        context: context({ team: config.teams[0] ?? null }),
      });
    const alerts = () => [...store.outbox.values()].map((e) => alertTextOf(e.payload));
    return {
      sandbox,
      channels,
      notifier,
      clock,
      store,
      escalation,
      alerts,
      setRefs: (r: ChannelRef[]) => {
        refs = r;
      },
    };
  }

  it('a private team channel named "#managers" is reached through its id (by name Slack finds nothing)', async () => {
    const s = await setup('#managers');
    const managers = s.sandbox.state.addChannel({ name: 'managers', private: true });
    const check = await s.channels.check();
    expect(check).toEqual({
      ok: true,
      findings: [
        { kind: 'found', name: 'managers', id: managers.id },
        { kind: 'found', name: 'sla-admins', id: expect.any(String) },
      ],
    });
    const result = await s.notifier.send(s.escalation());
    expect(result).toMatchObject({ status: 'sent', ref: { channel: managers.id }, fallback: null });
    expect(s.sandbox.state.messagesIn(managers.id)).toHaveLength(1);
  });

  it('an unknown name is told to admins at start-up with file and line, before any escalation', async () => {
    const s = await setup('#sales-benlux');
    const check = await s.channels.check();
    expect(check.ok && check.findings[0]).toEqual({ kind: 'unknown', name: 'sales-benlux' });
    expect(s.alerts()).toEqual([
      expect.stringContaining(
        'the channel #sales-benlux named in config/sla.yaml:14 (teams.benelux.channel) cannot be found',
      ),
    ]);
    await s.channels.check(); // a second check (reload) does not repeat the alert
    expect(s.alerts()).toHaveLength(1);
  });

  it('a private channel the bot is not in cannot be found either, and says how to fix it', async () => {
    const s = await setup('#managers');
    s.sandbox.state.addChannel({ name: 'managers', private: true, botIsMember: false });
    await s.channels.check();
    expect(s.alerts()[0]).toContain('invite @sla-bot to the private channel');
  });

  it('a channel renamed after the check keeps getting messages by id; admins learn the new name', async () => {
    const s = await setup('#sales-benelux');
    const team = s.sandbox.state.addChannel({ name: 'sales-benelux' });
    await s.channels.check();
    s.sandbox.state.renameChannel(team.id, 'sales-nl');
    s.clock.advance(60_000);
    const check = await s.channels.check(); // the file was reloaded
    expect(check.ok && check.findings[0]).toEqual({
      kind: 'renamed',
      name: 'sales-benelux',
      id: team.id,
      now: 'sales-nl',
    });
    expect(s.alerts()).toEqual([
      expect.stringContaining(
        `#sales-benelux named in config/sla.yaml:14 (teams.benelux.channel) was renamed to #sales-nl; sla-bot keeps posting to it (${team.id})`,
      ),
    ]);
    expect(await s.notifier.send(s.escalation())).toMatchObject({
      status: 'sent',
      ref: { channel: team.id },
    });
    expect(s.sandbox.state.messagesIn(team.id)).toHaveLength(1);
  });

  it('a send before any check runs the check first, so even the first escalation goes to the id', async () => {
    const s = await setup('#managers');
    const managers = s.sandbox.state.addChannel({ name: 'managers', private: true });
    expect(await s.notifier.send(s.escalation())).toMatchObject({
      status: 'sent',
      ref: { channel: managers.id },
    });
    expect(s.sandbox.stats.count('conversations.list')).toBe(1);
  });

  it('finds a name on a later page of a large workspace, and stops paging once all are found', async () => {
    const s = await setup('#zz-team');
    for (let i = 0; i < 230; i++) s.sandbox.state.addChannel({ name: `c-${String(i).padStart(3, '0')}` });
    const team = s.sandbox.state.addChannel({ name: 'zz-team' });
    for (let i = 0; i < 300; i++) s.sandbox.state.addChannel({ name: `later-${i}` });
    const check = await s.channels.check();
    expect(check.ok && check.findings[0]).toEqual({ kind: 'found', name: 'zz-team', id: team.id });
    expect(s.sandbox.stats.count('conversations.list')).toBe(2);
  });

  it('without channels:read / groups:read admins are told once; messages still go out by name', async () => {
    const scopes = manifestScopes.filter((x) => x !== 'groups:read');
    const s = await setup('#sales-benelux', { scopes });
    s.sandbox.state.addChannel({ name: 'sales-benelux' });
    expect(await s.channels.check()).toEqual({ ok: false, reason: 'missing_scope' });
    expect(s.alerts()).toEqual([expect.stringContaining('missing scope channels:read or groups:read')]);
    expect((await s.notifier.send(s.escalation())).status).toBe('sent');
    expect(s.sandbox.state.messagesIn('sales-benelux')).toHaveLength(1);
  });
});
