import { describe, expect, it } from 'vitest';
import { slack, slackClient } from './helpers.ts';

async function workspace() {
  const sandbox = await slack({ rateLimits: false });
  const rep = sandbox.state.addUser({ email: 'bram@example.com' });
  const web = slackClient(sandbox.url);
  return { sandbox, rep, web };
}

/** The body Slack answered with: `{ ok: true, … }`, or the error's `data`. */
async function answer(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    return (await promise) as Record<string, unknown>;
  } catch (error) {
    return (error as { data: Record<string, unknown> }).data;
  }
}

const x = (n: number) => 'x'.repeat(n);
const plain = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const button = (over: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: 'a',
  text: plain('Go'),
  ...over,
});
const option = (i: number, text = `o${i}`, value = `v${i}`) => ({ text: plain(text), value });
const select = (options: unknown[]) => ({
  type: 'section',
  text: md('Pick'),
  accessory: { type: 'static_select', action_id: 's', options },
});
const actions = (...elements: unknown[]) => ({ type: 'actions', elements });

/** A limit: blocks right at it, blocks one over, and Slack's complaint about the second. */
interface Case {
  readonly limit: string;
  readonly at: unknown[];
  readonly over: unknown[];
  readonly complaint: string;
}

const MESSAGE_CASES: readonly Case[] = [
  {
    limit: '50 blocks in a message',
    at: Array.from({ length: 50 }, () => ({ type: 'divider' })),
    over: Array.from({ length: 51 }, () => ({ type: 'divider' })),
    complaint: 'no more than 50 items allowed [json-pointer:/blocks]',
  },
  {
    limit: 'section text 3,000',
    at: [{ type: 'section', text: md(x(3000)) }],
    over: [{ type: 'section', text: md(x(3001)) }],
    complaint: 'must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
  },
  {
    limit: '10 section fields',
    at: [{ type: 'section', fields: Array.from({ length: 10 }, () => md('f')) }],
    over: [{ type: 'section', fields: Array.from({ length: 11 }, () => md('f')) }],
    complaint: 'no more than 10 items allowed [json-pointer:/blocks/0/fields]',
  },
  {
    limit: 'section field text 2,000',
    at: [{ type: 'section', fields: [md(x(2000))] }],
    over: [{ type: 'section', fields: [md('ok'), md(x(2001))] }],
    complaint: 'must be less than 2001 characters [json-pointer:/blocks/0/fields/1/text]',
  },
  {
    limit: 'header text 150',
    at: [{ type: 'header', text: plain(x(150)) }],
    over: [{ type: 'header', text: plain(x(151)) }],
    complaint: 'must be less than 151 characters [json-pointer:/blocks/0/text/text]',
  },
  {
    limit: 'header text is plain_text only',
    at: [{ type: 'header', text: plain('Title') }],
    over: [{ type: 'header', text: md('Title') }],
    complaint: 'must be one of plain_text [json-pointer:/blocks/0/text/type]',
  },
  {
    limit: '10 context elements',
    at: [{ type: 'context', elements: Array.from({ length: 10 }, () => md('c')) }],
    over: [{ type: 'context', elements: Array.from({ length: 11 }, () => md('c')) }],
    complaint: 'no more than 10 items allowed [json-pointer:/blocks/0/elements]',
  },
  {
    limit: 'context text 3,000',
    at: [{ type: 'context', elements: [md(x(3000))] }],
    over: [{ type: 'context', elements: [md(x(3001))] }],
    complaint: 'must be less than 3001 characters [json-pointer:/blocks/0/elements/0/text]',
  },
  {
    limit: '25 actions elements',
    at: [actions(...Array.from({ length: 25 }, (_, i) => button({ action_id: `a${i}` })))],
    over: [actions(...Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` })))],
    complaint: 'no more than 25 items allowed [json-pointer:/blocks/0/elements]',
  },
  {
    limit: 'button text 75',
    at: [actions(button({ text: plain(x(75)) }))],
    over: [actions(button({ text: plain(x(76)) }))],
    complaint: 'must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]',
  },
  {
    limit: 'button value 2,000',
    at: [actions(button({ value: x(2000) }))],
    over: [actions(button({ value: x(2001) }))],
    complaint: 'must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]',
  },
  {
    limit: 'button url 3,000',
    at: [actions(button({ url: `https://e.example/${x(2982)}` }))],
    over: [actions(button({ url: `https://e.example/${x(2983)}` }))],
    complaint: 'must be less than 3001 characters [json-pointer:/blocks/0/elements/0/url]',
  },
  {
    limit: 'action_id 255',
    at: [actions(button({ action_id: x(255) }))],
    over: [actions(button({ action_id: x(256) }))],
    complaint: 'must be less than 256 characters [json-pointer:/blocks/0/elements/0/action_id]',
  },
  {
    limit: 'block_id 255',
    at: [{ type: 'divider', block_id: x(255) }],
    over: [{ type: 'divider', block_id: x(256) }],
    complaint: 'must be less than 256 characters [json-pointer:/blocks/0/block_id]',
  },
  {
    limit: 'block_id unique in a message',
    at: [
      { type: 'divider', block_id: 'a' },
      { type: 'divider', block_id: 'b' },
    ],
    over: [
      { type: 'divider', block_id: 'a' },
      { type: 'divider', block_id: 'a' },
    ],
    complaint: 'duplicate block_id [json-pointer:/blocks/1/block_id]',
  },
  {
    limit: 'action_id unique in a block',
    at: [actions(button({ action_id: 'a' }), button({ action_id: 'b' }))],
    over: [actions(button({ action_id: 'a' }), button({ action_id: 'a' }))],
    complaint: 'duplicate action_id [json-pointer:/blocks/0/elements/1/action_id]',
  },
  {
    limit: '100 static_select options',
    at: [select(Array.from({ length: 100 }, (_, i) => option(i)))],
    over: [select(Array.from({ length: 101 }, (_, i) => option(i)))],
    complaint: 'no more than 100 items allowed [json-pointer:/blocks/0/accessory/options]',
  },
  {
    limit: 'option text 75',
    at: [select([option(0, x(75))])],
    over: [select([option(0, x(76))])],
    complaint: 'must be less than 76 characters [json-pointer:/blocks/0/accessory/options/0/text/text]',
  },
  {
    limit: 'option value 75 (the stricter of @slack/types and the docs)',
    at: [select([option(0, 'o', x(75))])],
    over: [select([option(0, 'o', x(76))])],
    complaint: 'must be less than 76 characters [json-pointer:/blocks/0/accessory/options/0/value]',
  },
  {
    limit: '5 overflow options',
    at: [
      actions({ type: 'overflow', action_id: 'o', options: Array.from({ length: 5 }, (_, i) => option(i)) }),
    ],
    over: [
      actions({ type: 'overflow', action_id: 'o', options: Array.from({ length: 6 }, (_, i) => option(i)) }),
    ],
    complaint: 'no more than 5 items allowed [json-pointer:/blocks/0/elements/0/options]',
  },
  {
    limit: 'image alt_text 2,000',
    at: [{ type: 'image', image_url: 'https://e.example/a.png', alt_text: x(2000) }],
    over: [{ type: 'image', image_url: 'https://e.example/a.png', alt_text: x(2001) }],
    complaint: 'must be less than 2001 characters [json-pointer:/blocks/0/alt_text]',
  },
  {
    limit: 'a text object is not empty',
    at: [{ type: 'section', text: md('x') }],
    over: [{ type: 'section', text: md('') }],
    complaint: 'must be more than 0 characters [json-pointer:/blocks/0/text/text]',
  },
  {
    limit: 'mrkdwn takes no emoji flag',
    at: [{ type: 'section', text: { ...plain('x'), emoji: true } }],
    over: [{ type: 'section', text: { ...md('x'), emoji: true } }],
    complaint: 'invalid additional property: emoji [json-pointer:/blocks/0/text]',
  },
];

describe("the Slack sandbox enforces Block Kit limits on messages with Slack's invalid_blocks answer", () => {
  for (const c of MESSAGE_CASES) {
    it(c.limit, async () => {
      const { web, rep } = await workspace();
      const post = (blocks: unknown[]) =>
        answer(web.apiCall('chat.postMessage', { channel: rep.id, text: 't', blocks }));
      expect(await post(c.at)).toMatchObject({ ok: true });
      const refused = await post(c.over);
      expect(refused).toMatchObject({ ok: false, error: 'invalid_blocks', errors: [c.complaint] });
      expect(refused.response_metadata).toMatchObject({ messages: [`[ERROR] ${c.complaint}`] });
    });
  }

  it('chat.update and response_url posts are held to the same limits', async () => {
    const { web, rep, sandbox } = await workspace();
    const posted = await web.chat.postMessage({ channel: rep.id, text: 'first' });
    const over = MESSAGE_CASES[1]?.over;
    expect(
      await answer(
        web.apiCall('chat.update', { channel: posted.channel, ts: posted.ts, text: 't', blocks: over }),
      ),
    ).toMatchObject({ ok: false, error: 'invalid_blocks' });
    const command = sandbox.interact.slashCommand({ user: rep.id, command: '/sla' }).body;
    const response = await fetch(String(command.response_url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 't', blocks: over }),
    });
    expect([response.status, await response.text()]).toEqual([400, 'invalid_blocks']);
  });

  it('message text up to 40,000 characters is taken; longer is msg_too_long', async () => {
    const { web, rep } = await workspace();
    expect(await answer(web.chat.postMessage({ channel: rep.id, text: x(40_000) }))).toMatchObject({
      ok: true,
    });
    expect(await answer(web.chat.postMessage({ channel: rep.id, text: x(40_001) }))).toMatchObject({
      ok: false,
      error: 'msg_too_long',
    });
  });

  it('metadata must have an event_type and an event_payload; a bad event_type is ignored with a warning', async () => {
    const { web, rep, sandbox } = await workspace();
    const post = (metadata: unknown) =>
      answer(web.apiCall('chat.postMessage', { channel: rep.id, text: 't', metadata }));
    expect(await post({ event_type: 'sla_bot-1', event_payload: { key: 'k' } })).toMatchObject({ ok: true });
    expect(sandbox.state.dmsTo(rep.id).at(-1)?.metadata).toEqual({
      event_type: 'sla_bot-1',
      event_payload: { key: 'k' },
    });
    expect(await post({ event_payload: { key: 'k' } })).toMatchObject({
      ok: false,
      error: 'invalid_metadata_format',
    });
    expect(await post({ event_type: 'x', event_payload: 'k' })).toMatchObject({
      ok: false,
      error: 'invalid_metadata_format',
    });
    expect(await post({ event_type: 'sla.bot', event_payload: { key: 'k' } })).toMatchObject({
      ok: true,
      warning: 'invalid_metadata_schema',
      response_metadata: { warnings: ['invalid_metadata_schema'] },
    });
    expect(sandbox.state.dmsTo(rep.id).at(-1)?.metadata).toBeNull();
  });
});

