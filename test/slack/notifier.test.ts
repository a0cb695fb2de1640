import { describe, expect, it } from 'vitest';
import type { SlaConfig } from '../../src/config/types.ts';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { ENGLISH } from '../../src/i18n/language.ts';
import { createSlackNotifier } from '../../src/slack/notifier.ts';
import { alertTextOf } from '../support/admin-alert-text.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import { messageProblems } from './support/block-kit.ts';
import { FakeSlackStore } from './support/fake-slack-store.ts';
import {
  context,
  deadline,
  delivery,
  edit,
  notification,
  owner,
  slackConfig,
  T0,
} from './support/fixtures.ts';
import { slackHarness } from './support/harness.ts';
import { posted, slackApi, slackUser } from './support/slack-http.ts';

function setup(config: SlaConfig = slackConfig()) {
  const h = slackHarness();
  const store = new FakeSlackStore();
  const notifier = createSlackNotifier({
    client: h.client,
    config: () => config,
    store,
    clock: h.clock,
    logger: h.logger,
    queue: h.queue,
  });
  return { ...h, store, notifier };
}

const bram = () => slackUser('U_BRAM', 'bram@example.com', { tz: 'Europe/Amsterdam' });
const anna = () => slackUser('U_ANNA', 'anna@example.com', { tz: 'Europe/London' });

