import { DateTime } from 'luxon';
import type { Instant } from '../../domain/time.ts';
import type { SlackChannel, SlackUser } from './directory.ts';
import { currentContent, type RecordedMessage } from './message-log.ts';
import type { SlackState } from './slack-state.ts';

/** A user object as `users.info` / `users.lookupByEmail` return it. */
export function userJson(user: SlackUser, state: SlackState, now: Instant) {
  const local = DateTime.fromMillis(now, { zone: user.tz });
  const [first = '', ...rest] = user.realName.split(' ');
  return {
    id: user.id,
    team_id: state.team.id,
    name: user.name,
    deleted: user.deleted,
    color: '9f69e7',
    real_name: user.realName,
    tz: user.tz,
    tz_label: local.offsetNameLong ?? user.tz,
    tz_offset: local.offset * 60,
    profile: {
      real_name: user.realName,
      display_name: user.name,
      email: user.email,
      first_name: first,
      last_name: rest.join(' '),
      team: state.team.id,
    },
    is_admin: false,
    is_owner: false,
    is_bot: user.isBot,
    is_app_user: false,
    updated: Math.floor(now / 1000),
  };
}

/** A conversation object as `conversations.info` / `.list` / `.open` return it. */
export function channelJson(channel: SlackChannel, state: SlackState) {
  const created = Math.floor(channel.created / 1000);
  if (channel.kind === 'im') {
    const user = channel.user === null ? null : state.directory.user(channel.user);
    return {
      id: channel.id,
      created,
      is_im: true,
      is_org_shared: false,
      user: channel.user,
      is_user_deleted: user?.deleted ?? false,
      priority: 0,
    };
  }
  const topic = { value: '', creator: '', last_set: 0 };
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: channel.kind === 'public',
    is_group: false,
    is_im: false,
    is_mpim: false,
    is_private: channel.kind === 'private',
    created,
    is_archived: channel.archived,
    is_general: false,
    creator: state.bot.userId,
    is_member: channel.members.has(state.bot.userId),
    num_members: channel.members.size,
    topic,
    purpose: topic,
  };
}

/** A bot message as `chat.postMessage` / `chat.update` return it (a person's: without the bot's fields). */
export function messageJson(message: RecordedMessage, state: SlackState) {
  const content = currentContent(message);
  if (message.author !== undefined)
    return {
      type: 'message',
      text: content.text ?? '',
      user: message.author,
      ts: message.ts,
      team: state.team.id,
      ...(content.metadata ? { metadata: content.metadata } : {}),
    };
  return {
    type: 'message',
    text: content.text ?? '',
    user: state.bot.userId,
    bot_id: state.bot.botId,
    app_id: state.bot.appId,
    ts: message.ts,
    team: state.team.id,
    ...(content.blocks ? { blocks: content.blocks } : {}),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...(content.metadata ? { metadata: content.metadata } : {}),
    bot_profile: {
      id: state.bot.botId,
      app_id: state.bot.appId,
      name: state.bot.name,
      deleted: false,
      team_id: state.team.id,
    },
  };
}