const modal = (over: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('Lead'),
  blocks: [],
  ...over,
});
const input = (element: Record<string, unknown>, label = 'Reason') => ({
  type: 'input',
  block_id: 'b',
  label: plain(label),
  element: { action_id: 'i', ...element },
});

const VIEW_CASES: readonly {
  limit: string;
  at: Record<string, unknown>;
  over: Record<string, unknown>;
  complaint: string;
}[] = [
  {
    limit: '100 blocks in a modal',
    at: modal({ blocks: Array.from({ length: 100 }, () => ({ type: 'divider' })) }),
    over: modal({ blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) }),
    complaint: 'no more than 100 items allowed [json-pointer:/view/blocks]',
  },
  {
    limit: 'modal title 24',
    at: modal({ title: plain(x(24)) }),
    over: modal({ title: plain(x(25)) }),
    complaint: 'must be less than 25 characters [json-pointer:/view/title/text]',
  },
  {
    limit: 'modal submit 24',
    at: modal({ submit: plain(x(24)) }),
    over: modal({ submit: plain(x(25)) }),
    complaint: 'must be less than 25 characters [json-pointer:/view/submit/text]',
  },
  {
    limit: 'modal close 24',
    at: modal({ close: plain(x(24)) }),
    over: modal({ close: plain(x(25)) }),
    complaint: 'must be less than 25 characters [json-pointer:/view/close/text]',
  },
  {
    limit: 'private_metadata 3,000',
    at: modal({ private_metadata: x(3000) }),
    over: modal({ private_metadata: x(3001) }),
    complaint: 'must be less than 3001 characters [json-pointer:/view/private_metadata]',
  },
  {
    limit: 'callback_id 255',
    at: modal({ callback_id: x(255) }),
    over: modal({ callback_id: x(256) }),
    complaint: 'must be less than 256 characters [json-pointer:/view/callback_id]',
  },
  {
    limit: 'input label 2,000',
    at: modal({ submit: plain('Save'), blocks: [input({ type: 'plain_text_input' }, x(2000))] }),
    over: modal({ submit: plain('Save'), blocks: [input({ type: 'plain_text_input' }, x(2001))] }),
    complaint: 'must be less than 2001 characters [json-pointer:/view/blocks/0/label/text]',
  },
  {
    limit: 'plain_text_input max_length 3,000',
    at: modal({ submit: plain('Save'), blocks: [input({ type: 'plain_text_input', max_length: 3000 })] }),
    over: modal({ submit: plain('Save'), blocks: [input({ type: 'plain_text_input', max_length: 3001 })] }),
    complaint: 'must be an integer between 1 and 3000 [json-pointer:/view/blocks/0/element/max_length]',
  },
  {
    limit: 'placeholder 150',
    at: modal({
      submit: plain('Save'),
      blocks: [input({ type: 'plain_text_input', placeholder: plain(x(150)) })],
    }),
    over: modal({
      submit: plain('Save'),
      blocks: [input({ type: 'plain_text_input', placeholder: plain(x(151)) })],
    }),
    complaint: 'must be less than 151 characters [json-pointer:/view/blocks/0/element/placeholder/text]',
  },
  {
    limit: 'a modal with an input block has a submit button',
    at: modal({ submit: plain('Save'), blocks: [input({ type: 'plain_text_input' })] }),
    over: modal({ blocks: [input({ type: 'plain_text_input' })] }),
    complaint: 'missing required field: submit [json-pointer:/view]',
  },
];

