import { describe, expect, it } from 'vitest';
import { currentContent, type SlackSandboxOptions } from '../../src/sandbox/index.ts';
import { slack, slackClient, T0 } from './helpers.ts';

async function workspace(options: SlackSandboxOptions = {}) {
  const sandbox = await slack(options);
  const { state } = sandbox;
  const rep = state.addUser({ email: 'bram@example.com', realName: 'Bram de Vries', tz: 'Europe/Amsterdam' });
  const manager = state.addUser({ email: 'anna@example.com', tz: 'America/New_York' });
  const channel = state.addChannel({ name: 'sales-benelux', members: [rep.id, manager.id] });
  return { sandbox, state, rep, manager, channel, web: slackClient(sandbox.url) };
}

/** What a WebClient call rejected with (platform errors carry `data.error`). */
async function slackError(
  promise: Promise<unknown>,
): Promise<{ code?: string; data?: { error?: string }; retryAfter?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string };
  }
  throw new Error('expected the Slack call to fail');
}

describe('Slack sandbox Web API, through the real @slack/web-api client', () => {
  it('answers auth.test with the bot identity', async () => {
    const { web, state } = await workspace();
    await expect(web.auth.test()).resolves.toMatchObject({
      ok: true,
      user_id: state.bot.userId,
      bot_id: state.bot.botId,
      team_id: state.team.id,
    });
  });

  it('looks users up by e-mail with their time zone, and says users_not_found otherwise', async () => {
    const { web, rep } = await workspace();
    const found = await web.users.lookupByEmail({ email: 'BRAM@example.com' });
    expect(found.user).toMatchObject({
      id: rep.id,
      tz: 'Europe/Amsterdam',
      tz_offset: 3600,
      real_name: 'Bram de Vries',
    });
    expect(found.user?.profile?.email).toBe('bram@example.com');
    const missing = await slackError(web.users.lookupByEmail({ email: 'nobody@example.com' }));
    expect(missing).toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { error: 'users_not_found' },
    });
  });

  it('reads a user with users.info, including the offset of their zone', async () => {
    const { web, manager } = await workspace();
    const info = await web.users.info({ user: manager.id });
    expect(info.user).toMatchObject({ tz: 'America/New_York', tz_offset: -5 * 3600 });
  });

  it('says the locale in users.info only when include_locale is passed, as Slack does (SD-19)', async () => {
    const { web, manager } = await workspace();
    const plain = await web.users.info({ user: manager.id });
    expect(plain.user).not.toHaveProperty('locale');
    const withLocale = await web.users.info({ user: manager.id, include_locale: true });
    expect(withLocale.user?.locale).toBe('en-US');
    const byEmail = await web.users.lookupByEmail({ email: 'bram@example.com' });
    expect(byEmail.user).not.toHaveProperty('locale');
  });

  it('opens a DM once and reports already_open afterwards', async () => {
    const { web, rep } = await workspace();
    const first = await web.conversations.open({ users: rep.id });
    expect(first.channel?.id).toMatch(/^D/);
    const again = await web.conversations.open({ users: rep.id, return_im: true });
    expect(again).toMatchObject({
      already_open: true,
      channel: { id: first.channel?.id, is_im: true, user: rep.id },
    });
  });

  it('records a DM with its blocks and every later update, so tests see what the rep saw', async () => {
    const { web, state, rep, sandbox } = await workspace();
    const dm = (await web.conversations.open({ users: rep.id })).channel?.id ?? '';
    const blocks = [
      { type: 'section', block_id: 'lead:1', text: { type: 'mrkdwn', text: '*Ana Díaz* was handed to you' } },
      {
        type: 'actions',
        elements: [{ type: 'button', action_id: 'ack', text: { type: 'plain_text', text: 'On it' } }],
      },
    ];
    const posted = await web.chat.postMessage({ channel: dm, text: 'New lead: Ana Díaz', blocks });
    expect(posted).toMatchObject({
      ok: true,
      channel: dm,
      message: { text: 'New lead: Ana Díaz', bot_id: state.bot.botId },
    });
    expect(posted.ts).toMatch(/^\d{10}\.\d{6}$/);
    sandbox.clock.advance(30_000);
    await web.chat.update({ channel: dm, ts: posted.ts ?? '', text: 'Ana Díaz: contacted', blocks: [] });

    const [message] = state.dmsTo('bram@example.com');
    expect(message?.blocks).toEqual(blocks);
    expect(message?.updates).toEqual([
      expect.objectContaining({ text: 'Ana Díaz: contacted', at: T0 + 30_000, via: 'chat.update' }),
    ]);
    expect(message && currentContent(message).text).toBe('Ana Díaz: contacted');
  });

  it('posts to a user id as the DM with the app and answers with the D channel', async () => {
    const { web, state, rep } = await workspace();
    const posted = await web.chat.postMessage({ channel: rep.id, text: 'hello' });
    expect(posted.channel).toMatch(/^D/);
    expect(state.dmsTo(rep.id).map((m) => m.text)).toEqual(['hello']);
  });

  it('posts to a channel by name and threads a reply', async () => {
    const { web, state, channel, sandbox } = await workspace();
    const parent = await web.chat.postMessage({ channel: '#sales-benelux', text: 'Breach: Ana Díaz' });
    expect(parent.channel).toBe(channel.id);
    sandbox.clock.advance(1_000); // about one message per second per channel
    await web.chat.postMessage({
      channel: channel.id,
      text: 'Still nobody called',
      thread_ts: parent.ts ?? '',
    });
    expect(state.messagesIn('sales-benelux').map((m) => [m.text, m.threadTs])).toEqual([
      ['Breach: Ana Díaz', null],
      ['Still nobody called', parent.ts],
    ]);
  });

  it.each([
    [
      'not_in_channel',
      (s: Awaited<ReturnType<typeof workspace>>['state']) =>
        s.addChannel({ name: 'outside', botIsMember: false }).id,
    ],
    [
      'channel_not_found',
      (s: Awaited<ReturnType<typeof workspace>>['state']) =>
        s.addChannel({ name: 'secret', private: true, botIsMember: false }).id,
    ],
    [
      'is_archived',
      (s: Awaited<ReturnType<typeof workspace>>['state']) => s.addChannel({ name: 'old', archived: true }).id,
    ],
    ['channel_not_found', () => 'C0NOPE'],
  ] as const)('refuses a post with %s', async (error, target) => {
    const { web, state } = await workspace();
    expect(await slackError(web.chat.postMessage({ channel: target(state), text: 'x' }))).toMatchObject({
      data: { error },
    });
  });

  it('posts to a public channel without joining when the token has chat:write.public', async () => {
    const { state, sandbox } = await workspace({ scopes: ['chat:write', 'chat:write.public'] });
    const outside = state.addChannel({ name: 'outside', botIsMember: false });
    await slackClient(sandbox.url).chat.postMessage({ channel: outside.id, text: 'x' });
    expect(state.messagesIn('outside')).toHaveLength(1);
  });

  it('fails DMs with messages_tab_disabled when the app has no Messages tab', async () => {
    const { web, state, rep } = await workspace();
    state.messagesTabEnabled = false;
    expect(await slackError(web.chat.postMessage({ channel: rep.id, text: 'x' }))).toMatchObject({
      data: { error: 'messages_tab_disabled' },
    });
  });

  it('answers invalid_auth, account_inactive and missing_scope like Slack', async () => {
    const { web, state, sandbox } = await workspace({ scopes: ['chat:write'] });
    const wrong = slackClient(sandbox.url, {}, 'xoxb-wrong');
    expect(await slackError(wrong.auth.test())).toMatchObject({ data: { error: 'invalid_auth' } });
    expect(await slackError(web.users.lookupByEmail({ email: 'bram@example.com' }))).toMatchObject({
      data: { error: 'missing_scope', needed: 'users:read.email' },
    });
    state.accountInactive = true;
    expect(await slackError(web.auth.test())).toMatchObject({ data: { error: 'account_inactive' } });
  });

  it('fails the next call of a method with a scripted error', async () => {
    const { web, state, rep } = await workspace();
    state.failNext('chat.postMessage', 'restricted_action');
    expect(await slackError(web.chat.postMessage({ channel: rep.id, text: 'x' }))).toMatchObject({
      data: { error: 'restricted_action' },
    });
    await expect(web.chat.postMessage({ channel: rep.id, text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('posts an ephemeral message only to channel members', async () => {
    const { web, state, rep, channel } = await workspace();
    const stranger = state.addUser({ email: 'x@example.com' });
    await web.chat.postEphemeral({ channel: channel.id, user: rep.id, text: 'only you' });
    expect(state.seenBy(rep.id).ephemerals.map((e) => e.text)).toEqual(['only you']);
    expect(
      await slackError(web.chat.postEphemeral({ channel: channel.id, user: stranger.id, text: 'x' })),
    ).toMatchObject({
      data: { error: 'user_not_in_channel' },
    });
  });

  it('publishes a Home tab, refuses a stale hash, and keeps the view id', async () => {
    const { web, state, rep } = await workspace();
    const view = {
      type: 'home' as const,
      blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: '2 open leads' } }],
    };
    const first = await web.views.publish({ user_id: rep.id, view });
    const second = await web.views.publish({ user_id: rep.id, view, hash: first.view?.hash ?? '' });
    expect(second.view?.id).toBe(first.view?.id);
    expect(
      await slackError(web.views.publish({ user_id: rep.id, view, hash: first.view?.hash ?? '' })),
    ).toMatchObject({
      data: { error: 'hash_conflict' },
    });
    expect(state.seenBy(rep.id).home?.view.blocks).toEqual(view.blocks);
  });

  it('opens a modal only with a fresh trigger id from an interaction', async () => {
    const { web, sandbox, rep } = await workspace();
    const modal = {
      type: 'modal' as const,
      title: { type: 'plain_text' as const, text: 'Not a fit' },
      blocks: [],
    };
    expect(await slackError(web.views.open({ trigger_id: '1.2.nope', view: modal }))).toMatchObject({
      data: { error: 'invalid_trigger_id' },
    });
    const command = sandbox.interact.slashCommand({ user: rep.id, command: '/sla' });
    const trigger = String(command.body.trigger_id);
    await expect(web.views.open({ trigger_id: trigger, view: modal })).resolves.toMatchObject({
      ok: true,
      view: { type: 'modal' },
    });
    expect(await slackError(web.views.open({ trigger_id: trigger, view: modal }))).toMatchObject({
      data: { error: 'exchanged_trigger_id' },
    });
    const late = String(sandbox.interact.slashCommand({ user: rep.id, command: '/sla' }).body.trigger_id);
    sandbox.clock.advance(3_001);
    expect(await slackError(web.views.open({ trigger_id: late, view: modal }))).toMatchObject({
      data: { error: 'expired_trigger_id' },
    });
  });

  it('lists conversations page by page and describes one', async () => {
    const { web, state, channel } = await workspace();
    state.addChannel({ name: 'sales-dach' });
    state.addChannel({ name: 'managers', private: true });
    const first = await web.conversations.list({ limit: 2, types: 'public_channel,private_channel' });
    expect(first.channels?.map((c) => c.name)).toEqual(['sales-benelux', 'sales-dach']);
    const next = first.response_metadata?.next_cursor ?? '';
    expect(next).not.toBe('');
    const second = await web.conversations.list({
      limit: 2,
      types: 'public_channel,private_channel',
      cursor: next,
    });
    expect(second.channels?.map((c) => [c.name, c.is_private])).toEqual([['managers', true]]);
    expect((await web.conversations.info({ channel: channel.id })).channel).toMatchObject({
      name: 'sales-benelux',
      is_member: true,
    });
  });

  it('accepts JSON bodies as well as form-encoded ones', async () => {
    const { sandbox, state, rep } = await workspace();
    const response = await fetch(`${sandbox.url}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: 'Bearer xoxb-sandbox', 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: rep.id, text: 'via JSON', blocks: [{ type: 'divider' }] }),
    });
    expect(await response.json()).toMatchObject({ ok: true });
    expect(state.dmsTo(rep.id)[0]?.blocks).toEqual([{ type: 'divider' }]);
  });

  it('rejects malformed blocks with invalid_blocks', async () => {
    const { web, rep } = await workspace();
    const fifty = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    expect(
      await slackError(web.chat.postMessage({ channel: rep.id, text: 'x', blocks: fifty })),
    ).toMatchObject({ data: { error: 'invalid_blocks' } });
    expect(await slackError(web.apiCall('chat.postMessage', { channel: rep.id }))).toMatchObject({
      data: { error: 'no_text' },
    });
  });
});
