import { describe, expect, it } from 'vitest';
import type { SlaConfig } from '../../src/config/types.ts';
import { MINUTE } from '../../src/domain/time.ts';
import { translator } from '../../src/i18n/translate.ts';
import type { StoredInstance } from '../../src/ports/store.ts';
import { renderNoticeModal } from '../../src/slack/render/notice-modal.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import { boltHarness, fixture } from './support/bolt-harness.ts';
import { evaluation, instance, slackConfig, snapshot, T0 } from './support/fixtures.ts';
import { slackUser } from './support/slack-http.ts';

const stored = (id: string, ownerId: string, over: Partial<StoredInstance> = {}): StoredInstance => ({
  instance: instance({ id, ownerId }),
  evaluation: evaluation({ instanceId: id }),
  pingRef: { channel: 'D_BRAM', ts: '1767184200.000100' },
  pingState: null,
  ...over,
});

type Body = Record<string, unknown>;

const onIt = (value = 'i-bram', actionTs = '1767184230.000200'): Body => {
  const body = fixture('block-actions-on-it.json');
  const [action] = body.actions as Body[];
  return { ...body, actions: [{ ...action, value, action_ts: actionTs }] };
};

const button = (actionId: string, value: string, blockId = 'lead_actions'): Body => {
  const body = onIt(value);
  const [action] = body.actions as Body[];
  return { ...body, actions: [{ ...action, action_id: actionId, block_id: blockId }] };
};

const submission = (
  callbackId: string,
  meta: unknown,
  values: Record<string, Record<string, unknown>>,
  user = 'U_BRAM',
  viewId = 'V_FORM1',
): Body => {
  const body = fixture('view-submission.json');
  const view = body.view as Body;
  return {
    ...body,
    user: { id: user, username: 'x', name: 'x', team_id: 'T1' },
    view: {
      ...view,
      id: viewId,
      callback_id: callbackId,
      private_metadata: JSON.stringify(meta),
      state: { values },
    },
  };
};

