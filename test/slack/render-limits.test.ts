import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NotificationReason } from '../../src/domain/evaluation.ts';
import type { LeadSnapshot } from '../../src/domain/model.ts';
import { HOUR, MINUTE } from '../../src/domain/time.ts';
import type { LeadView } from '../../src/ports/interactions.ts';
import { renderAdminAlert } from '../../src/slack/render/admin-alert.ts';
import { renderHome, renderLeadListMessage } from '../../src/slack/render/lead-list-message.ts';
import { messageViolations, viewViolations } from '../../src/slack/render/limits.ts';
import { renderNotAFitModal } from '../../src/slack/render/not-a-fit-modal.ts';
import { renderNotification } from '../../src/slack/render/notification.ts';
import { renderPing } from '../../src/slack/render/ping.ts';
import type { RenderContext } from '../../src/slack/render/render-context.ts';
import { renderSnoozeModal } from '../../src/slack/render/snooze-modal.ts';
import { context, deadline, evaluation, instance, snapshot, T0 } from './support/fixtures.ts';

const long = (unit: string, n: number) => unit.repeat(n);

/** mrkdwn texts whose `<…>` markup is broken (a clipped link, an unescaped `<` from HubSpot). */
function brokenMarkup(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) brokenMarkup(n, out);
  else if (typeof node === 'object' && node !== null) {
    const o = node as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string' && /[<>]/.test(o.text.replace(/<[^<>]*>/g, ''))) {
      out.push(o.text.slice(0, 80));
    }
    for (const v of Object.values(o)) brokenMarkup(v, out);
  }
  return out;
}

const LEADS: Record<string, LeadSnapshot> = {
  ordinary: snapshot(),
  'very long fields': snapshot({
    firstName: long('Maximiliaan ', 400),
    lastName: long('van der ', 500),
    company: long('Holding & Partners <BV> ', 300),
    jobTitle: long('Chief ', 600),
    email: `${long('a', 3000)}@example.com`,
    phone: long('+31 6 ', 900),
    source: long('OFFLINE_', 700),
    recentConversion: long('Whitepaper: "Scaling & <growth>" ', 200),
    country: long('Nederland ', 400),
  }),
  'every optional field missing': snapshot({
    firstName: null,
    lastName: null,
    company: null,
    email: null,
    phone: null,
    jobTitle: null,
    score: null,
    source: null,
    recentConversion: null,
    recentConversionAt: null,
    country: null,
    url: 'not a url',
  }),
  unicode: snapshot({
    firstName: long('Zoë 👩🏽‍💼 ', 300),
    lastName: long('Ærøskøbing 🇳🇱 ', 300),
    company: long('株式会社テスト ', 500),
    recentConversion: long('Télécharger le guide 📘 ', 300),
  }),
};

const REASONS: NotificationReason[] = [
  { kind: 'handoff', deadline },
  { kind: 'reminder', index: 0, deadline, left: 2 * MINUTE },
  { kind: 'breach', deadline, excused: true },
  { kind: 'escalation', level: 2, repeat: 3, deadline, excused: true },
  { kind: 'attempts_shortfall', made: 2, required: 6 },
  { kind: 'overkill', made: 12, atMost: 9 },
];

const rc = (lead: LeadSnapshot, fallbackNote: string | null = null): RenderContext => ({
  context: context({
    instance: instance({ lead }),
    evaluation: evaluation({
      acknowledged: { instanceId: 'x', by: long('someone@', 300), at: T0 },
      attempts: {
        made: 12,
        required: 6,
        atMost: 9,
        windowEnd: T0 + 5 * 24 * HOUR,
        state: 'open',
        overkill: true,
      },
    }),
    policyName: long('policy ', 100),
  }),
  now: deadline + 7 * MINUTE,
  zone: 'Europe/Amsterdam',
  ownerName: '<@U_BRAM>',
  stageLabel: long('Sales qualified ', 20),
  fallbackNote,
});

