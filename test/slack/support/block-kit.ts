/**
 * Rendered messages and views checked by the Slack sandbox's own code: the Block Kit checker that
 * answers `invalid_blocks` / `invalid_arguments`, and the parser that finds mentions and links the way
 * Slack does. Renderer tests use these, so they can be no kinder than the sandbox.
 */
import { messageBlockErrors, viewErrors } from '../../../src/sandbox/slack/block-kit-limits.ts';
import { blocksMarkup, messageMarkup, textParsing } from '../../../src/sandbox/slack/content-markup.ts';
import type { Found, Link, Markup, Mention } from '../../../src/sandbox/slack/markup.ts';
import { NO_AUTO_PARSE } from '../../../src/slack/render/blocks.ts';
import { LIMITS } from '../../../src/slack/render/limits.ts';
import type { Rendered } from './message-kinds.ts';

/** Slack's complaints about a message, plus our own rule: a fallback `text`, 1..3000 characters. */
export function messageProblems(message: { text: string; blocks: readonly unknown[] }): string[] {
  const out = messageBlockErrors(message.blocks);
  if (message.text.length === 0) out.push('text: empty');
  if (message.text.length > LIMITS.fallbackText)
    out.push(`text: ${message.text.length} > ${LIMITS.fallbackText}`);
  return out;
}

export const viewProblems = (view: object): string[] => viewErrors({ ...view });

export const problemsOf = (r: Rendered): string[] =>
  r.surface === 'message' ? messageProblems(r.content) : viewProblems(r.content);

/** What Slack finds in a rendered kind, sent the way the product sends it (`NO_AUTO_PARSE`). */
export const markupOf = (r: Rendered): Markup =>
  r.surface === 'message'
    ? messageMarkup(r.content.text, r.content.blocks, textParsing(NO_AUTO_PARSE.parse, false))
    : blocksMarkup(r.content, '/view');

/** The product's own markup: mentions of known Slack users, links to its own pages. */
export interface Intended {
  readonly users: ReadonlySet<string>;
  readonly link: (url: string) => boolean;
}

/** Every mention or link in `markup` that is not one the product means to make. */
export function unintended(markup: Markup, intended: Intended): (Found<Mention> | Found<Link>)[] {
  const mentions = markup.mentions.filter((m) => !(m.kind === 'user' && intended.users.has(m.id)));
  const links = markup.links.filter((l) => l.auto || !intended.link(l.url));
  return [...mentions, ...links];
}