describe('Slack listeners, driven through Bolt', () => {
  const http = useStrictHttp();

  function responseUrl(path: string, times = 1) {
    const bodies: Body[] = [];
    http
      .scope('https://hooks.slack.test')
      .post(path)
      .times(times)
      .reply(async (req: Request) => {
        bodies.push(JSON.parse(await req.text()));
        return [200, 'ok'];
      });
    return bodies;
  }

  it('"On it" acks first, records who and when, updates the ping in place and confirms privately', async () => {
    const h = await boltHarness(http);
    h.store.add(stored('i-bram', 'o-bram'));
    const original = h.store.acknowledge.bind(h.store);
    h.store.acknowledge = async (a) => {
      h.receiver.sequence.push('recorded');
      return original(a);
    };
    h.api.ok('users.info', { user: slackUser('U_BRAM', 'bram@example.com') });
    h.api.ok('chat.update', { channel: 'D_BRAM', ts: '1767184200.000100' });
    const replies = responseUrl('/actions/T1/1/xyz');

    const acks = await h.receiver.dispatch(onIt());

    expect(acks).toEqual([undefined]);
    expect(h.receiver.sequence).toEqual(['ack', 'recorded']);
    // The owner pressed it: named as in HubSpot (the owner fixture is Bram de Vries).
    expect(h.store.acks).toEqual([
      { instanceId: 'i-bram', by: 'bram@example.com', byName: 'Bram de Vries', at: h.clock.now() },
    ]);
    const update = h.api.callsTo('chat.update')[0];
    expect(update?.fields).toMatchObject({ channel: 'D_BRAM', ts: '1767184200.000100' });
    const blocks = JSON.stringify(update?.fields.blocks);
    const seconds = Math.floor(h.clock.now() / 1000);
    expect(blocks).toContain(`On it: Bram de Vries at <!date^${seconds}^{date_short_pretty} {time}|`);
    expect(blocks).not.toContain('sla_on_it');
    expect(replies).toEqual([
      {
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Got it: reminders stop for this lead. The SLA clock keeps running until a call, e-mail or meeting is logged in HubSpot.',
      },
    ]);
    expect(h.errors).toEqual([]);
  });

  it('"On it" by someone other than the owner names them as Slack does, not by their e-mail', async () => {
    const h = await boltHarness(http);
    h.store.add(stored('i-chris', 'o-chris'));
    const profile = { email: 'bram@example.com', real_name: 'Bram Bakker', display_name: 'bram' };
    h.api.ok('users.info', { user: slackUser('U_BRAM', 'bram@example.com', { profile }) });
    h.api.ok('chat.update', { channel: 'D_BRAM', ts: '1767184200.000100' });
    responseUrl('/actions/T1/1/xyz');

    await h.receiver.dispatch(onIt('i-chris'));

    expect(h.store.acks).toEqual([
      { instanceId: 'i-chris', by: 'bram@example.com', byName: 'Bram Bakker', at: h.clock.now() },
    ]);
    const blocks = JSON.stringify(h.api.callsTo('chat.update')[0]?.fields.blocks);
    expect(blocks).toContain('On it: Bram Bakker at <!date^');
    expect(blocks).not.toContain('bram@example.com at');
    expect(h.errors).toEqual([]);
  });

  it('"On it" on a ping that went to the team channel keeps the note it was posted with', async () => {
    const config = slackConfig({
      outOfOffice: [{ email: 'bram@example.com', from: T0 - MINUTE, until: T0 + 60 * MINUTE }],
    });
    const h = await boltHarness(http, config);
    h.store.add(stored('i-bram', 'o-bram', { pingRef: { channel: 'C_SALES', ts: '1767184200.000100' } }));
    h.api.ok('users.info', { user: slackUser('U_BRAM', 'bram@example.com') });
    h.api.ok('chat.update', { channel: 'C_SALES', ts: '1767184200.000100' });
    responseUrl('/actions/T1/1/xyz');
    await h.receiver.dispatch(onIt());
    const update = h.api.callsTo('chat.update')[0];
    expect(update?.fields).toMatchObject({ channel: 'C_SALES' });
    // The same note the notifier's first post to the channel carries (test/slack/notifier.test.ts).
    expect(JSON.stringify(update?.fields.blocks)).toContain(
      ':information_source: Meant for bram@example.com, who is out of office; you are getting it instead.',
    );
    expect(h.errors).toEqual([]);
  });

  it('a retried delivery of the same click is acked again but does nothing twice', async () => {
    const h = await boltHarness(http);
    h.store.add(stored('i-bram', 'o-bram'));
    h.api.ok('users.info', { user: slackUser('U_BRAM', 'bram@example.com') });
    h.api.ok('chat.update', {});
    responseUrl('/actions/T1/1/xyz');
    await h.receiver.dispatch(onIt());
    const acks = await h.receiver.dispatch(onIt(), { retryNum: 1, retryReason: 'http_timeout' });
    expect(acks).toHaveLength(1);
    expect(h.store.acks).toHaveLength(1);
    expect(h.api.callsTo('chat.update')).toHaveLength(1);
  });

  it('a second click on another message is recorded once and answered as a duplicate', async () => {
    const h = await boltHarness(http);
    h.store.add(stored('i-bram', 'o-bram'));
    h.api.ok('users.info', { user: slackUser('U_BRAM', 'bram@example.com') });
    h.api.ok('chat.update', {});
    const replies = responseUrl('/actions/T1/1/xyz', 2);
    await h.receiver.dispatch(onIt());
    await h.receiver.dispatch(onIt('i-bram', '1767184299.000900'));
    expect(h.store.acks).toHaveLength(1);
    expect(replies[1]?.text).toBe('Already marked "On it"; nothing changed.');
  });

  it('"Not a fit" opens a modal at once, then fills in the reason picker with the configured reasons', async () => {
    const h = await boltHarness(http);
    h.store.add(stored('i-bram', 'o-bram'));
    const read = h.store.instance.bind(h.store);
    h.store.instance = async (id) => {
      const made = h.api.calls.map((c) => c.method).filter((m) => m !== 'auth.test');
      h.receiver.sequence.push(`store read after ${made.join(',')}`);
      return read(id);
    };
    h.api.ok('views.open', { view: { id: 'V_FORM1', hash: '1.h1' } });
    h.api.ok('views.update', { view: { id: 'V_FORM1' } });
    const acks = await h.receiver.dispatch(button('sla_not_a_fit', 'i-bram'));
    expect(acks).toHaveLength(1);
    // The trigger is spent before anything slow: the store is read only once the modal is open.
    expect(h.receiver.sequence).toEqual(['ack', 'store read after views.open']);
    const open = h.api.callsTo('views.open')[0];
    expect(open?.fields.trigger_id).toBe('123.456.abc');
    expect(open?.fields.view).toMatchObject({
      type: 'modal',
      title: { text: 'Not a fit' },
      blocks: [{ type: 'section', text: { type: 'plain_text', text: 'Loading…' } }],
    });
    const update = h.api.callsTo('views.update')[0];
    expect(update?.fields).toMatchObject({ view_id: 'V_FORM1', hash: '1.h1' });
    const view = update?.fields.view as Body;
    expect(view.callback_id).toBe('sla_not_a_fit_modal');
    expect(JSON.parse(String(view.private_metadata))).toEqual({
      instanceId: 'i-bram',
      channel: 'D_BRAM',
      ts: '1767184200.000100',
      // The reader's language, so the answers to the submission need no look-up.
      lang: 'en',
      informal: false,
    });
    expect(JSON.stringify(view.blocks)).toContain('"value":"Job seeker"');
  });

  it('a modal the person closed while it was loading is left alone', async () => {
    const h = await boltHarness(http);
    h.store.add(stored('i-bram', 'o-bram'));
    h.api.ok('views.open', { view: { id: 'V_FORM1', hash: '1.h1' } });
    h.api.fail('views.update', 'not_found');
    await h.receiver.dispatch(button('sla_not_a_fit', 'i-bram'));
    expect(h.api.callsTo('views.update')).toHaveLength(1);
    expect(h.errors).toEqual([]);
  });

  it('submitting "Not a fit" records the reason, recycles the lead in HubSpot, updates the ping and confirms', async () => {
    const config = slackConfig(
      {},
      {
        hubspot: {
          ...slackConfig().hubspot,
          writeBack: { enabled: true, createTaskOnBreach: false, notAFitLeadStatus: 'UNQUALIFIED' },
        },
      },
    );
    const h = await boltHarness(http, config);
    h.store.add(stored('i-bram', 'o-bram'));
    h.api.ok('users.info', { user: slackUser('U_BRAM', 'bram@example.com') });
    h.api.ok('chat.update', {});
    h.api.ok('chat.postMessage', { channel: 'D_BRAM', ts: '2.2' });
    const body = submission(
      'sla_not_a_fit_modal',
      { instanceId: 'i-bram', channel: 'D_BRAM', ts: '1767184200.000100' },
      {
        reason: {
          reason_select: {
            type: 'static_select',
            selected_option: { text: { type: 'plain_text', text: 'No budget' }, value: 'No budget' },
          },
        },
        note: { note_input: { type: 'plain_text_input', value: 'Q3 maybe' } },
      },
    );
    const acks = await h.receiver.dispatch(body);
    await h.receiver.dispatch(body, { retryNum: 1 });

    expect(acks).toEqual([undefined]);
    expect(h.store.rejections).toEqual([
      { instanceId: 'i-bram', reason: 'No budget: Q3 maybe', by: 'bram@example.com', at: h.clock.now() },
    ]);
    expect(h.writer.calls).toEqual([
      { instanceId: 'i-bram', reason: 'No budget: Q3 maybe', leadStatus: 'UNQUALIFIED' },
    ]);
    expect(JSON.stringify(h.api.callsTo('chat.update')[0]?.fields.blocks)).toContain(
      'Closed: marked not a fit',
    );
    expect(h.api.callsTo('chat.postMessage')[0]?.fields).toMatchObject({
      channel: 'U_BRAM',
      text: 'Marked not a fit: "No budget". The SLA clock is stopped and marketing sees the reason. HubSpot lead status set to UNQUALIFIED: the lead is back in nurture.',
    });
  });

  it('a "Not a fit" form without a reason is refused inside the modal', async () => {
    const h = await boltHarness(http);
    const acks = await h.receiver.dispatch(
      submission('sla_not_a_fit_modal', { instanceId: 'i-bram', channel: null, ts: null }, {}),
    );
    expect(acks).toEqual([{ response_action: 'errors', errors: { reason: 'Pick a reason.' } }]);
    expect(h.store.rejections).toEqual([]);
  });

  it("lets the team's manager snooze escalations for a rep, once per form, visible as a silence", async () => {
    const h = await boltHarness(http);
    h.store.add(stored('i-bram', 'o-bram'));
    h.api.ok('views.open', { view: { id: 'V_SNOOZE1', hash: '1.h1' } });
    h.api.ok('views.update', { view: { id: 'V_SNOOZE1' } });
    await h.receiver.dispatch(button('sla_snooze', 'i-bram', 'escalation_actions'));
    expect(JSON.stringify(h.api.callsTo('views.open')[0]?.fields.view)).toContain('Loading…');
    const view = h.api.callsTo('views.update')[0]?.fields.view as Body;
    expect(view.callback_id).toBe('sla_snooze_modal');
    expect(JSON.stringify(view.blocks)).toContain('"value":"owner:o-bram"');
    expect(JSON.stringify(view.blocks)).toContain('"value":"team:benelux"');

    h.api.ok('users.info', { user: slackUser('U_ANNA', 'anna@example.com') });
    h.api.ok('views.update', { view: { id: 'V_SNOOZE1' } }, 2);
    h.api.ok('chat.postMessage', { channel: 'D_ANNA', ts: '3.3' });
    const body = submission(
      'sla_snooze_modal',
      { instanceId: 'i-bram' },
      {
        scope: { scope_select: { type: 'static_select', selected_option: { value: 'owner:o-bram' } } },
        duration: {
          duration_select: { type: 'static_select', selected_option: { value: String(4 * 60 * MINUTE) } },
        },
        snooze_reason: { snooze_reason_input: { type: 'plain_text_input', value: 'Trade fair all day' } },
      },
      'U_ANNA',
      'V_SNOOZE1',
    );
    // Who may snooze needs look-ups: the form answers "Snoozing…" at once, the verdict follows.
    const snoozing = {
      response_action: 'update',
      view: renderNoticeModal('Snooze escalations', 'Snoozing escalations…', translator()),
    };
    expect(await h.receiver.dispatch(body)).toEqual([snoozing]);
    expect(await h.receiver.dispatch(body, { retryNum: 1 })).toEqual([snoozing]);
    const now = h.clock.now();
    expect(h.store.silenceList).toEqual([
      {
        id: 'slack:V_SNOOZE1',
        scope: { kind: 'owner', ownerId: 'o-bram' },
        from: now,
        until: now + 240 * MINUTE,
        reason: 'Trade fair all day',
        by: 'anna@example.com',
      },
    ]);
    const done = 'Escalations for this rep snoozed until Tue 18:01 GMT+1: Trade fair all day';
    expect(h.api.callsTo('chat.postMessage').map((c) => c.fields.text)).toEqual([done]);
    const verdicts = h.api.callsTo('views.update').slice(1);
    expect(verdicts.map((c) => [c.fields.view_id, JSON.stringify(c.fields.view).includes(done)])).toEqual([
      ['V_SNOOZE1', true],
      ['V_SNOOZE1', true],
    ]);
  });

  it('refuses a snooze from someone who does not manage the team', async () => {
    const h = await boltHarness(http);
    h.store.add(stored('i-bram', 'o-bram'));
    h.api.ok('users.info', { user: slackUser('U_CHRIS', 'chris@example.com') });
    h.api.ok('views.update', { view: { id: 'V_FORM1' } });
    const body = submission(
      'sla_snooze_modal',
      { instanceId: 'i-bram' },
      {
        scope: { scope_select: { selected_option: { value: 'team:benelux' } } },
        duration: { duration_select: { selected_option: { value: String(60 * MINUTE) } } },
        snooze_reason: { snooze_reason_input: { value: 'because' } },
      },
      'U_CHRIS',
    );
    expect(await h.receiver.dispatch(body)).toEqual([
      {
        response_action: 'update',
        view: renderNoticeModal('Snooze escalations', 'Snoozing escalations…', translator()),
      },
    ]);
    const verdict = h.api.callsTo('views.update')[0];
    expect(verdict?.fields).toMatchObject({
      view_id: 'V_FORM1',
      view: renderNoticeModal(
        'Snooze escalations',
        "Only this team's manager or an sla-bot admin can snooze escalations.",
        translator(),
      ),
    });
    expect(h.store.silenceList).toEqual([]);
  });

  it('a snooze form with a field missing is refused inside the modal, before any look-up', async () => {
    const h = await boltHarness(http);
    const body = submission('sla_snooze_modal', { instanceId: 'i-bram' }, {}, 'U_ANNA');
    expect(await h.receiver.dispatch(body)).toEqual([
      { response_action: 'errors', errors: { snooze_reason: 'Fill in every field.' } },
    ]);
    expect(h.api.calls.map((c) => c.method)).toEqual(['auth.test']);
  });

  it('acks the HubSpot link button and does nothing else', async () => {
    const h = await boltHarness(http);
    expect(await h.receiver.dispatch(button('sla_open_hubspot', ''))).toEqual([undefined]);
  });

  it('/sla shows the caller their open leads, most urgent first, with time left and attempts', async () => {
    const h = await boltHarness(http);
    const now = h.clock.now();
    h.store.add(
      stored('i-calm', 'o-bram', {
        instance: instance({ id: 'i-calm', lead: snapshot({ firstName: 'Calm', score: 99 }) }),
      }),
    );
    h.store.add(
      stored('i-late', 'o-bram', {
        instance: instance({ id: 'i-late', lead: snapshot({ firstName: 'Late', score: 10 }) }),
        evaluation: evaluation({
          firstContact: { state: 'pending', deadline: now - 2 * MINUTE, atRisk: true, left: 0 },
          attempts: {
            made: 2,
            required: 6,
            atMost: 9,
            windowEnd: T0 + 5 * 24 * 60 * MINUTE,
            state: 'open',
            overkill: false,
          },
        }),
      }),
    );
    h.store.add(stored('i-chris', 'o-chris'));
    h.api.ok('users.info', { user: slackUser('U_BRAM', 'bram@example.com') });
    const replies = responseUrl('/commands/T1/2/abc');
    const acks = await h.receiver.dispatch(fixture('slash-command-sla.json'));
    expect(acks).toEqual([undefined]);
    const reply = replies[0] as {
      response_type: string;
      text: string;
      blocks: { text?: { text: string } }[];
    };
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe('Your open leads: 2 open leads.');
    const rows = reply.blocks.slice(1).map((b) => b.text?.text ?? '');
    expect(rows[0]).toContain('Late Doe');
    expect(rows[0]).toContain('*2m late*');
    expect(rows[0]).toContain('attempts 2 of 6');
    expect(rows[1]).toContain('Calm Doe');
    expect(rows[1]).toContain('*4m left*');
  });

  it("/sla team shows a manager their team's leads with owners, and refuses others", async () => {
    const h = await boltHarness(http);
    h.store.add(stored('i-bram', 'o-bram'));
    h.store.add(stored('i-chris', 'o-chris'));
    h.api.ok('users.info', { user: slackUser('U_ANNA', 'anna@example.com') });
    h.api.ok('users.info', { user: slackUser('U_BRAM', 'bram@example.com') });
    const replies = responseUrl('/commands/T1/2/abc', 2);
    const cmd = fixture('slash-command-sla.json');
    await h.receiver.dispatch({ ...cmd, user_id: 'U_ANNA', text: 'team' });
    await h.receiver.dispatch({ ...cmd, user_id: 'U_BRAM', text: 'team' });
    const team = JSON.stringify(replies[0]);
    expect(team).toContain('Open leads of benelux');
    expect(team).toContain('owner Bram de Vries');
    expect(team).toContain('owner Chris Jansen');
    expect(replies[1]?.text).toContain('Only managers can use `/sla team`');
  });

  it("App Home lists the rep's open leads by urgency, then lead score", async () => {
    const config: SlaConfig = slackConfig();
    const h = await boltHarness(http, config);
    h.store.add(
      stored('i-low', 'o-bram', {
        instance: instance({ id: 'i-low', lead: snapshot({ firstName: 'Low', score: 5 }) }),
      }),
    );
    h.store.add(
      stored('i-high', 'o-bram', {
        instance: instance({ id: 'i-high', lead: snapshot({ firstName: 'High', score: 95 }) }),
      }),
    );
    h.api.ok('users.info', { user: slackUser('U_BRAM', 'bram@example.com') });
    h.api.ok('views.publish', {});
    await h.receiver.dispatch(fixture('event-app-home-opened.json'));
    const publish = h.api.callsTo('views.publish')[0];
    expect(publish?.fields.user_id).toBe('U_BRAM');
    const view = publish?.fields.view as { type: string; blocks: { text?: { text: string } }[] };
    expect(view.type).toBe('home');
    const names = view.blocks.map((b) => b.text?.text ?? '').filter((t) => t.includes('Doe'));
    expect(names.map((t) => (t.includes('High') ? 'High' : 'Low'))).toEqual(['High', 'Low']);
  });

  it('the Messages tab opening publishes nothing', async () => {
    const h = await boltHarness(http);
    const event = fixture('event-app-home-opened.json');
    await h.receiver.dispatch({ ...event, event: { ...(event.event as Body), tab: 'messages' } });
    expect(h.api.callsTo('views.publish')).toEqual([]);
  });
});