describe("every rendered surface stays within Slack's limits", () => {
  for (const [name, lead] of Object.entries(LEADS)) {
    for (const reason of REASONS) {
      it(`${reason.kind} message, ${name} lead`, () => {
        const message = renderNotification(rc(lead), reason, 'late note');
        expect(messageViolations(message)).toEqual([]);
        expect(brokenMarkup(message.blocks)).toEqual([]);
        const fallback = renderNotification(rc(lead, long('Meant for someone ', 200)), reason, null);
        expect(messageViolations(fallback)).toEqual([]);
      });
    }

    it(`the updated ping in each state, ${name} lead`, () => {
      const states = [
        { state: 'met', deadline, at: T0 + MINUTE, touchId: 'call:1', took: MINUTE },
        { state: 'breached', deadline, lateBy: 3 * MINUTE, contactedAt: null, excused: true },
        {
          state: 'breached',
          deadline,
          lateBy: 3 * MINUTE,
          contactedAt: deadline + 3 * MINUTE,
          excused: false,
        },
      ] as const;
      for (const firstContact of states) {
        const base = rc(lead);
        const msg = renderPing({
          ...base,
          context: { ...base.context, evaluation: { ...base.context.evaluation, firstContact } },
        });
        expect(messageViolations(msg)).toEqual([]);
      }
    });

    it(`the not-a-fit and snooze modals, ${name} lead`, () => {
      const reasons = Array.from({ length: 130 }, (_, i) => `${long('Reason ', 40)}${i}`);
      const modal = renderNotAFitModal(long('Naam ', 100), reasons, true, {
        instanceId: instance().id,
        channel: 'D1',
        ts: '1.2',
      });
      expect(viewViolations(modal)).toEqual([]);
      const snooze = renderSnoozeModal(
        long('Naam ', 100),
        [{ label: long('Only ', 50), value: 'owner:1' }],
        instance().id,
      );
      expect(viewViolations(snooze)).toEqual([]);
    });
  }

  const many = (n: number): LeadView[] =>
    Array.from({ length: n }, (_, i) => ({
      instance: instance({ id: `contact:${i}:sql:${T0}`, lead: LEADS['very long fields'] ?? snapshot() }),
      evaluation: evaluation(),
      owner: null,
      pingRef: null,
    }));

  it('the /sla list of 500 leads', () => {
    const msg = renderLeadListMessage(long('Open leads of ', 50), many(500), {
      now: T0,
      zone: 'UTC',
      showOwner: true,
      stageLabel: (s) => s,
    });
    expect(messageViolations(msg)).toEqual([]);
    expect(JSON.stringify(msg.blocks)).toContain('and 460 more');
  });

  it('the App Home tab with 500 leads', () => {
    const home = renderHome(many(500), { now: T0, zone: 'UTC', stageLabel: (s) => s });
    expect(viewViolations(home)).toEqual([]);
  });

  it('the App Home tab counts the leads it was not given (settled, less urgent) with the rest', () => {
    const home = renderHome(many(100), { now: T0, zone: 'UTC', stageLabel: (s) => s, more: 2_000 });
    expect(viewViolations(home)).toEqual([]);
    const text = JSON.stringify(home.blocks);
    expect(text).toContain('2100 open leads');
    expect(text).toContain('and 2005 more');
  });

  it('an admin alert with a huge text', () => {
    expect(messageViolations(renderAdminAlert({ key: long('k', 500), text: long('<&>', 5000) }))).toEqual([]);
  });

  it('any lead HubSpot can send renders a valid ping (property)', () => {
    const text = fc.option(fc.string({ unit: 'grapheme', maxLength: 3000 }), { nil: null });
    const leadArb = fc.record({
      firstName: text,
      lastName: text,
      company: text,
      email: text,
      phone: text,
      jobTitle: text,
      source: text,
      recentConversion: text,
      country: text,
      score: fc.option(fc.integer(), { nil: null }),
    });
    fc.assert(
      fc.property(leadArb, (fields) => {
        const lead = snapshot(fields);
        for (const reason of REASONS) {
          const message = renderNotification(rc(lead), reason, null);
          expect(messageViolations(message)).toEqual([]);
          expect(brokenMarkup(message.blocks)).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the limit checker itself', () => {
  it('catches what Slack would reject', () => {
    const blocks = [
      ...Array.from({ length: 51 }, () => ({ type: 'divider' })),
      { type: 'header', text: { type: 'plain_text', text: long('x', 151) } },
      { type: 'section', block_id: 'a', text: { type: 'mrkdwn', text: long('x', 3001) } },
      {
        type: 'section',
        block_id: 'a',
        fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })),
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'b',
            text: { type: 'plain_text', text: long('x', 76) },
            value: long('v', 2001),
          },
          { type: 'button', action_id: 'b', text: { type: 'plain_text', text: 'ok' } },
        ],
      },
    ];
    expect(messageViolations({ text: '', blocks })).toEqual([
      'blocks: 55 > 50',
      'blocks[51].text: 151 > 150',
      'blocks[52].text: 3001 > 3000',
      'blocks[53].block_id: duplicate',
      'blocks[53].fields: 11 > 10',
      'blocks[54].elements[0].text: 76 > 75',
      'blocks[54].elements[0].value: 2001 > 2000',
      'blocks[54].elements[1].action_id: duplicate',
      'text: empty',
    ]);
  });
});
