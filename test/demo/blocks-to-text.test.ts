import { describe, expect, it } from 'vitest';
import { blocksToLines } from '../../src/demo/blocks-to-text.ts';
import type { MrkdwnContext } from '../../src/demo/mrkdwn.ts';
import { plainStyle } from '../../src/demo/style.ts';
import { translator } from '../../src/i18n/translate.ts';
import { renderAdminAlert } from '../../src/slack/render/admin-alert.ts';
import { renderPing } from '../../src/slack/render/ping.ts';
import type { RenderContext } from '../../src/slack/render/render-context.ts';
import { context, deadline, T0 } from '../slack/support/fixtures.ts';

const ctx: MrkdwnContext = {
  style: plainStyle,
  userName: () => null,
  channelName: () => null,
  formatDate: (at) => `T+${(at - T0) / 1000}s`,
};

const rc = (over: Partial<RenderContext> = {}): RenderContext => ({
  context: context(),
  now: T0 + 5_000,
  zone: 'Europe/Amsterdam',
  t: translator(),
  ownerName: 'Bram',
  stageLabel: 'SQL',
  fallbackNote: null,
  ...over,
});

describe('Block Kit as terminal lines', () => {
  it('shows the handoff ping the bot really renders: header, lead, fields two to a line, status, buttons', () => {
    const lines = blocksToLines(renderPing(rc(), deadline), ctx);
    expect(lines).toEqual([
      'New SQL: Jane Doe',
      'Jane Doe, Head of Sales at Acme & Sons',
      'You have a new SQL lead. Contact them within 5m and make 6 call attempts.',
      'Lead details',
      'Phone: +31 20 123 4567   ·   E-mail: jane@acme.example',
      'Stage: SQL · score 87   ·   Contact by: T+300s',
      'Source: PAID_SEARCH   ·   Why this lead: Demo request form (T+-600s)',
      'Attempts required: 6   ·   Country: Netherlands',
      '⏳ Waiting for first contact, deadline T+300s.',
      '[On it] [Not a fit] [Open in HubSpot ↗]',
    ]);
  });

  it('puts the fallback note of a copy meant for someone else on top', () => {
    const lines = blocksToLines(
      renderPing(rc({ fallbackNote: 'Meant for felix@example.com.' }), deadline),
      ctx,
    );
    expect(lines[1]).toBe('ℹ️ Meant for felix@example.com.');
  });

  it('shows the ping in Dutch as a Dutch rep reads it in the demo (--lang nl)', () => {
    const nl = translator({ code: 'nl', informal: false });
    const lines = blocksToLines(renderPing(rc({ t: nl }), deadline), ctx);
    expect(lines[0]).toBe('Nieuwe SQL: Jane Doe');
    expect(lines).toContain(
      'Je hebt een nieuwe SQL-lead. Neem binnen 5 min contact op en doe 6 belpogingen.',
    );
    expect(lines.join('\n')).toContain('[Ik pak hem op]');
    expect(lines.join('\n')).toContain('[Open in HubSpot ↗]');
  });

  it('shows an admin alert without its internal key', () => {
    const lines = blocksToLines(
      renderAdminAlert({ key: 'k1', text: 'Slack: felix is not in Slack' }, translator()),
      ctx,
    );
    expect(lines).toEqual(['⚙️ sla-bot admin alert', 'Slack: felix is not in Slack']);
  });

  it('falls back to the text of a message without blocks, and names unknown block types', () => {
    expect(blocksToLines({ text: 'plain *hello*', blocks: null }, ctx)).toEqual(['plain hello']);
    expect(
      blocksToLines({ text: null, blocks: [{ type: 'divider' }, { type: 'video' }, 'junk'] }, ctx),
    ).toEqual(['────────', '[video block]']);
  });
});
