import { describe, expect, it } from 'vitest';
import { type MrkdwnContext, mrkdwnToText } from '../../src/demo/mrkdwn.ts';
import { ansiStyle, plainStyle, stripAnsi } from '../../src/demo/style.ts';

const ctx = (style = plainStyle): MrkdwnContext => ({
  style,
  userName: (id) => (id === 'U1' ? 'Bram Bakker' : null),
  channelName: (id) => (id === 'C1' ? 'sales-benelux' : null),
  formatDate: (at) => `[${new Date(at).toISOString().slice(11, 19)}]`,
});

describe('Slack mrkdwn as terminal text', () => {
  it.each([
    ['a link shows its label', 'See <https://app.hubspot.com/x|Jane Doe>', 'See Jane Doe'],
    ['a bare link shows the URL', '<https://example.com/a>', 'https://example.com/a'],
    [
      'phone and mail links show the number and address',
      '<tel:+3120|+31 20> <mailto:a@b.example|a@b.example>',
      '+31 20 a@b.example',
    ],
    ['a mention shows the person’s name', 'Ask <@U1> today', 'Ask @Bram Bakker today'],
    ['an unknown mention keeps the id', '<@U9>', '@U9'],
    ['a channel shows its name', 'in <#C1>', 'in #sales-benelux'],
    [
      'a date token shows the reader’s time',
      'by <!date^1773147600^{date_short_pretty} {time}|Tue 14:00 CET>.',
      'by [13:00:00].',
    ],
    ['special mentions', '<!here> look', '@here look'],
    ['entities are unescaped', 'Acme &amp; Sons &lt;b&gt;', 'Acme & Sons <b>'],
    ['emoji codes become emoji, unknown ones stay', ':red_circle: :unknown_thing:', '🔴 :unknown_thing:'],
    [
      'bold, italic and strike lose their markers',
      '*Late* _not in HubSpot_ ~old~',
      'Late not in HubSpot old',
    ],
    ['underscores inside words are not italics', 'hs_lead_status', 'hs_lead_status'],
  ])('%s', (_, input, expected) => {
    expect(mrkdwnToText(input, ctx())).toBe(expected);
  });

  it('bolds with ANSI escapes on a colour terminal, also a bold link', () => {
    const out = mrkdwnToText('*<https://x.example|Jane>*, Head of Sales', ctx(ansiStyle));
    expect(out).toContain('\u001b[1m');
    expect(stripAnsi(out)).toBe('Jane, Head of Sales');
  });
});