describe('sending notifications to Slack', () => {
  const http = useStrictHttp();

  it('DMs the handoff ping to the owner, found by e-mail, with everything needed to call now', async () => {
    const api = slackApi(http);
    api.ok('users.lookupByEmail', { user: bram() });
    api.on('chat.postMessage', () => ({ body: posted('D_BRAM') }));
    const { notifier } = setup();
    const result = await notifier.send(delivery());
    expect(result).toEqual({
      status: 'sent',
      ref: { channel: 'D_BRAM', ts: '1767184200.000100' },
      fallback: null,
      // Kept to update it in place later, rendered the same way (the reader's zone, no banner).
      copies: [
        {
          channel: 'D_BRAM',
          ts: '1767184200.000100',
          zone: 'Europe/Amsterdam',
          note: null,
          language: ENGLISH,
        },
      ],
    });
    const [post] = api.callsTo('chat.postMessage');
    expect(post?.fields.channel).toBe('U_BRAM');
    expect(post?.fields.text).toBe('New SQL lead: Jane Doe (Acme &amp; Sons). Contact by Tue 14:05 GMT+1.');
    expect(post?.fields.parse).toBe('none');
    const json = JSON.stringify(post?.fields.blocks);
    expect(json).toContain('<tel:+31201234567|+31 20 123 4567>');
    expect(json).toContain('<mailto:jane@acme.example|jane@acme.example>');
    expect(json).toContain(`<!date^${deadline / 1000}^{date_short_pretty} {time}|Tue 14:05 GMT+1>`);
    expect(json).toContain('Acme &amp; Sons');
    expect(json).toContain('Demo request form');
    expect(json).toContain('score 87');
    expect(json).toContain('*Attempts required*\\n6');
    expect(json).toContain('sla_on_it');
    expect(json).toContain('sla_not_a_fit');
    expect(json).toContain('https://app.hubspot.com/contacts/123/record/0-1/987');
    expect(
      messageProblems({ text: String(post?.fields.text), blocks: post?.fields.blocks as unknown[] }),
    ).toEqual([]);
  });

  it('sends the ping to the team channel and the manager when the owner is not in Slack, and tells admins once', async () => {
    const api = slackApi(http);
    api.fail('users.lookupByEmail', 'users_not_found');
    api.ok('users.lookupByEmail', { user: anna() });
    api.on(
      'chat.postMessage',
      (f) => ({ body: posted(f.channel === '#sales-benelux' ? 'C_SALES' : 'D_ANNA') }),
      4,
    );
    const { notifier, store } = setup();
    const first = await notifier.send(delivery());
    const second = await notifier.send(delivery({ key: 'other' }));
    const note = 'Meant for bram@example.com, who is not found in Slack; you are getting it instead.';
    expect(first).toEqual({
      status: 'sent',
      ref: { channel: 'C_SALES', ts: '1767184200.000100' },
      fallback: 'bram@example.com is not found in Slack (users_not_found) → #sales-benelux, anna@example.com',
      // Both fallback copies, each kept with its reader's zone and the banner it carries.
      copies: [
        { channel: 'C_SALES', ts: '1767184200.000100', zone: 'Europe/Amsterdam', note, language: ENGLISH },
        { channel: 'D_ANNA', ts: '1767184200.000100', zone: 'Europe/London', note, language: ENGLISH },
      ],
    });
    expect(second.status).toBe('sent');
    expect(api.callsTo('chat.postMessage').map((c) => c.fields.channel)).toEqual([
      '#sales-benelux',
      'U_ANNA',
      '#sales-benelux',
      'U_ANNA',
    ]);
    expect(JSON.stringify(api.callsTo('chat.postMessage')[0]?.fields.blocks)).toContain(
      'Meant for bram@example.com, who is not found in Slack',
    );
    expect([...store.outbox.values()]).toEqual([
      {
        key: 'admin:slack-unreachable:bram@example.com:users_not_found',
        instanceId: null,
        kind: 'admin_alert',
        target: null,
        payload: {
          key: 'admin:slack-unreachable:bram@example.com:users_not_found',
          message: {
            key: 'alert.unreachable',
            values: {
              who: 'bram@example.com',
              code: 'users_not_found',
              routedTo: ['#sales-benelux', 'anna@example.com'],
            },
          },
        },
        dueAt: T0 + 6 * SECOND,
      },
    ]);
    expect(alertTextOf([...store.outbox.values()][0]?.payload)).toBe(
      'Slack: bram@example.com is not found in Slack; messages meant for them go to #sales-benelux, anna@example.com. ' +
        'Fix: invite them to Slack, or map their e-mail under slack.user_overrides in the SLA file.',
    );
    expect(store.enqueueCalls).toBe(1);
  });

  it('routes around an owner who is out of office (still named with a mention)', async () => {
    const api = slackApi(http);
    api.people({ 'bram@example.com': bram(), 'anna@example.com': anna() }, 2);
    api.on('chat.postMessage', (f) => ({ body: posted(String(f.channel)) }), 2);
    const config = slackConfig({
      outOfOffice: [{ email: 'bram@example.com', from: T0 - MINUTE, until: T0 + 60 * MINUTE }],
    });
    const { notifier, store } = setup(config);
    const result = await notifier.send(delivery());
    expect(result.status === 'sent' && result.fallback).toContain('bram@example.com is out of office');
    expect(JSON.stringify(api.callsTo('chat.postMessage')[0]?.fields.blocks)).toContain('lead for <@U_BRAM>');
    expect([...store.outbox.keys()]).toEqual([
      `admin:slack-unreachable:bram@example.com:out_of_office:${T0 - MINUTE}`,
    ]);
  });

  it('routes around an owner whose Slack account is deactivated', async () => {
    const api = slackApi(http);
    api.ok('users.lookupByEmail', { user: { ...bram(), deleted: true } });
    api.ok('users.lookupByEmail', { user: anna() });
    api.on('chat.postMessage', (f) => ({ body: posted(String(f.channel)) }), 2);
    const { notifier } = setup();
    const result = await notifier.send(delivery());
    expect(result.status === 'sent' && result.fallback).toContain('deactivated in Slack');
  });

  it.each([
    'account_inactive',
    'messages_tab_disabled',
    'channel_not_found',
    'not_in_channel',
    'users_not_found',
  ])('a DM refused with %s goes to the fallback, is not retried, and admins hear of it', async (code) => {
    const api = slackApi(http);
    api.ok('users.lookupByEmail', { user: bram() });
    api.ok('users.lookupByEmail', { user: anna() });
    api.on(
      'chat.postMessage',
      (f) =>
        f.channel === 'U_BRAM' ? { body: { ok: false, error: code } } : { body: posted(String(f.channel)) },
      3,
    );
    const { notifier, store } = setup();
    const result = await notifier.send(delivery());
    expect(result.status).toBe('sent');
    expect(result.status === 'sent' && result.fallback).toContain(
      `(${code}) → #sales-benelux, anna@example.com`,
    );
    expect(api.callsTo('chat.postMessage').map((c) => c.fields.channel)).toEqual([
      'U_BRAM',
      '#sales-benelux',
      'U_ANNA',
    ]);
    expect([...store.outbox.keys()]).toEqual([`admin:slack-unreachable:bram@example.com:${code}`]);
  });

  it('honours a 429: nothing is sent and the worker is told when to retry', async () => {
    const api = slackApi(http);
    api.ok('users.lookupByEmail', { user: bram() });
    api.on('chat.postMessage', () => ({
      status: 429,
      body: { ok: false, error: 'ratelimited' },
      headers: { 'retry-after': '30' },
    }));
    const { notifier } = setup();
    expect(await notifier.send(delivery())).toEqual({
      status: 'retry',
      error: 'ratelimited: bram@example.com',
      retryAt: T0 + 30 * SECOND,
    });
  });

  it('waits out a short "ratelimited" in a 200 body and then sends', async () => {
    const api = slackApi(http);
    api.ok('users.lookupByEmail', { user: bram() });
    api.fail('chat.postMessage', 'ratelimited');
    api.on('chat.postMessage', () => ({ body: posted('D_BRAM') }));
    const { notifier, sleeps } = setup();
    expect((await notifier.send(delivery())).status).toBe('sent');
    expect(sleeps).toEqual([SECOND]);
  });

  // Slack may have posted before answering 500: no blind resend (SD-2, SD-7). The next attempt looks for the
  // outbox key in the DM first, and posts only when it is not there — still one message.
  it('a 500 on a post is not retried blindly: the next attempt looks for it, then posts once', async () => {
    const api = slackApi(http);
    api.ok('users.lookupByEmail', { user: bram() });
    api.on('chat.postMessage', () => ({ status: 500, body: {} }));
    const { notifier, clock } = setup();
    const d = delivery();
    expect(await notifier.send(d)).toMatchObject({ status: 'retry', inDoubt: true });
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(api.callsTo('chat.postMessage')[0]?.fields.metadata).toEqual({
      event_type: 'sla_bot_message',
      event_payload: { key: d.key },
    });

    api.ok('conversations.open', { channel: { id: 'D_BRAM' } });
    api.ok('conversations.history', {
      messages: [],
      has_more: false,
      response_metadata: { next_cursor: '' },
    });
    api.on('chat.postMessage', () => ({ body: posted('D_BRAM') }));
    clock.advance(30 * SECOND);
    expect((await notifier.send({ ...d, now: clock.now(), inDoubtSince: T0 })).status).toBe('sent');
    expect(api.callsTo('conversations.open')[0]?.fields).toMatchObject({ users: 'U_BRAM' });
    expect(api.callsTo('conversations.history')[0]?.fields).toMatchObject({
      channel: 'D_BRAM',
      include_all_metadata: 'true',
      inclusive: 'true',
      limit: '15',
      oldest: ((T0 - 2 * MINUTE) / 1000).toFixed(6),
    });
    expect(api.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('asks for a retry when the user lookup itself fails transiently', async () => {
    const api = slackApi(http);
    api.fail('users.lookupByEmail', 'internal_error', 3);
    const { notifier } = setup();
    const result = await notifier.send(delivery());
    expect(result.status).toBe('retry');
  });

  it('fails, with the reason, when neither the owner nor any fallback can be reached', async () => {
    const config = slackConfig({ admins: [] }, { teams: [] });
    const { notifier } = setup(config);
    const result = await notifier.send(delivery({ context: context({ owner: null, team: null }) }));
    expect(result).toEqual({
      status: 'failed',
      error: 'unassigned lead has no owner (no_owner); no fallback recipient configured',
    });
  });

  it('falls back to the manager when the team channel does not include the bot', async () => {
    const api = slackApi(http);
    api.fail('chat.postMessage', 'not_in_channel');
    api.ok('users.lookupByEmail', { user: anna() });
    api.on('chat.postMessage', () => ({ body: posted('D_ANNA') }));
    api.ok('users.lookupByEmail', { user: bram() });
    const n = notification({ kind: 'escalation', level: 1, repeat: 0, deadline, excused: false }, [
      { kind: 'team_channel' },
    ]);
    const { notifier, store } = setup();
    const result = await notifier.send(
      delivery({ notification: n, target: { kind: 'team_channel' }, now: deadline + 15 * MINUTE }),
    );
    expect(result.status === 'sent' && result.fallback).toBe(
      '#sales-benelux does not include the bot (not_in_channel) → anna@example.com',
    );
    expect([...store.outbox.keys()]).toEqual(['admin:slack-unreachable:#sales-benelux:not_in_channel']);
  });

  it('escalates to the manager naming the rep and the lead, with a snooze button', async () => {
    const api = slackApi(http);
    api.ok('users.lookupByEmail', { user: anna() });
    api.ok('users.lookupByEmail', { user: bram() });
    api.on('chat.postMessage', () => ({ body: posted('D_ANNA') }));
    const n = notification({ kind: 'escalation', level: 0, repeat: 0, deadline, excused: false }, [
      { kind: 'manager' },
    ]);
    const ctx = context({
      evaluation: {
        ...context().evaluation,
        firstContact: { state: 'breached', deadline, lateBy: 4 * MINUTE, contactedAt: null, excused: false },
      },
    });
    const { notifier } = setup();
    await notifier.send(
      delivery({ notification: n, target: { kind: 'manager' }, context: ctx, now: deadline + 4 * MINUTE }),
    );
    const post = api.callsTo('chat.postMessage')[0];
    expect(post?.fields.channel).toBe('U_ANNA');
    const json = JSON.stringify(post?.fields.blocks);
    expect(json).toContain('<@U_BRAM> (team benelux) has not contacted this lead');
    expect(json).toContain('Jane Doe');
    expect(json).toContain('4m ago');
    expect(json).toContain('sla_snooze');
    expect(post?.fields.text).toContain('SLA escalation: Jane Doe (Acme &amp; Sons)');
  });

  it('does not send the owner fallback to the manager when the same notification already goes to the manager', async () => {
    const api = slackApi(http);
    api.people({}, 1);
    api.on('chat.postMessage', () => ({ body: posted('C_SALES') }));
    const n = notification({ kind: 'breach', deadline, excused: false }, [
      { kind: 'owner' },
      { kind: 'manager' },
    ]);
    const { notifier } = setup();
    const result = await notifier.send(
      delivery({ notification: n, target: { kind: 'owner' }, now: deadline + MINUTE }),
    );
    expect(result.status === 'sent' && result.fallback).toContain('→ #sales-benelux');
    expect(api.callsTo('chat.postMessage').map((c) => c.fields.channel)).toEqual(['#sales-benelux']);
  });

  it('says so when a message goes out late', async () => {
    const api = slackApi(http);
    api.ok('users.lookupByEmail', { user: bram() });
    api.on('chat.postMessage', () => ({ body: posted('D_BRAM') }));
    const { notifier } = setup();
    await notifier.send(delivery({ now: T0 + 20 * MINUTE }));
    expect(JSON.stringify(api.callsTo('chat.postMessage')[0]?.fields.blocks)).toContain(
      'This message was due 19m55s ago',
    );
  });

  it('updates the ping in place with the new state', async () => {
    const api = slackApi(http);
    api.ok('users.lookupByEmail', { user: bram() });
    api.on('chat.update', () => ({ body: { ok: true, channel: 'D_BRAM', ts: '1.2' } }));
    const { notifier } = setup();
    const ctx = context({
      evaluation: {
        ...context().evaluation,
        firstContact: {
          state: 'met',
          deadline,
          at: T0 + 192 * SECOND,
          touchId: 'call:1',
          took: 192 * SECOND,
        },
      },
    });
    const result = await notifier.update(edit([{ channel: 'D_BRAM', ts: '1.2' }], { context: ctx }));
    expect(result).toEqual({ status: 'edited', skipped: [] });
    const call = api.callsTo('chat.update')[0];
    expect(call?.fields).toMatchObject({ channel: 'D_BRAM', ts: '1.2' });
    expect(JSON.stringify(call?.fields.blocks)).toContain('Contacted in 3m12s ✓');
    expect(JSON.stringify(call?.fields.blocks)).not.toContain('sla_on_it');
  });

  /** The fallback banner of a rendered message (its `:information_source:` context line), if any. */
  const noteOf = (blocks: unknown): string | null =>
    /:information_source: ([^"]*)"/.exec(JSON.stringify(blocks))?.[1] ?? null;

  it('keeps the fallback note of a ping in the team channel when it is updated in place', async () => {
    const api = slackApi(http);
    api.fail('users.lookupByEmail', 'users_not_found');
    api.ok('users.lookupByEmail', { user: anna() });
    api.on(
      'chat.postMessage',
      (f) => ({ body: posted(f.channel === '#sales-benelux' ? 'C_SALES' : 'D_ANNA') }),
      2,
    );
    api.on('chat.update', (f) => ({ body: { ok: true, channel: f.channel, ts: f.ts } }), 2);
    const { notifier } = setup();
    const sent = await notifier.send(delivery());
    if (sent.status !== 'sent') throw new Error('expected the fallback to be sent');
    expect(sent.ref.channel).toBe('C_SALES');
    const breached = context({
      evaluation: {
        ...context().evaluation,
        firstContact: { state: 'breached', deadline, lateBy: 3 * MINUTE, contactedAt: null, excused: false },
      },
    });
    const updated = await notifier.update(
      edit(sent.copies ?? [], { context: breached, now: deadline + 3 * MINUTE }),
    );
    expect(updated.status).toBe('edited');
    const first = noteOf(api.callsTo('chat.postMessage')[0]?.fields.blocks);
    const [update, managers] = api.callsTo('chat.update');
    expect(first).toBe('Meant for bram@example.com, who is not found in Slack; you are getting it instead.');
    expect(noteOf(update?.fields.blocks)).toBe(first);
    // Both copies are updated, the manager's DM with its banner too.
    expect(managers?.fields).toMatchObject({ channel: 'D_ANNA' });
    expect(noteOf(managers?.fields.blocks)).toBe(first);
    // The update shows the new state, so it is not the first post sent again.
    expect(update?.fields.blocks).not.toEqual(api.callsTo('chat.postMessage')[0]?.fields.blocks);
  });

  it('keeps an out-of-office note while the leave lasts, and only whose lead it is after', async () => {
    const api = slackApi(http);
    api.people({ 'bram@example.com': bram(), 'anna@example.com': anna() }, 2);
    api.on(
      'chat.postMessage',
      (f) => ({ body: posted(f.channel === '#sales-benelux' ? 'C_SALES' : 'D_ANNA') }),
      2,
    );
    api.on('chat.update', (f) => ({ body: { ok: true, channel: f.channel, ts: f.ts } }), 2);
    const config = slackConfig({
      outOfOffice: [{ email: 'bram@example.com', from: T0 - MINUTE, until: T0 + 60 * MINUTE }],
    });
    const { notifier } = setup(config);
    const sent = await notifier.send(delivery());
    if (sent.status !== 'sent') throw new Error('expected the fallback to be sent');
    await notifier.update(edit([sent.ref], { now: T0 + 30 * MINUTE }));
    await notifier.update(edit([sent.ref], { now: T0 + 61 * MINUTE }));
    const [during, after] = api.callsTo('chat.update').map((c) => noteOf(c.fields.blocks));
    expect(during).toBe(noteOf(api.callsTo('chat.postMessage')[0]?.fields.blocks));
    expect(during).toBe('Meant for bram@example.com, who is out of office; you are getting it instead.');
    expect(after).toBe('Meant for bram@example.com; you are getting it instead.');
  });

  it('reports an update of a vanished message as failed, not retried', async () => {
    const api = slackApi(http);
    api.people({ 'bram@example.com': bram() }, 1);
    api.fail('chat.update', 'message_not_found');
    const { notifier } = setup();
    const result = await notifier.update(edit([{ channel: 'C_SALES', ts: '1.2' }], { now: T0 }));
    expect(result).toEqual({ status: 'failed', error: 'C_SALES/1.2: message_not_found' });
  });

  it('alerts admins in their channel and by DM', async () => {
    const api = slackApi(http);
    api.ok('users.lookupByEmail', { user: slackUser('U_OPS', 'ops@example.com') });
    api.on(
      'chat.postMessage',
      (f) => ({ body: posted(f.channel === '#sla-admins' ? 'C_ADMINS' : 'D_OPS') }),
      2,
    );
    const { notifier } = setup(slackConfig({ admins: ['#sla-admins', 'ops@example.com'] }));
    const key = 'admin:hubspot-down';
    const result = await notifier.alertAdmins({ key, text: 'HubSpot is failing <script>' });
    expect(result).toEqual({
      status: 'sent',
      ref: { channel: 'C_ADMINS', ts: '1767184200.000100' },
      fallback: null,
      copies: [
        {
          channel: 'C_ADMINS',
          ts: '1767184200.000100',
          zone: 'Europe/Amsterdam',
          note: null,
          language: ENGLISH,
        },
        {
          channel: 'D_OPS',
          ts: '1767184200.000100',
          zone: 'Europe/Amsterdam',
          note: null,
          language: ENGLISH,
        },
      ],
    });
    expect(api.callsTo('chat.postMessage').map((c) => c.fields.channel)).toEqual(['#sla-admins', 'U_OPS']);
    const [first] = api.callsTo('chat.postMessage');
    expect(JSON.stringify(first?.fields.blocks)).toContain('HubSpot is failing &lt;script&gt;');
    // The key is internal: it travels in the metadata (to find the post again), never in what admins read.
    expect(JSON.stringify([first?.fields.blocks, first?.fields.text])).not.toContain(key);
    expect(JSON.stringify(first?.fields.metadata)).toContain(key);
  });

  it('an owner whose HubSpot account is deactivated gets nothing; the team does', async () => {
    const api = slackApi(http);
    api.people({ 'bram@example.com': bram(), 'anna@example.com': anna() }, 2);
    api.on('chat.postMessage', (f) => ({ body: posted(String(f.channel)) }), 2);
    const { notifier } = setup();
    const result = await notifier.send(delivery({ context: context({ owner: owner({ active: false }) }) }));
    expect(result.status === 'sent' && result.fallback).toContain('deactivated in HubSpot (owner_inactive)');
  });
});
