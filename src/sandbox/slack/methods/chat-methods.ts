import { bool, str } from '../args.ts';
import { currentContent } from '../message-log.ts';
import { messageJson } from '../shapes.ts';
import { metadataWarning, parseContent, resolveTarget } from './chat-content.ts';
import { fail, type MethodSpec, ok } from './method.ts';

export const chatMethods: Readonly<Record<string, MethodSpec>> = {
  'chat.postMessage': {
    tier: 'special',
    scope: 'chat:write',
    handle: (ctx) => {
      const { state, args, now, limiter } = ctx;
      const content = parseContent(args, true, state.directory);
      if ('error' in content) return fail(content.error, content.extra);
      const target = resolveTarget(ctx, str(args, 'channel'));
      if ('error' in target) return fail(target.error);
      const retryAfter = limiter.channelMessage(target.id, now);
      if (retryAfter !== null) return { kind: 'rate_limited', retryAfter };
      const message = {
        ...content,
        channel: target.id,
        ts: state.ts.make(now),
        threadTs: str(args, 'thread_ts'),
        replyBroadcast: bool(args, 'reply_broadcast'),
        postedAt: now,
        updates: [],
        deletedAt: null,
      };
      state.log.post(message);
      return ok({
        channel: target.id,
        ts: message.ts,
        message: messageJson(message, state),
        ...metadataWarning(args),
      });
    },
  },
  'chat.update': {
    tier: 3,
    scope: 'chat:write',
    // By conversation id and ts (SD-13); a bot token changes only the bot's own messages (SD-28).
    handle: ({ state, args, now }) => {
      const channel = state.directory.channel(str(args, 'channel') ?? '');
      if (!channel || channel.id !== str(args, 'channel')) return fail('channel_not_found');
      const message = state.log.find(channel.id, str(args, 'ts') ?? '');
      if (!message || message.deletedAt !== null) return fail('message_not_found');
      if (message.author !== undefined) return fail('cant_update_message');
      const content = parseContent(args, true, state.directory);
      if ('error' in content) return fail(content.error, content.extra);
      state.log.update(message, {
        ...content,
        metadata: content.metadata ?? currentContent(message).metadata,
        at: now,
        via: 'chat.update',
      });
      return ok({
        channel: channel.id,
        ts: message.ts,
        text: content.text ?? '',
        message: messageJson(message, state),
        ...metadataWarning(args),
      });
    },
  },
  'chat.delete': {
    tier: 3,
    scope: 'chat:write',
    // By conversation id, as chat.update (a user id or #name finds no channel); a bot token deletes only
    // the bot's own messages (SD-27): a person's is `cant_delete_message`.
    handle: ({ state, args, now }) => {
      const channel = state.directory.channel(str(args, 'channel') ?? '');
      if (!channel || channel.id !== str(args, 'channel')) return fail('channel_not_found');
      const message = state.log.find(channel.id, str(args, 'ts') ?? '');
      if (!message || message.deletedAt !== null) return fail('message_not_found');
      if (message.author !== undefined) return fail('cant_delete_message');
      state.log.remove(message, now);
      return ok({ channel: message.channel, ts: message.ts });
    },
  },
  'chat.postEphemeral': {
    tier: 4,
    scope: 'chat:write',
    handle: (ctx) => {
      const { state, args, now } = ctx;
      const content = parseContent(args, true, state.directory);
      if ('error' in content) return fail(content.error, content.extra);
      const target = resolveTarget(ctx, str(args, 'channel'));
      if ('error' in target) return fail(target.error);
      const user = state.directory.user(str(args, 'user') ?? '');
      if (!user) return fail('user_not_found');
      if (!target.members.has(user.id)) return fail('user_not_in_channel');
      const ts = state.ts.make(now);
      state.log.postEphemeral({
        ...content,
        channel: target.id,
        user: user.id,
        ts,
        at: now,
        via: 'chat.postEphemeral',
      });
      return ok({ message_ts: ts });
    },
  },
};
