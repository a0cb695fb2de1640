import { bool, str } from '../args.ts';
import type { SlackChannel } from '../directory.ts';
import type { RecordedMessage } from '../message-log.ts';
import { messageJson } from '../shapes.ts';
import { fail, type MethodContext, type MethodOutcome, type MethodSpec, ok } from './method.ts';

/** The bot scope that lets a bot token read a conversation's history, by conversation type. */
export const HISTORY_SCOPE: Readonly<Record<SlackChannel['kind'], string>> = {
  public: 'channels:history',
  private: 'groups:history',
  im: 'im:history',
};

/** A message `ts` (`"1767184200.000100"`) in microseconds; `null` when it is not one. */
export function tsMicros(ts: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,6}))?$/.exec(ts);
  if (!m) return null;
  return Number(m[1]) * 1_000_000 + Number((m[2] ?? '').padEnd(6, '0'));
}

const cursorOf = (micros: number) => Buffer.from(`next_ts:${micros}`).toString('base64');
const fromCursor = (cursor: string): number | null => {
  const m = /^next_ts:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return m ? Number(m[1]) : null;
};

/** Checks a bot may read this conversation, as Slack does for a bot token. */
function readable(
  ctx: MethodContext,
  raw: string | null,
): { readonly channel: SlackChannel } | { readonly refused: MethodOutcome } {
  const { state, scopes } = ctx;
  // IDs only: `#name` is not a conversation id here.
  const channel = raw === null ? null : state.directory.channel(raw);
  if (!channel || channel.id !== raw) return { refused: fail('channel_not_found') };
  const member = channel.members.has(state.bot.userId);
  if (channel.kind === 'private' && !member) return { refused: fail('channel_not_found') };
  const needed = HISTORY_SCOPE[channel.kind];
  if (!scopes.has(needed))
    return { refused: fail('missing_scope', { needed, provided: [...scopes].join(',') }) };
  // A bot token reads only conversations the bot is in ("Only user tokens can access public channels they are not in").
  if (!member) return { refused: fail('not_in_channel') };
  return { channel };
}

type Bound = { readonly micros: number | null } | { readonly invalid: true };
const bound = (value: string | null): Bound => {
  if (value === null) return { micros: null };
  const micros = tsMicros(value);
  return micros === null ? { invalid: true } : { micros };
};

/**
 * `conversations.history`: newest first, `oldest`/`latest` exclusive unless `inclusive`, cursor paging,
 * `limit` cut to the cohort's maximum (15 outside the Marketplace), metadata only with
 * `include_all_metadata`. Thread replies that were not broadcast and deleted messages are not listed.
 */
function history(ctx: MethodContext): MethodOutcome {
  const { state, args, limiter } = ctx;
  const access = readable(ctx, str(args, 'channel'));
  if ('refused' in access) return access.refused;
  const conversation = access.channel;
  const oldest = bound(str(args, 'oldest'));
  if ('invalid' in oldest) return fail('invalid_ts_oldest');
  const latest = bound(str(args, 'latest'));
  if ('invalid' in latest) return fail('invalid_ts_latest');
  const cursorArg = str(args, 'cursor');
  const cursor = cursorArg === null ? null : fromCursor(cursorArg);
  if (cursorArg !== null && cursor === null) return fail('invalid_cursor');
  const inclusive = bool(args, 'inclusive');
  const max = limiter.historyPageLimit();
  const asked = Number(str(args, 'limit') ?? max);
  const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, max) : max;
  const after = (t: number) => oldest.micros === null || (inclusive ? t >= oldest.micros : t > oldest.micros);
  const before = (t: number) =>
    latest.micros === null || (inclusive ? t <= latest.micros : t < latest.micros);
  const listed = (m: RecordedMessage) =>
    m.channel === conversation.id &&
    m.deletedAt === null &&
    (m.threadTs === null || m.threadTs === m.ts || m.replyBroadcast);
  const inRange = state.log.messages
    .filter(listed)
    .map((m) => ({ m, t: tsMicros(m.ts) ?? 0 }))
    .filter(({ t }) => after(t) && before(t) && (cursor === null || t <= cursor))
    .sort((a, b) => b.t - a.t);
  const page = inRange.slice(0, limit);
  const next = inRange[limit];
  const withMetadata = bool(args, 'include_all_metadata');
  return ok({
    messages: page.map(({ m }) => {
      const { metadata, ...json } = messageJson(m, state);
      return withMetadata && metadata !== undefined ? { ...json, metadata } : json;
    }),
    has_more: next !== undefined,
    pin_count: 0,
    channel_actions_ts: null,
    channel_actions_count: 0,
    response_metadata: { next_cursor: next === undefined ? '' : cursorOf(next.t) },
  });
}

export const historyMethods: Readonly<Record<string, MethodSpec>> = {
  'conversations.history': {
    // Tier 3 for Marketplace and internal apps; the limiter applies 1 per minute to the others.
    tier: 3,
    // The scope depends on the conversation (channels:, groups:, im:history); checked in the handler.
    scope: null,
    handle: history,
  },
};
