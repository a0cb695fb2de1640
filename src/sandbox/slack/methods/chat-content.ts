import { type Args, str, structured } from '../args.ts';
import type { SlackChannel } from '../directory.ts';
import type { MessageContent } from '../message-log.ts';
import type { MethodContext } from './method.ts';

export const MAX_MESSAGE_BLOCKS = 50;
export const MAX_VIEW_BLOCKS = 100;
const MAX_TEXT = 40_000;

/** Slack's checks on blocks: an array of objects with a `type`, within the surface's count. */
export function checkBlocks(value: unknown, max: number): readonly unknown[] | 'invalid' | null {
  if (value === null) return null;
  if (!Array.isArray(value) || value.length > max) return 'invalid';
  const valid = value.every(
    (b) => typeof b === 'object' && b !== null && typeof (b as { type?: unknown }).type === 'string',
  );
  return valid ? value : 'invalid';
}

/** Text, blocks and metadata of a post or update, or Slack's error code. */
export function parseContent(args: Args, requireSomething: boolean): MessageContent | { error: string } {
  const text = str(args, 'text');
  const blocksArg = structured(args, 'blocks');
  if (!blocksArg.ok) return { error: 'invalid_blocks_format' };
  const blocks = checkBlocks(blocksArg.value, MAX_MESSAGE_BLOCKS);
  if (blocks === 'invalid') return { error: 'invalid_blocks' };
  const attachments = structured(args, 'attachments');
  if (!attachments.ok) return { error: 'invalid_attachments' };
  const metadata = structured(args, 'metadata');
  if (!metadata.ok) return { error: 'invalid_metadata_format' };
  if (requireSomething && text === null && blocks === null && attachments.value === null)
    return { error: 'no_text' };
  if (text !== null && text.length > MAX_TEXT) return { error: 'msg_too_long' };
  return { text, blocks, metadata: metadata.value };
}

/**
 * Resolves where a message goes: a channel id or `#name`, a DM id, or a user id (the user's DM with
 * the app, as Slack does). Checks the bot may post there.
 */
export function resolveTarget(ctx: MethodContext, raw: string | null): SlackChannel | { error: string } {
  const { state, now, scopes } = ctx;
  if (raw === null) return { error: 'channel_not_found' };
  if (/^[UW][A-Z0-9]+$/.test(raw)) {
    const user = state.directory.user(raw);
    if (!user) return { error: 'channel_not_found' };
    if (!state.messagesTabEnabled) return { error: 'messages_tab_disabled' };
    return state.directory.dmWith(user.id, now).channel;
  }
  const channel = state.directory.channel(raw);
  if (!channel) return { error: 'channel_not_found' };
  if (channel.kind === 'im') return state.messagesTabEnabled ? channel : { error: 'messages_tab_disabled' };
  const member = channel.members.has(state.bot.userId);
  if (channel.kind === 'private' && !member) return { error: 'channel_not_found' };
  if (channel.archived) return { error: 'is_archived' };
  if (!member && !scopes.has('chat:write.public')) return { error: 'not_in_channel' };
  return channel;
}
