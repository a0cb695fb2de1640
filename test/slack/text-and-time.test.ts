import { describe, expect, it } from 'vitest';
import type { FirstContactVerdict } from '../../src/domain/evaluation.ts';
import type { Acknowledgement } from '../../src/domain/model.ts';
import { HOUR, MINUTE, SECOND } from '../../src/domain/time.ts';
import { translator } from '../../src/i18n/translate.ts';
import { pingFingerprint, pingStatus } from '../../src/slack/render/ping-status.ts';
import {
  clip,
  escapeMrkdwn,
  fallbackText,
  fitEscaped,
  link,
  mailLink,
  mention,
  phoneLink,
  safe,
} from '../../src/slack/render/text.ts';
import { formatDuration, localTime, slackDate } from '../../src/slack/render/time-format.ts';
import { context, deadline, evaluation, instance, T0 } from './support/fixtures.ts';

describe('text helpers', () => {
  it('clips to the limit with an ellipsis and never splits an emoji', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 3)).toBe('abc');
    const out = clip('😀😀😀😀', 6);
    expect(out).toBe('😀😀…');
    expect(out.length).toBeLessThanOrEqual(6);
  });

  it('escapes mrkdwn after clipping, so no half entity is left behind', () => {
    expect(escapeMrkdwn('<b> & co')).toBe('&lt;b&gt; &amp; co');
    // The limit counts the escaped text, as Slack does.
    expect(safe('&&&&&&', 11)).toBe('&amp;&amp;…');
    expect(safe('&&&&&&', 3)).toBe('…');
    expect(safe('line\nbreak\t tab', 50)).toBe('line break tab');
  });

  it('keeps outside text inside its link: a label or URL cannot end the link early or add markup', () => {
    expect(link('https://a.example/?x=1&y=2', 'Jane | Doe &lt;b&gt;')).toBe(
      '<https://a.example/?x=1&amp;y=2|Jane | Doe &lt;b&gt;>',
    );
    expect(link('https://a.example', 'raw <!channel> label')).toBe(
      '<https://a.example|raw &lt;!channel&gt; label>',
    );
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(mailLink('a&b@example.com')).toBe('<mailto:a&amp;b@example.com|a&amp;b@example.com>');
    expect(mention('U0BRAM', 'Bram')).toBe('<@U0BRAM>');
    expect(mention('U1> <!channel', '<!here>')).toBe('&lt;!here&gt;');
  });

  it('escapes whole fallback texts and fits escaped text to a limit without cutting an entity', () => {
    expect(fallbackText('New lead: <!channel> & co')).toBe('New lead: &lt;!channel&gt; &amp; co');
    expect(fitEscaped('<<<<', 9)).toBe('&lt;&lt;…');
    expect(fitEscaped('<<<<', 16)).toBe('&lt;&lt;&lt;&lt;');
  });

  it('makes phone numbers tappable and leaves nonsense alone', () => {
    expect(phoneLink('+31 (0)20-123 4567')).toBe('<tel:+310201234567|+31 (0)20-123 4567>');
    expect(phoneLink('n/a')).toBe('n/a');
    expect(mailLink('not-an-email')).toBe('not-an-email');
  });
});

describe('time formatting', () => {
  it.each([
    [45 * SECOND, '45s'],
    [3 * MINUTE + 12 * SECOND, '3m12s'],
    [5 * MINUTE, '5m'],
    [2 * HOUR + 5 * MINUTE, '2h05m'],
    [3 * 24 * HOUR + 4 * HOUR, '3d4h'],
    [-5, '0s'],
  ])('%d ms reads as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('shows deadlines in the reader zone, with a Slack date token for clients that localise', () => {
    expect(localTime(deadline, 'America/New_York')).toBe('Tue 09:05 EDT');
    expect(localTime(deadline, 'Not/AZone')).toBe('Tue 13:05 UTC');
    expect(slackDate(deadline, 'Asia/Tokyo')).toBe(
      `<!date^${deadline / 1000}^{date_short_pretty} {time}|Tue 22:05 GMT+9>`,
    );
  });
});

