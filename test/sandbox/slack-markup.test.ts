import { describe, expect, it } from 'vitest';
import { blocksMarkup } from '../../src/sandbox/slack/content-markup.ts';
import { type Markup, parseMarkup } from '../../src/sandbox/slack/markup.ts';
import { slack, slackClient } from './helpers.ts';

async function workspace() {
  const sandbox = await slack({ rateLimits: false });
  const rep = sandbox.state.addUser({ email: 'bram@example.com', name: 'bram' });
  const channel = sandbox.state.addChannel({ name: 'sales', members: [rep.id] });
  const web = slackClient(sandbox.url);
  /** Posts to the rep's DM and returns what Slack found in it. */
  const post = async (args: Record<string, unknown>): Promise<Markup> => {
    await web.apiCall('chat.postMessage', { channel: rep.id, ...args });
    return sandbox.state.dmsTo(rep.id).at(-1)?.markup ?? { mentions: [], links: [] };
  };
  return { sandbox, rep, channel, web, post };
}

const manual = { manual: true, urls: false, names: false } as const;

describe("the Slack sandbox finds mentions and links the way Slack's parser does", () => {
  it('records every manual mention and link form in a message text', async () => {
    const { post } = await workspace();
    const found = await post({
      text:
        '<!channel> <!here> <!everyone> <!group> <!subteam^S0TEAM1|@sales> <@U0ABC|bram> <#C0DEF> ' +
        '<https://evil.example/a?b=1&amp;c=2|x> <mailto:a@evil.example|mail> <tel:+3120|call> <foo>',
      parse: 'none',
    });
    expect(found.mentions.map(({ where: _, ...m }) => m)).toEqual([
      { kind: 'broadcast', target: 'channel' },
      { kind: 'broadcast', target: 'here' },
      { kind: 'broadcast', target: 'everyone' },
      { kind: 'broadcast', target: 'channel' },
      { kind: 'usergroup', id: 'S0TEAM1' },
      { kind: 'user', id: 'U0ABC' },
      { kind: 'channel', id: 'C0DEF' },
    ]);
    expect(found.links.map((l) => [l.url, l.label, l.auto, l.where])).toEqual([
      ['https://evil.example/a?b=1&c=2', 'x', false, '/text'],
      ['mailto:a@evil.example', 'mail', false, '/text'],
      ['tel:+3120', 'call', false, '/text'],
      ['foo', null, false, '/text'],
    ]);
  });

  it('escaped markup, dates and unknown commands are text', () => {
    const text =
      '&lt;!channel&gt; &lt;@U1&gt; &lt;https://evil.example|x&gt; <!date^1767184500^{time}|14:05> <!nope>';
    expect(parseMarkup(text, '/text', manual)).toEqual({ mentions: [], links: [] });
  });

  it('a link label runs from the first | to the first >: a | in it stays inside, a > ends it', () => {
    expect(parseMarkup('<https://a.example|x | y>', '/t', manual).links).toEqual([
      { url: 'https://a.example', label: 'x | y', auto: false, where: '/t' },
    ]);
    const broken = parseMarkup('<https://a.example|x> <!channel>>', '/t', manual);
    expect(broken.mentions).toEqual([{ kind: 'broadcast', target: 'channel', where: '/t' }]);
  });

  it('links bare URLs and e-mail addresses in text unless parse=none is sent', async () => {
    const { post } = await workspace();
    const bare = 'see https://evil.example/x and www.evil.example or write evil@evil.example';
    const linked = await post({ text: bare });
    expect(linked.links.map((l) => [l.url, l.auto])).toEqual([
      ['https://evil.example/x', true],
      ['www.evil.example', true],
      ['mailto:evil@evil.example', true],
    ]);
    expect(await post({ text: bare, parse: 'none' })).toEqual({ mentions: [], links: [] });
  });

  it('with link_names (or parse=full) @here, @channel, @everyone, @name and #name are parsed', async () => {
    const { post, rep, channel } = await workspace();
    const text = 'hi @here @channel @everyone @bram in #sales';
    expect((await post({ text, parse: 'none' })).mentions).toEqual([]);
    const named = await post({ text, parse: 'none', link_names: true });
    expect(named.mentions.map(({ where: _, ...m }) => m)).toEqual([
      { kind: 'broadcast', target: 'here' },
      { kind: 'broadcast', target: 'channel' },
      { kind: 'broadcast', target: 'everyone' },
      { kind: 'user', id: rep.id },
      { kind: 'channel', id: channel.id },
    ]);
    const full = await post({ text: `<!channel> ${text}`, parse: 'full' });
    expect(full.mentions.filter((m) => m.kind === 'broadcast')).toHaveLength(3);
  });

  it('parses mrkdwn blocks automatically unless verbatim is true; manual markup works either way', async () => {
    const { post } = await workspace();
    const text = '@here see https://evil.example and <@U0REP1>';
    const automatic = await post({
      text: 't',
      parse: 'none',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
    });
    expect(automatic.mentions.map((m) => [m.kind, m.where])).toEqual([
      ['broadcast', '/blocks/0/text/text'],
      ['user', '/blocks/0/text/text'],
    ]);
    expect(automatic.links.map((l) => [l.url, l.auto])).toEqual([['https://evil.example', true]]);
    const verbatim = await post({
      text: 't',
      parse: 'none',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } }],
    });
    expect(verbatim.mentions.map((m) => m.kind)).toEqual(['user']);
    expect(verbatim.links).toEqual([]);
  });

  it('searches plain_text for markup too (stricter reading) and records button URLs as links', async () => {
    const { post } = await workspace();
    const found = await post({
      text: 't',
      parse: 'none',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '<!channel> https://evil.example' } },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              action_id: 'a',
              text: { type: 'plain_text', text: 'Go' },
              url: 'https://x.example',
            },
          ],
        },
      ],
    });
    expect(found.mentions.map((m) => [m.kind, m.where])).toEqual([['broadcast', '/blocks/0/text/text']]);
    expect(found.links.map((l) => [l.url, l.where])).toEqual([
      ['https://x.example', '/blocks/1/elements/0/url'],
    ]);
  });

  it('records markup on updates, ephemerals and response_url posts (which ignore parse)', async () => {
    const { web, sandbox, rep, channel } = await workspace();
    const posted = await web.chat.postMessage({ channel: rep.id, text: 'first', parse: 'none' });
    await web.chat.update({ channel: String(posted.channel), ts: String(posted.ts), text: '<!here> update' });
    expect(sandbox.state.dmsTo(rep.id)[0]?.updates[0]?.markup?.mentions).toHaveLength(1);
    await web.chat.postEphemeral({ channel: channel.id, user: rep.id, text: '<!everyone>' });
    expect(sandbox.state.log.ephemerals[0]?.markup?.mentions).toHaveLength(1);
    const command = sandbox.interact.slashCommand({ user: rep.id, command: '/sla' }).body;
    await fetch(String(command.response_url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'https://evil.example', parse: 'none' }),
    });
    expect(sandbox.state.log.ephemerals[1]?.markup?.links.map((l) => l.auto)).toEqual([true]);
  });

  it('finds markup in views under /view', () => {
    const view = {
      type: 'modal',
      title: { type: 'plain_text', text: 'Lead' },
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '<!here>', verbatim: true } }],
    };
    expect(blocksMarkup(view, '/view').mentions).toEqual([
      { kind: 'broadcast', target: 'here', where: '/view/blocks/0/text/text' },
    ]);
  });
});
