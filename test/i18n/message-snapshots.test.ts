import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n/language.ts';
import { translator } from '../../src/i18n/translate.ts';
import { context, owner, snapshot } from '../slack/support/fixtures.ts';
import { everyMessageKind, type Rendered } from '../slack/support/message-kinds.ts';

/**
 * Every kind of message, modal and Home tab, as sent, in each language: one reviewable file per
 * language (`__snapshots__/messages.<lang>.txt`). The English file is the product's English wording;
 * a translator reviews the others against it. Long lists keep their first rows.
 */
const LANGUAGES: Readonly<Record<string, Language>> = {
  en: { code: 'en', informal: false },
  nl: { code: 'nl', informal: false },
  de: { code: 'de', informal: false },
  'de-du': { code: 'de', informal: true },
};

const MAX_BLOCKS = 8;

/** Every text object in a block tree, raw (mrkdwn markup, escapes and date tokens as Slack gets them). */
function texts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (typeof node === 'object' && node !== null) {
    const o = node as Record<string, unknown>;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
    else for (const [key, v] of Object.entries(o)) if (key !== 'private_metadata') texts(v, out);
  }
  return out;
}

function show(r: Rendered): string {
  const head: string[] = [];
  if (r.surface === 'message') head.push(`text: ${r.content.text}`);
  if (r.surface === 'modal') {
    const { title, submit, close } = r.content;
    head.push(
      `title: ${texts(title).join('')} · submit: ${texts(submit).join('')} · close: ${texts(close).join('')}`,
    );
  }
  const { blocks } = r.content;
  const body = texts(blocks.slice(0, MAX_BLOCKS)).map((t) => `  ${t.replaceAll('\n', '\n  ')}`);
  const more = blocks.length > MAX_BLOCKS ? [`  (+${blocks.length - MAX_BLOCKS} blocks)`] : [];
  return [`## ${r.name}`, ...head, ...body, ...more].join('\n');
}

const input = {
  lead: snapshot(),
  owner: owner(),
  ownerSlackId: 'U0BRAM',
  acknowledgedBy: 'slack:U0CHRIS',
  text: 'Benelux',
  long: 'Too early',
};

describe('every message kind in every language', () => {
  for (const [name, language] of Object.entries(LANGUAGES)) {
    it(`${name}`, async () => {
      const rendered = everyMessageKind(input, translator(language));
      await expect(`${rendered.map(show).join('\n\n')}\n`).toMatchFileSnapshot(
        `__snapshots__/messages.${name}.txt`,
      );
    });
  }

  it('the fixtures render a ping with the lead (a guard that the snapshots say something)', () => {
    expect(context().instance.lead.firstName).toBe('Jane');
  });
});
