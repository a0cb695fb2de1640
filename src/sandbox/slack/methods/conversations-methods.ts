import { bool, str } from '../args.ts';
import { channelJson } from '../shapes.ts';
import { fail, type MethodSpec, ok } from './method.ts';

export const conversationsMethods: Readonly<Record<string, MethodSpec>> = {
  'conversations.open': {
    tier: 3,
    scope: 'im:write',
    handle: ({ state, args, now }) => {
      const existing = str(args, 'channel');
      if (existing !== null) {
        const channel = state.directory.channel(existing);
        if (channel?.kind !== 'im') return fail('channel_not_found');
        return ok({ no_op: true, already_open: true, channel: channelJson(channel, state) });
      }
      const users = (str(args, 'users') ?? '').split(',').filter(Boolean);
      if (users.length === 0) return fail('users_list_not_supplied');
      if (users.length > 1) return fail('not_supported', { detail: 'the sandbox opens one-to-one DMs only' });
      const userId = users[0] ?? '';
      if (userId === state.bot.userId) return fail('cannot_dm_bot');
      const user = state.directory.user(userId);
      if (!user) return fail('user_not_found');
      if (user.deleted) return fail('user_disabled');
      const { channel, created } = state.directory.dmWith(user.id, now);
      const body = bool(args, 'return_im') ? channelJson(channel, state) : { id: channel.id };
      return ok(created ? { channel: body } : { no_op: true, already_open: true, channel: body });
    },
  },
  'conversations.join': {
    tier: 3,
    scope: 'channels:join',
    handle: ({ state, args }) => {
      const channel = state.directory.channel(str(args, 'channel') ?? '');
      if (!channel || (channel.kind === 'private' && !channel.members.has(state.bot.userId)))
        return fail('channel_not_found');
      if (channel.kind !== 'public') return fail('method_not_supported_for_channel_type');
      if (channel.archived) return fail('is_archived');
      if (channel.members.has(state.bot.userId)) {
        return ok({
          channel: channelJson(channel, state),
          warning: 'already_in_channel',
          response_metadata: { warnings: ['already_in_channel'] },
        });
      }
      channel.members.add(state.bot.userId);
      return ok({ channel: channelJson(channel, state) });
    },
  },
};