describe('the ping status line', () => {
  it('does not change its fingerprint while a pending lead merely ages', () => {
    const a = context({
      evaluation: evaluation({
        firstContact: { state: 'pending', deadline, atRisk: false, left: 4 * MINUTE },
      }),
    });
    const b = context({
      evaluation: evaluation({ firstContact: { state: 'pending', deadline, atRisk: false, left: MINUTE } }),
    });
    expect(pingFingerprint(a)).toBe(pingFingerprint(b));
  });

  it('changes its fingerprint when the lead is contacted, acknowledged, or attempts are made', () => {
    const base = context();
    const met = context({
      evaluation: evaluation({
        firstContact: { state: 'met', deadline, at: T0, touchId: 'c', took: MINUTE },
      }),
    });
    const acked = context({
      evaluation: evaluation({ acknowledged: { instanceId: 'x', by: 'bram@example.com', at: T0 } }),
    });
    const attempt = (made: number) =>
      context({
        evaluation: evaluation({
          attempts: { made, required: 6, atMost: 9, windowEnd: T0 + HOUR, state: 'open', overkill: false },
        }),
      });
    const prints = [base, met, acked, attempt(3), attempt(4)].map(pingFingerprint);
    expect(new Set(prints).size).toBe(5);
  });

  it('shows attempts n of m, and hides "On it" once acknowledged or contacted', () => {
    const ctx = context({
      evaluation: evaluation({
        acknowledged: { instanceId: 'x', by: 'slack:U1', at: T0 + MINUTE },
        attempts: { made: 4, required: 6, atMost: 9, windowEnd: T0 + HOUR, state: 'open', overkill: false },
      }),
    });
    const s = pingStatus(ctx, 'UTC', translator());
    const at = (T0 + MINUTE) / 1000;
    expect(s.lines.join('\n')).toContain(
      `On it: <@U1> at <!date^${at}^{date_short_pretty} {time}|Tue 13:01 UTC>.`,
    );
    expect(s.lines.join('\n')).toContain('Attempts 4 of 6');
    expect(s.showOnIt).toBe(false);
    expect(s.showNotAFit).toBe(true);
  });

  it('names who pressed "On it" by the name kept with it, the e-mail only when none is known', () => {
    const line = (acknowledged: Acknowledgement) =>
      pingStatus(
        context({ evaluation: evaluation({ acknowledged }) }),
        'Europe/Amsterdam',
        translator(),
      ).lines.find((l) => l.startsWith(':wave:'));
    const at = T0 + MINUTE;
    // A date token like the deadline's: Slack shows each reader the time in their own zone (`09:38`
    // today, the day otherwise); the zone is only named in the fallback of clients that cannot.
    const time = `<!date^${at / 1000}^{date_short_pretty} {time}|Tue 14:01 GMT+1>`;
    expect(line({ instanceId: 'x', by: 'chris@example.com', byName: 'Chris Claes', at })).toBe(
      `:wave: On it: Chris Claes at ${time}.`,
    );
    expect(line({ instanceId: 'x', by: 'chris@example.com', byName: 'Chris <@U0> & co', at })).toBe(
      `:wave: On it: Chris &lt;@U0&gt; &amp; co at ${time}.`,
    );
    expect(line({ instanceId: 'x', by: 'chris@example.com', at })).toBe(
      `:wave: On it: chris@example.com at ${time}.`,
    );
  });

  it('says "First attempt", not "Contacted", when the first contact was a call that did not connect', () => {
    const lines = (firstContact: FirstContactVerdict) =>
      pingStatus(context({ evaluation: evaluation({ firstContact }) }), 'UTC', translator()).lines;
    const met = { state: 'met', deadline, at: T0, touchId: 'call:1', took: 12 * SECOND } as const;
    expect(lines({ ...met, contact: 'attempt' })).toContain(':white_check_mark: First attempt in 12s ✓');
    expect(lines({ ...met, contact: 'reached' })).toContain(':white_check_mark: Contacted in 12s ✓');
    // Stored before the kind was kept: as before.
    expect(lines(met)).toContain(':white_check_mark: Contacted in 12s ✓');
    const late = {
      state: 'breached',
      deadline,
      lateBy: 2 * MINUTE,
      contactedAt: deadline + 2 * MINUTE,
      excused: false,
    } as const;
    expect(lines({ ...late, contact: 'attempt' })).toContain(':red_circle: Breached: first attempt 2m late.');
    expect(lines({ ...late, contact: 'reached' })).toContain(':red_circle: Breached: contacted 2m late.');

    const print = (contact: 'attempt' | 'reached') =>
      pingFingerprint(context({ evaluation: evaluation({ firstContact: { ...met, contact } }) }));
    expect(print('attempt')).not.toBe(print('reached'));
  });

  it('shows a closed lead without buttons', () => {
    const ctx = context({ instance: instance({ closedAt: T0, closeReason: 'not_a_fit' }) });
    const s = pingStatus(ctx, 'UTC', translator());
    expect(s.lines[0]).toBe(':white_check_mark: Closed: marked not a fit.');
    expect(s.showOnIt || s.showNotAFit).toBe(false);
  });
});
