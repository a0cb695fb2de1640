import type { types } from '@slack/bolt';

/** Block Kit types, from the package Bolt itself re-exports. */
export type Block = types.KnownBlock;
export type ActionsElement = types.ActionsBlockElement;
export type Button = types.Button;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;

/** A rendered chat message: blocks plus the plain-text fallback used for notifications. */
export interface Message {
  readonly text: string;
  readonly blocks: readonly Block[];
}
