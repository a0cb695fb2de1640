import { describe, expect, it } from 'vitest';
import type { SlackSandboxOptions } from '../../src/sandbox/index.ts';
import { DEFAULT_SCOPES, METHODS } from '../../src/sandbox/slack/method-table.ts';
import { slack, slackClient } from './helpers.ts';

/**
 * The Slack sandbox enforces what docs/platform-contract.md § "Slack: delivery, rate limits, scopes and
 * channels" (SD-*) says, at least as strictly as Slack: each test fails if the sandbox were kinder.
 */

async function workspace(options: SlackSandboxOptions = {}) {
  const sandbox = await slack(options);
  const { state } = sandbox;
  const rep = state.addUser({ email: 'bram@example.com' });
  const channel = state.addChannel({ name: 'sales-benelux', members: [rep.id] });
  return { sandbox, state, rep, channel, web: slackClient(sandbox.url) };
}

async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the Slack call to fail');
}

const keyed = (key: string) => ({ event_type: 'sla_bot_message', event_payload: { key } });

describe('SD: ambiguous failures — the post is carried out, its answer is lost', () => {
  it('accept_then_timeout: the DM exists although the client saw only a dropped connection', async () => {
    const { sandbox, web, rep } = await workspace({ faults: { timeoutMs: 20 } });
    sandbox.faults.inject('accept_then_timeout', { endpoint: 'chat.postMessage' });
    expect(
      await failure(web.chat.postMessage({ channel: rep.id, text: 'ping', metadata: keyed('k1') })),
    ).toMatchObject({ code: 'slack_webapi_request_error' });
    const dms = sandbox.state.dmsTo(rep.id);
    expect(dms.map((m) => [m.text, m.metadata])).toEqual([['ping', keyed('k1')]]);
  });

  it('accept_then_server_error: the DM exists although the client saw a 503', async () => {
    const { sandbox, web, rep } = await workspace();
    sandbox.faults.inject('accept_then_server_error', { endpoint: 'chat.postMessage' });
    expect(await failure(web.chat.postMessage({ channel: rep.id, text: 'ping' }))).toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 503,
    });
    expect(sandbox.state.dmsTo(rep.id)).toHaveLength(1);
  });

  it('slowNext: a post held past its client’s timeout still lands, once, after the client gave up', async () => {
    const { sandbox, rep } = await workspace();
    const impatient = slackClient(sandbox.url, { timeout: 50 });
    sandbox.slowNext('chat.postMessage', 400);
    expect(
      await failure(impatient.chat.postMessage({ channel: rep.id, text: 'late', metadata: keyed('k1') })),
    ).toMatchObject({ code: 'slack_webapi_request_error' });
    expect(sandbox.state.dmsTo(rep.id)).toEqual([]); // not yet: the request is still on its way

    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(sandbox.state.dmsTo(rep.id).map((m) => [m.text, m.metadata])).toEqual([['late', keyed('k1')]]);
    // Only the next call was held.
    sandbox.clock.advance(1_000); // one message a second per channel
    await expect(impatient.chat.postMessage({ channel: rep.id, text: 'now' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('a call Slack refuses is refused, whatever the fault script says', async () => {
    const { sandbox, web } = await workspace();
    sandbox.faults.inject('accept_then_server_error', { endpoint: 'chat.postMessage' });
    expect(await failure(web.chat.postMessage({ channel: 'C0NOPE', text: 'x' }))).toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });
});

describe('SD: conversations.history', () => {
  async function dmWithMessages(options: SlackSandboxOptions = {}, count = 3) {
    const w = await workspace({ rateLimits: { messagesPerSecond: null }, ...options });
    const posted: string[] = [];
    for (let i = 1; i <= count; i++) {
      const res = await w.web.chat.postMessage({
        channel: w.rep.id,
        text: `m${i}`,
        metadata: keyed(`k${i}`),
      });
      posted.push(res.ts ?? '');
      w.sandbox.clock.advance(1_000);
    }
    const dm = String((await w.web.conversations.open({ users: w.rep.id })).channel?.id);
    return { ...w, posted, dm };
  }

  it('lists newest first and shows metadata only with include_all_metadata', async () => {
    const { web, dm } = await dmWithMessages();
    const plain = await web.conversations.history({ channel: dm });
    expect(plain.messages?.map((m) => m.text)).toEqual(['m3', 'm2', 'm1']);
    expect(plain.messages?.some((m) => 'metadata' in m)).toBe(false);
    expect(plain).toMatchObject({ has_more: false, channel_actions_count: 0 });
  });

  it('include_all_metadata returns event_type and event_payload as posted', async () => {
    const { sandbox, web, dm } = await dmWithMessages();
    sandbox.clock.advance(60_000);
    const withMeta = await web.conversations.history({ channel: dm, include_all_metadata: true });
    expect(withMeta.messages?.map((m) => m.metadata)).toEqual([keyed('k3'), keyed('k2'), keyed('k1')]);
  });

  it('honours oldest and latest (exclusive unless inclusive)', async () => {
    const { sandbox, web, dm, posted } = await dmWithMessages();
    const [first = '', second = '', third = ''] = posted;
    const inner = await web.conversations.history({ channel: dm, oldest: first, latest: third });
    expect(inner.messages?.map((m) => m.ts)).toEqual([second]);
    sandbox.clock.advance(60_000);
    const inclusive = await web.conversations.history({
      channel: dm,
      oldest: first,
      latest: third,
      inclusive: true,
    });
    expect(inclusive.messages?.map((m) => m.ts)).toEqual([third, second, first]);
  });

  it('outside the Marketplace: at most 15 per page, one call per minute, 429 with Retry-After', async () => {
    const { sandbox, web, dm } = await dmWithMessages({}, 17);
    const first = await web.conversations.history({ channel: dm, limit: 200 });
    expect(first.messages).toHaveLength(15);
    expect(first.has_more).toBe(true);
    const cursor = first.response_metadata?.next_cursor ?? '';
    expect(cursor).not.toBe('');
    expect(await failure(web.conversations.history({ channel: dm, cursor }))).toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 60,
    });
    sandbox.clock.advance(60_000);
    const second = await web.conversations.history({ channel: dm, cursor });
    expect(second.messages?.map((m) => m.text)).toEqual(['m2', 'm1']);
    expect(second.has_more).toBe(false);
  });

  it('for internal apps: Tier 3 and larger pages', async () => {
    const { web, dm } = await dmWithMessages(
      { rateLimits: { messagesPerSecond: null, historyCohort: 'internal' } },
      17,
    );
    const page = await web.conversations.history({ channel: dm, limit: 200 });
    expect(page.messages).toHaveLength(17);
    await expect(web.conversations.history({ channel: dm })).resolves.toMatchObject({ ok: true });
  });

  it.each([
    ['im:history', 'a DM'],
    ['channels:history', 'a public channel'],
    ['groups:history', 'a private channel'],
  ] as const)(
    'answers missing_scope (needed %s, provided …) for %s without that scope',
    async (needed, _what) => {
      const scopes = DEFAULT_SCOPES.filter((s) => s !== needed);
      const { sandbox, web, rep } = await workspace({ scopes });
      const target =
        needed === 'im:history'
          ? String((await web.conversations.open({ users: rep.id })).channel?.id)
          : sandbox.state.addChannel({ name: 'team', private: needed === 'groups:history' }).id;
      expect(await failure(web.conversations.history({ channel: target }))).toMatchObject({
        code: 'slack_webapi_platform_error',
        data: { ok: false, error: 'missing_scope', needed, provided: scopes.join(',') },
      });
    },
  );

  it('a bot token reads only conversations the bot is in, and only by id', async () => {
    const { sandbox, web } = await workspace();
    const outside = sandbox.state.addChannel({ name: 'outside', botIsMember: false });
    const secret = sandbox.state.addChannel({ name: 'secret', private: true, botIsMember: false });
    expect(await failure(web.conversations.history({ channel: outside.id }))).toMatchObject({
      data: { error: 'not_in_channel' },
    });
    sandbox.clock.advance(60_000); // refused calls count against the 1 per minute too
    expect(await failure(web.conversations.history({ channel: secret.id }))).toMatchObject({
      data: { error: 'channel_not_found' },
    });
    sandbox.clock.advance(60_000);
    expect(await failure(web.conversations.history({ channel: '#sales-benelux' }))).toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });
});

describe('SD: channel ids and names', () => {
  it('chat.update needs the channel id: a user id or a #name is channel_not_found', async () => {
    const { web, rep, channel } = await workspace();
    const dm = await web.chat.postMessage({ channel: rep.id, text: 'one' });
    const inChannel = await web.chat.postMessage({ channel: channel.id, text: 'two' });
    expect(await failure(web.chat.update({ channel: rep.id, ts: dm.ts ?? '', text: 'x' }))).toMatchObject({
      data: { error: 'channel_not_found' },
    });
    expect(
      await failure(web.chat.update({ channel: '#sales-benelux', ts: inChannel.ts ?? '', text: 'x' })),
    ).toMatchObject({ data: { error: 'channel_not_found' } });
    await expect(
      web.chat.update({ channel: String(dm.channel), ts: dm.ts ?? '', text: 'x' }),
    ).resolves.toMatchObject({ ok: true });
  });

  it('chat.delete removes the app’s message from conversations.history; by conversation id only; twice is message_not_found', async () => {
    const { web, rep } = await workspace();
    const dm = await web.chat.postMessage({ channel: rep.id, text: 'copy', metadata: keyed('k1') });
    const channel = String(dm.channel);
    const ts = dm.ts ?? '';
    expect(await failure(web.chat.delete({ channel: rep.id, ts }))).toMatchObject({
      data: { error: 'channel_not_found' },
    });

    await expect(web.chat.delete({ channel, ts })).resolves.toMatchObject({ ok: true, channel, ts });

    const listed = await web.conversations.history({ channel, include_all_metadata: true });
    expect(listed.messages).toEqual([]);
    expect(await failure(web.chat.delete({ channel, ts }))).toMatchObject({
      data: { error: 'message_not_found' },
    });
    expect(await failure(web.chat.update({ channel, ts, text: 'x' }))).toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('chat.postMessage finds a private channel by id only, a public one by name too', async () => {
    const { sandbox, web } = await workspace();
    const managers = sandbox.state.addChannel({ name: 'managers', private: true });
    expect(await failure(web.chat.postMessage({ channel: '#managers', text: 'x' }))).toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(web.chat.postMessage({ channel: managers.id, text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
    await expect(web.chat.postMessage({ channel: '#sales-benelux', text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('after a rename the old name finds nothing and the id still works', async () => {
    const { sandbox, web, channel } = await workspace({ rateLimits: { messagesPerSecond: null } });
    sandbox.state.renameChannel(channel.id, 'sales-nl');
    expect(await failure(web.chat.postMessage({ channel: '#sales-benelux', text: 'x' }))).toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(web.chat.postMessage({ channel: channel.id, text: 'x' })).resolves.toMatchObject({
      ok: true,
    });
    const listed = await web.conversations.list({ types: 'public_channel' });
    expect(listed.channels?.map((c) => [c.id, c.name])).toEqual([[channel.id, 'sales-nl']]);
  });

  it('conversations.list needs the read scope of every type asked for', async () => {
    const scopes = DEFAULT_SCOPES.filter((s) => s !== 'groups:read');
    const { web } = await workspace({ scopes });
    await expect(web.conversations.list({ types: 'public_channel' })).resolves.toMatchObject({ ok: true });
    expect(await failure(web.conversations.list({ types: 'public_channel,private_channel' }))).toMatchObject({
      data: { error: 'missing_scope', needed: 'groups:read', provided: scopes.join(',') },
    });
  });
});

/** Per method: tier and bot scope, as docs.slack.dev/reference/methods/<method> lists them (slack-api-ref, 2026-08-20). */
const DOCUMENTED: Readonly<Record<string, { tier: 1 | 2 | 3 | 4 | 'special'; scope: string | null }>> = {
  'auth.test': { tier: 'special', scope: null },
  'chat.postMessage': { tier: 'special', scope: 'chat:write' },
  'chat.update': { tier: 3, scope: 'chat:write' },
  'chat.delete': { tier: 3, scope: 'chat:write' },
  'chat.postEphemeral': { tier: 4, scope: 'chat:write' },
  'users.lookupByEmail': { tier: 3, scope: 'users:read.email' },
  'users.info': { tier: 4, scope: 'users:read' },
  'users.list': { tier: 2, scope: 'users:read' },
  'conversations.open': { tier: 3, scope: 'im:write' },
  'conversations.join': { tier: 3, scope: 'channels:join' },
  'conversations.list': { tier: 2, scope: 'channels:read' },
  'conversations.info': { tier: 3, scope: 'channels:read' },
  'conversations.history': { tier: 3, scope: 'channels:history' },
  'views.publish': { tier: 4, scope: null },
  'views.open': { tier: 4, scope: null },
  'views.update': { tier: 4, scope: null },
  'views.push': { tier: 4, scope: null },
};

describe('SD: updating a message in place (chat.update, SD-28)', () => {
  it('changes only the app’s own messages: a person’s is cant_update_message (and cant_delete_message)', async () => {
    const { sandbox, web, rep, channel } = await workspace();
    const own = await web.chat.postMessage({ channel: channel.id, text: 'ours' });
    const theirs = sandbox.state.postAsPerson(rep.id, channel.id, 'a rep writes in the channel');

    expect(await failure(web.chat.update({ channel: channel.id, ts: theirs.ts, text: 'x' }))).toMatchObject({
      data: { error: 'cant_update_message' },
    });
    expect(await failure(web.chat.delete({ channel: channel.id, ts: theirs.ts }))).toMatchObject({
      data: { error: 'cant_delete_message' },
    });
    expect(theirs.updates).toEqual([]);
    expect(theirs.deletedAt).toBeNull();
    await expect(
      web.chat.update({ channel: channel.id, ts: own.ts ?? '', text: 'ours, updated' }),
    ).resolves.toMatchObject({ ok: true, channel: channel.id, ts: own.ts });
  });

  it('finds the message by channel id and ts: another ts, or the ts in another channel, is message_not_found', async () => {
    const { web, rep, channel } = await workspace();
    const dm = await web.chat.postMessage({ channel: rep.id, text: 'one' });
    const ts = dm.ts ?? '';
    expect(
      await failure(web.chat.update({ channel: String(dm.channel), ts: '1.000001', text: 'x' })),
    ).toMatchObject({
      data: { error: 'message_not_found' },
    });
    expect(await failure(web.chat.update({ channel: channel.id, ts, text: 'x' }))).toMatchObject({
      data: { error: 'message_not_found' },
    });
  });

  it('is paced as Tier 3: 50 updates in a rolling minute, the next one is rate limited until the minute has passed', async () => {
    const { sandbox, web, rep } = await workspace();
    const dm = await web.chat.postMessage({ channel: rep.id, text: 'one' });
    const target = { channel: String(dm.channel), ts: dm.ts ?? '' };
    for (let n = 1; n <= 50; n += 1) await web.chat.update({ ...target, text: `update ${n}` });

    expect(await failure(web.chat.update({ ...target, text: 'one too many' }))).toMatchObject({
      code: 'slack_webapi_rate_limited_error',
    });
    sandbox.clock.advance(60_000);
    await expect(web.chat.update({ ...target, text: 'a minute later' })).resolves.toMatchObject({ ok: true });
    expect(sandbox.state.dmsTo(rep.id)[0]?.updates).toHaveLength(51);
  });
});

describe('SD: tiers and scopes per method', () => {
  it('serves each method in its documented tier', () => {
    const served = Object.entries(METHODS).map(([name, spec]) => [name, spec.tier]);
    expect(served.filter(([name]) => !(String(name) in DOCUMENTED))).toEqual([]);
    for (const [name, tier] of served) expect([name, tier]).toEqual([name, DOCUMENTED[String(name)]?.tier]);
  });

  it.each(Object.entries(DOCUMENTED).filter(([name, d]) => d.scope !== null && name in METHODS))(
    '%s without its scope answers missing_scope',
    async (name, documented) => {
      const scopes = DEFAULT_SCOPES.filter((s) => s !== documented.scope);
      const { sandbox, channel, rep } = await workspace({ scopes });
      const args: Record<string, string> = {
        channel: channel.id,
        text: 'x',
        ts: '1.000001',
        email: 'bram@example.com',
        user: rep.id,
        users: rep.id,
        types: 'public_channel',
      };
      const res = await fetch(`${sandbox.url}${name}`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer xoxb-sandbox',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(args),
      });
      expect(await res.json()).toMatchObject({
        ok: false,
        error: 'missing_scope',
        needed: documented.scope,
        provided: scopes.join(','),
      });
    },
  );
});
