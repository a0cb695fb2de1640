import type { LeadSnapshot } from '../../domain/model.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { Block, Button } from './blocks.ts';
import { ACTION } from './ids.ts';
import { LIMITS } from './limits.ts';
import { clip, fitEscaped } from './text.ts';

/** A header: plain text, escaped (`text` is raw; Slack decodes the entities back for display). */
export const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: fitEscaped(text, LIMITS.headerText), emoji: true },
});

/**
 * mrkdwn that Slack shows as written: `verbatim` stops automatic parsing, so a bare URL, `#channel` or
 * `@here` in a lead's name stays text; our own `<…>` markup (links, mentions, dates) still works.
 */
export const mrkdwn = (text: string, max: number) => ({
  type: 'mrkdwn' as const,
  text: clip(text, max),
  verbatim: true,
});

export const section = (text: string, fields?: readonly string[]): Block => {
  const block: Block = { type: 'section', text: mrkdwn(text, LIMITS.sectionText) };
  if (fields && fields.length > 0) {
    block.fields = fields.slice(0, LIMITS.fields).map((f) => mrkdwn(f, LIMITS.fieldText));
  }
  return block;
};

export const context = (lines: readonly string[]): Block => ({
  type: 'context',
  elements: lines.slice(0, LIMITS.contextElements).map((line) => mrkdwn(line, LIMITS.contextText)),
});

export const button = (
  actionId: string,
  text: string,
  value: string,
  style?: 'primary' | 'danger',
): Button => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text: fitEscaped(text, LIMITS.buttonText), emoji: true },
  value: clip(value, LIMITS.buttonValue),
  ...(style ? { style } : {}),
});

/** A link button to the record; Slack still posts an action for it, which a listener acks. */
export const hubspotButton = (lead: LeadSnapshot, t: Translator): Button | null =>
  /^https?:\/\//.test(lead.url) && lead.url.length <= LIMITS.buttonUrl
    ? {
        type: 'button',
        action_id: ACTION.openHubspot,
        text: { type: 'plain_text', text: fitEscaped(t.t('button.hubspot'), LIMITS.buttonText) },
        url: lead.url,
      }
    : null;

export const actions = (blockId: string, elements: readonly (Button | null)[]): Block | null => {
  const present = elements.filter((e): e is Button => e !== null);
  if (present.length === 0) return null;
  return { type: 'actions', block_id: clip(blockId, LIMITS.blockId), elements: present };
};

/** A note on top of a copy that reached a fallback recipient. */
export const fallbackBanner = (note: string | null): Block[] =>
  note === null ? [] : [context([`:information_source: ${note}`])];

export const compact = (blocks: readonly (Block | null)[]): Block[] =>
  blocks.filter((b): b is Block => b !== null);
