import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate.ts';
import type { Button } from '../../src/slack/render/blocks.ts';
import { renderEscalation } from '../../src/slack/render/escalation.ts';
import type { RenderContext } from '../../src/slack/render/render-context.ts';
import { leadPageUrl } from '../../src/slack/render/timeline-button.ts';
import { messageProblems } from './support/block-kit.ts';
import { context, deadline, instance } from './support/fixtures.ts';

const ID = instance().id;

const rc = (over: Partial<RenderContext> = {}): RenderContext => ({
  context: context(),
  now: deadline + 7 * 60_000,
  zone: 'Europe/Amsterdam',
  t: translator(),
  ownerName: '<@U0BRAM>',
  stageLabel: 'SQL',
  fallbackNote: null,
  ...over,
});

const escalation = { deadline, level: 0, repeat: 0, excused: false };

/** The buttons of the escalation's actions block. */
function buttons(r: RenderContext): Button[] {
  const message = renderEscalation(r, escalation, null);
  expect(messageProblems(message)).toEqual([]);
  const block = message.blocks.find((b) => b.type === 'actions') as { elements: Button[] } | undefined;
  return block?.elements ?? [];
}

describe('the "Timeline" button on escalations', () => {
  it('links to the lead on the dashboard when reports.dashboard_url is set', () => {
    const timeline = buttons(rc({ dashboardUrl: 'https://sla.example.com/dashboard' })).find(
      (b) => b.action_id === 'sla_open_timeline',
    );
    expect(timeline).toEqual({
      type: 'button',
      action_id: 'sla_open_timeline',
      text: { type: 'plain_text', text: 'Timeline' },
      url: `https://sla.example.com/dashboard/lead?id=${encodeURIComponent(ID).replace(/%20/g, '+')}`,
    });
  });

  it('is not there without a dashboard URL: the escalation keeps its other buttons', () => {
    for (const none of [undefined, null]) {
      const ids = buttons(rc(none === undefined ? {} : { dashboardUrl: none })).map((b) => b.action_id);
      expect(ids).not.toContain('sla_open_timeline');
      expect(ids).toContain('sla_snooze');
    }
  });

  it('is labelled and linked in the reader’s language', () => {
    const de = buttons(
      rc({ dashboardUrl: 'https://sla.example.com/', t: translator({ code: 'de', informal: true }) }),
    );
    const timeline = de.find((b) => b.action_id === 'sla_open_timeline');
    expect(timeline?.text.text).toBe('Verlauf');
    expect(new URL(timeline?.url ?? '').searchParams.get('lang')).toBe('de');
  });

  it('finds the lead page from the dashboard address or the site root, and gives up on an unusable one', () => {
    const id = 'contact:1:sql:5';
    expect(leadPageUrl('https://sla.example.com/', id, 'en')).toBe(
      'https://sla.example.com/dashboard/lead?id=contact%3A1%3Asql%3A5',
    );
    expect(leadPageUrl('https://sla.example.com', id, 'nl')).toBe(
      'https://sla.example.com/dashboard/lead?id=contact%3A1%3Asql%3A5&lang=nl',
    );
    expect(leadPageUrl('https://example.com/sla/dashboard/?team=x#top', id, 'en')).toBe(
      'https://example.com/sla/dashboard/lead?id=contact%3A1%3Asql%3A5',
    );
    expect(leadPageUrl(null, id, 'en')).toBeNull();
    expect(leadPageUrl('ftp://example.com/', id, 'en')).toBeNull();
    expect(leadPageUrl(`https://example.com/${'x'.repeat(3000)}`, id, 'en')).toBeNull();
  });
});
