import { type Args, bool, str, structured } from '../args.ts';
import { BLOCK_KIT, messageBlockErrors, rejection } from '../block-kit-limits.ts';
import { directoryLookups, messageMarkup, textParsing } from '../content-markup.ts';
import type { Directory, SlackChannel } from '../directory.ts';
import type { MessageContent } from '../message-log.ts';
import type { MethodContext } from './method.ts';

export type ContentError = { readonly error: string; readonly extra?: Record<string, unknown> };

/** A message's `blocks`: `null` when absent, else the array or Slack's `invalid_blocks` answer. */
export function checkBlocks(value: unknown): readonly unknown[] | ContentError | null {
  if (value === null) return null;
  const problems = messageBlockErrors(value);
  if (problems.length > 0) return { error: 'invalid_blocks', extra: rejection(problems) };
  return value as readonly unknown[];
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `metadata` is an object with an `event_type` and an `event_payload` object; else `invalid_metadata_format`. */
const wellFormed = (m: unknown): boolean =>
  m === null || (isObj(m) && typeof m.event_type === 'string' && isObj(m.event_payload));

/**
 * An `event_type` may hold letters, digits, `_` and `-` only; otherwise Slack posts the message, ignores
 * the metadata and warns `invalid_metadata_schema` (docs.slack.dev/messaging/message-metadata).
 */
const validEventType = (m: unknown): boolean =>
  isObj(m) && typeof m.event_type === 'string' && /^[A-Za-z0-9_-]+$/.test(m.event_type);

/** What an accepted post or update adds to its answer when its metadata was ignored: Slack's warning. */
export function metadataWarning(args: Args): Record<string, unknown> {
  const metadata = structured(args, 'metadata');
  if (!metadata.ok || metadata.value === null || !wellFormed(metadata.value)) return {};
  if (validEventType(metadata.value)) return {};
  return { warning: 'invalid_metadata_schema', response_metadata: { warnings: ['invalid_metadata_schema'] } };
}

/**
 * Text, blocks and metadata of a post or update (with the mentions and links Slack finds in them),
 * or Slack's error.
 */
export function parseContent(
  args: Args,
  requireSomething: boolean,
  directory?: Directory,
): MessageContent | ContentError {
  const text = str(args, 'text');
  const blocksArg = structured(args, 'blocks');
  if (!blocksArg.ok) return { error: 'invalid_blocks_format' };
  const blocks = checkBlocks(blocksArg.value);
  if (blocks !== null && 'error' in blocks) return blocks;
  const attachments = structured(args, 'attachments');
  if (!attachments.ok) return { error: 'invalid_attachments' };
  const metadata = structured(args, 'metadata');
  if (!metadata.ok || !wellFormed(metadata.value)) return { error: 'invalid_metadata_format' };
  if (requireSomething && text === null && blocks === null && attachments.value === null)
    return { error: 'no_text' };
  if (text !== null && text.length > BLOCK_KIT.messageText) return { error: 'msg_too_long' };
  const lookups = directory ? directoryLookups(directory) : {};
  const parsing = textParsing(str(args, 'parse'), bool(args, 'link_names'), lookups);
  const kept = validEventType(metadata.value) ? metadata.value : null;
  return { text, blocks, metadata: kept, markup: messageMarkup(text, blocks, parsing) };
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
  // By name only a public channel is found: a private one by name answers channel_not_found
  // (slackapi/bolt-js#1167); the stricter reading of "an encoded ID or channel name" (SD-14).
  if (channel.id !== raw && channel.kind !== 'public') return { error: 'channel_not_found' };
  if (channel.kind === 'im') return state.messagesTabEnabled ? channel : { error: 'messages_tab_disabled' };
  const member = channel.members.has(state.bot.userId);
  if (channel.kind === 'private' && !member) return { error: 'channel_not_found' };
  if (channel.archived) return { error: 'is_archived' };
  if (!member && !scopes.has('chat:write.public')) return { error: 'not_in_channel' };
  return channel;
}
