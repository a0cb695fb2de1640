import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LeadSnapshot } from '../../src/domain/model.ts';
import { translator } from '../../src/i18n/translate.ts';
import { BLOCK_KIT } from '../../src/sandbox/slack/block-kit-limits.ts';
import { LIMITS } from '../../src/slack/render/limits.ts';
import { renderNotification } from '../../src/slack/render/notification.ts';
import { messageProblems, problemsOf } from './support/block-kit.ts';
import { context, deadline, instance, owner, snapshot } from './support/fixtures.ts';
import { everyMessageKind, type KindInput, REASONS } from './support/message-kinds.ts';

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
  'markup characters only': snapshot({
    firstName: long('&<>', 1000),
    lastName: long('<!channel>', 300),
    company: long('&amp;', 700),
    jobTitle: long('>', 3000),
  }),
};

/** Maximal inputs: every outside text as long as it gets, with `&<>` that grow when escaped. */
const input = (lead: LeadSnapshot): KindInput => ({
  lead,
  owner: owner({
    firstName: long('Bram & ', 300),
    lastName: long('<de Vries> ', 300),
    email: long('b', 300),
  }),
  ownerSlackId: null,
  acknowledgedBy: long('someone@', 300),
  text: long('Sales & <qualified> ', 20),
  long: long('Reason & <more> ', 40),
});

describe("every rendered kind stays within Slack's limits, as the Slack sandbox checks them", () => {
  for (const [name, lead] of Object.entries(LEADS)) {
    for (const rendered of everyMessageKind(input(lead))) {
      it(`${rendered.name}, ${name} lead`, () => {
        expect(problemsOf(rendered)).toEqual([]);
        if (rendered.surface === 'message') expect(brokenMarkup(rendered.content.blocks)).toEqual([]);
      });
    }
  }

  // The longest language (German, in both forms of address) and Dutch: every kind, every maximal lead.
  for (const language of [
    { code: 'de', informal: false },
    { code: 'de', informal: true },
    { code: 'nl', informal: false },
  ] as const) {
    const t = translator(language);
    for (const [name, lead] of Object.entries(LEADS)) {
      for (const rendered of everyMessageKind(input(lead), t)) {
        it(`${rendered.name}, ${name} lead, in ${language.code}${language.informal ? ' (du)' : ''}`, () => {
          expect(problemsOf(rendered)).toEqual([]);
          if (rendered.surface === 'message') expect(brokenMarkup(rendered.content.blocks)).toEqual([]);
        });
      }
    }
  }

  it('the /sla list of 500 leads is cut with a footer, the Home tab counts the leads it was not given', () => {
    const kinds = everyMessageKind(input(LEADS.ordinary ?? snapshot()));
    const list = kinds.find((k) => k.name === '/sla list');
    const home = kinds.find((k) => k.name === 'App Home');
    expect(JSON.stringify(list?.content)).toContain('and 460 more');
    expect(JSON.stringify(home?.content)).toContain('2500 open leads');
    expect(JSON.stringify(home?.content)).toContain('and 2405 more');
  });

  it('any lead HubSpot can send renders a valid notification of every kind (property)', () => {
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
          const message = renderNotification(
            {
              context: context({ instance: instance({ lead }) }),
              now: deadline + 7 * 60_000,
              zone: 'Europe/Amsterdam',
              t: translator(),
              ownerName: '<@U0BRAM>',
              stageLabel: 'SQL',
              fallbackNote: null,
            },
            reason,
            null,
          );
          expect(messageProblems(message)).toEqual([]);
          expect(brokenMarkup(message.blocks)).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("the renderers' limits", () => {
  /** Each limit the renderers clip to, and the sandbox limit it stands for: a new one must be mapped. */
  const SANDBOX_LIMIT: { readonly [K in keyof typeof LIMITS]: keyof typeof BLOCK_KIT } = {
    messageBlocks: 'messageBlocks',
    viewBlocks: 'viewBlocks',
    fallbackText: 'messageText',
    sectionText: 'sectionText',
    fields: 'sectionFields',
    fieldText: 'fieldText',
    headerText: 'headerText',
    contextElements: 'contextElements',
    contextText: 'textObject',
    actionsElements: 'actionsElements',
    buttonText: 'buttonText',
    buttonValue: 'buttonValue',
    buttonUrl: 'url',
    blockId: 'blockId',
    actionId: 'actionId',
    optionText: 'optionText',
    optionValue: 'optionValue',
    selectOptions: 'selectOptions',
    inputLabel: 'inputLabel',
    placeholder: 'placeholder',
    viewTitle: 'viewTitle',
    viewButton: 'viewButton',
    privateMetadata: 'privateMetadata',
    callbackId: 'callbackId',
  };

  it("are never looser than the Slack sandbox's", () => {
    const looser = Object.entries(SANDBOX_LIMIT).filter(
      ([ours, theirs]) => LIMITS[ours as keyof typeof LIMITS] > BLOCK_KIT[theirs],
    );
    expect(looser).toEqual([]);
  });
});

describe('the enumeration of rendered kinds', () => {
  it('covers every render* export of the renderer modules', async () => {
    const dir = new URL('../../src/slack/render/', import.meta.url);
    const files = [
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => new URL(f, dir).href),
      new URL('../../src/reports/digest/render-digest.ts', import.meta.url).href,
    ];
    const exported = new Set<string>();
    for (const file of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod))
        if (/^render[A-Z]/.test(name) && typeof value === 'function') exported.add(name);
    }
    const covered = new Set(everyMessageKind(input(snapshot())).flatMap((k) => k.renderers));
    expect([...exported].filter((name) => !covered.has(name)).sort()).toEqual([]);
  });
});
