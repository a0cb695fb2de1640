import type { types } from '@slack/bolt';

/** Block Kit types, from the package Bolt itself re-exports. */
export type Block = types.KnownBlock;
export type ActionsElement = types.ActionsBlockElement;
export type Button = types.Button;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;

/**
 * Sent with every `chat.postMessage` / `chat.update`: Slack then links nothing in `text` by itself (a bare
 * URL in a lead's name stays text); our own `<…>` markup still works (SC rows in docs/platform-contract.md).
 */
export const NO_AUTO_PARSE = { parse: 'none' } as const;

/** A rendered chat message: blocks plus the plain-text fallback used for notifications. */
export interface Message {
  readonly text: string;
  readonly blocks: readonly Block[];
}
