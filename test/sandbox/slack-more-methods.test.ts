import { LogLevel, WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { slack } from './helpers.ts';

const web = (url: string) =>
  new WebClient('xoxb-sandbox', { slackApiUrl: url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });

describe('Slack sandbox, the remaining methods through the real client', () => {
  it('lists users page by page', async () => {
    const sandbox = await slack();
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) sandbox.state.addUser({ email });
    const client = web(sandbox.url);
    const first = await client.users.list({ limit: 2 });
    expect(first.members?.map((m) => m.profile?.email)).toEqual(['a@example.com', 'b@example.com']);
    const second = await client.users.list({ limit: 2, cursor: first.response_metadata?.next_cursor ?? '' });
    expect(second.members?.map((m) => m.profile?.email)).toEqual(['c@example.com']);
    expect(second.response_metadata?.next_cursor).toBe('');
  });

  it('joins a public channel, then may post there', async () => {
    const sandbox = await slack();
    const channel = sandbox.state.addChannel({ name: 'sales', botIsMember: false });
    const client = web(sandbox.url);
    await expect(client.conversations.join({ channel: channel.id })).resolves.toMatchObject({ ok: true });
    await expect(client.conversations.join({ channel: channel.id })).resolves.toMatchObject({
      warning: 'already_in_channel',
    });
    await client.chat.postMessage({ channel: channel.id, text: 'hello' });
    expect(sandbox.state.messagesIn('sales')).toHaveLength(1);
  });

  it('deletes a message, which tests see as deleted', async () => {
    const sandbox = await slack();
    const channel = sandbox.state.addChannel({ name: 'sales' });
    const client = web(sandbox.url);
    const posted = await client.chat.postMessage({ channel: channel.id, text: 'oops' });
    await client.chat.delete({ channel: channel.id, ts: posted.ts ?? '' });
    expect(sandbox.state.messagesIn('sales')[0]?.deletedAt).toBe(sandbox.clock.now());
  });

  it('updates a modal by view id', async () => {
    const sandbox = await slack();
    const user = sandbox.state.addUser({ email: 'a@example.com' });
    const client = web(sandbox.url);
    const trigger = String(sandbox.interact.slashCommand({ user: user.id, command: '/sla' }).body.trigger_id);
    const title = { type: 'plain_text' as const, text: 'Lead' };
    const opened = await client.views.open({
      trigger_id: trigger,
      view: { type: 'modal', title, blocks: [] },
    });
    const updated = await client.views.update({
      view_id: opened.view?.id ?? '',
      view: { type: 'modal', title, blocks: [{ type: 'divider' }] },
    });
    expect(updated.view?.id).toBe(opened.view?.id);
    expect(sandbox.state.log.view(opened.view?.id ?? '')?.view.blocks).toEqual([{ type: 'divider' }]);
  });

  it('tells every subscriber what the bot did, in order', async () => {
    const sandbox = await slack();
    const user = sandbox.state.addUser({ email: 'a@example.com' });
    const seen: string[] = [];
    const stop = sandbox.state.on((event) => seen.push(event.kind));
    const client = web(sandbox.url);
    const posted = await client.chat.postMessage({ channel: user.id, text: 'ping' });
    await client.chat.update({ channel: posted.channel ?? '', ts: posted.ts ?? '', text: 'pong' });
    await client.views.publish({ user_id: user.id, view: { type: 'home', blocks: [] } });
    stop();
    sandbox.clock.advance(1_000);
    await client.chat.postMessage({ channel: user.id, text: 'unseen' });
    expect(seen).toEqual(['posted', 'updated', 'view']);
  });
});
