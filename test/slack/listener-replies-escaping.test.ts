import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/domain/time.ts';
import type { StoredInstance } from '../../src/ports/store.ts';
import { blocksMarkup, messageMarkup, textParsing } from '../../src/sandbox/slack/content-markup.ts';
import type { Markup } from '../../src/sandbox/slack/markup.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import { unintended } from './support/block-kit.ts';
import { boltHarness, fixture } from './support/bolt-harness.ts';
import { evaluation, instance, slackConfig } from './support/fixtures.ts';
import { slackUser } from './support/slack-http.ts';

/** What people type into forms and commands, made of every way to mention or link. */
const HOSTILE = '<!channel> <@U1> <https://evil.example|x> @here #general https://evil.example';

type Body = Record<string, unknown>;

const stored = (id: string, ownerId: string): StoredInstance => ({
  instance: instance({ id, ownerId }),
  evaluation: evaluation({ instanceId: id }),
  pingRef: { channel: 'D_BRAM', ts: '1767184200.000100' },
  pingState: null,
});

function submission(callbackId: string, meta: unknown, values: Body, user: string, viewId: string): Body {
  const body = fixture('view-submission.json');
  return {
    ...body,
    user: { id: user, username: 'x', name: 'x', team_id: 'T1' },
    view: {
      ...(body.view as Body),
      id: viewId,
      callback_id: callbackId,
      private_metadata: JSON.stringify(meta),
      state: { values },
    },
  };
}

/** What Slack finds in a `chat.postMessage` the app sent, parsed with the arguments it sent. */
const postMarkup = (fields: Body): Markup =>
  messageMarkup(
    String(fields.text),
    Array.isArray(fields.blocks) ? fields.blocks : null,
    textParsing(typeof fields.parse === 'string' ? fields.parse : null, fields.link_names === true),
  );

const nothingIntended = { users: new Set<string>(), link: () => false };

describe('replies built by the Slack listeners quote what people typed without mentioning or linking', () => {
  const http = useStrictHttp();

  it('the "Not a fit" confirmation quotes a configured reason and the note', async () => {
    const config = slackConfig({ notAFitReasons: [HOSTILE] });
    const h = await boltHarness(http, config);
    h.store.add(stored('i-bram', 'o-bram'));
    h.api.ok('users.info', { user: slackUser('U_BRAM', 'bram@example.com') });
    h.api.ok('chat.update', {});
    h.api.ok('chat.postMessage', { channel: 'D_BRAM', ts: '2.2' });
    const picked = { text: { type: 'plain_text', text: 'x' }, value: HOSTILE };
    await h.receiver.dispatch(
      submission(
        'sla_not_a_fit_modal',
        { instanceId: 'i-bram', channel: 'D_BRAM', ts: '1767184200.000100' },
        {
          reason: { reason_select: { type: 'static_select', selected_option: picked } },
          note: { note_input: { type: 'plain_text_input', value: HOSTILE } },
        },
        'U_BRAM',
        'V_FORM1',
      ),
    );
    const [post] = h.api.callsTo('chat.postMessage');
    expect(post?.fields.text).toContain('&lt;!channel&gt;');
    expect(unintended(postMarkup(post?.fields ?? {}), nothingIntended)).toEqual([]);
  });

  it('the snooze confirmation quotes the reason the manager typed, in the DM and in the modal', async () => {
    const h = await boltHarness(http);
    h.store.add(stored('i-bram', 'o-bram'));
    h.api.ok('users.info', { user: slackUser('U_ANNA', 'anna@example.com') });
    h.api.ok('views.update', { view: { id: 'V_SNOOZE1' } });
    h.api.ok('chat.postMessage', { channel: 'D_ANNA', ts: '3.3' });
    await h.receiver.dispatch(
      submission(
        'sla_snooze_modal',
        { instanceId: 'i-bram' },
        {
          scope: { scope_select: { type: 'static_select', selected_option: { value: 'owner:o-bram' } } },
          duration: {
            duration_select: { type: 'static_select', selected_option: { value: String(4 * 60 * MINUTE) } },
          },
          snooze_reason: { snooze_reason_input: { type: 'plain_text_input', value: HOSTILE } },
        },
        'U_ANNA',
        'V_SNOOZE1',
      ),
    );
    const [post] = h.api.callsTo('chat.postMessage');
    expect(post?.fields.text).toContain('&lt;!channel&gt;');
    expect(unintended(postMarkup(post?.fields ?? {}), nothingIntended)).toEqual([]);
    const [modal] = h.api.callsTo('views.update');
    expect(unintended(blocksMarkup(modal?.fields.view, '/view'), nothingIntended)).toEqual([]);
  });
});