describe("the Slack sandbox enforces Block Kit limits on views with Slack's invalid_arguments answer", () => {
  for (const c of VIEW_CASES) {
    it(c.limit, async () => {
      const { web, rep, sandbox } = await workspace();
      const open = (view: unknown) => {
        const trigger = String(
          sandbox.interact.slashCommand({ user: rep.id, command: '/sla' }).body.trigger_id,
        );
        return answer(web.apiCall('views.open', { trigger_id: trigger, view }));
      };
      expect(await open(c.at)).toMatchObject({ ok: true });
      expect(await open(c.over)).toMatchObject({
        ok: false,
        error: 'invalid_arguments',
        response_metadata: {
          messages: [
            '[ERROR] failed to match all allowed schemas [json-pointer:/view]',
            `[ERROR] ${c.complaint}`,
          ],
        },
      });
    });
  }

  it('a Home tab takes 100 blocks, not 101', async () => {
    const { web, rep } = await workspace();
    const home = (n: number) => ({
      type: 'home',
      blocks: Array.from({ length: n }, () => ({ type: 'divider' })),
    });
    expect(await answer(web.apiCall('views.publish', { user_id: rep.id, view: home(100) }))).toMatchObject({
      ok: true,
    });
    expect(await answer(web.apiCall('views.publish', { user_id: rep.id, view: home(101) }))).toMatchObject({
      ok: false,
      error: 'invalid_arguments',
      response_metadata: {
        messages: expect.arrayContaining([
          '[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]',
        ]),
      },
    });
  });
});
