import { bool, str } from '../args.ts';
import { channelJson, userJson } from '../shapes.ts';
import { fail, type MethodSpec, ok } from './method.ts';

const page = <T>(items: readonly T[], cursor: string | null, limit: number) => {
  const offset = cursor
    ? Number(
        Buffer.from(cursor, 'base64')
          .toString('utf8')
          .replace(/^offset:/, ''),
      ) || 0
    : 0;
  const end = offset + limit;
  const next = end < items.length ? Buffer.from(`offset:${end}`).toString('base64') : '';
  return { items: items.slice(offset, end), next };
};

/** The bot scope that lists or describes a conversation type (docs.slack.dev/reference/methods/conversations.list). */
const READ_SCOPE: Readonly<Record<string, string>> = {
  public_channel: 'channels:read',
  private_channel: 'groups:read',
  im: 'im:read',
  mpim: 'mpim:read',
};

export const usersMethods: Readonly<Record<string, MethodSpec>> = {
  'auth.test': {
    tier: 'special',
    scope: null,
    handle: ({ state }) =>
      ok({
        url: `https://${state.team.domain}.slack.com/`,
        team: state.team.name,
        user: state.bot.name,
        team_id: state.team.id,
        user_id: state.bot.userId,
        bot_id: state.bot.botId,
        is_enterprise_install: false,
      }),
  },
  'users.lookupByEmail': {
    tier: 3,
    scope: 'users:read.email',
    handle: ({ state, args, now }) => {
      const email = str(args, 'email');
      if (email === null) return fail('invalid_arguments');
      const user = state.directory.userByEmail(email);
      return user ? ok({ user: userJson(user, state, now) }) : fail('users_not_found');
    },
  },
  'users.info': {
    tier: 4,
    scope: 'users:read',
    handle: ({ state, args, now }) => {
      const user = state.directory.user(str(args, 'user') ?? '');
      if (!user) return fail('user_not_found');
      // The locale only when asked for (SD-19): "Set this to true to receive the locale for this user."
      const locale = bool(args, 'include_locale') ? { locale: user.locale } : {};
      return ok({ user: { ...userJson(user, state, now), ...locale } });
    },
  },
  'users.list': {
    tier: 2,
    scope: 'users:read',
    handle: ({ state, args, now }) => {
      const limit = Math.min(Number(str(args, 'limit') ?? 200) || 200, 1000);
      const { items, next } = page(state.directory.allUsers(), str(args, 'cursor'), limit);
      return ok({
        members: items.map((u) => userJson(u, state, now)),
        response_metadata: { next_cursor: next },
      });
    },
  },
  'conversations.list': {
    tier: 2,
    // The scope depends on the `types` asked for (channels:, groups:, im:, mpim:read); checked below.
    scope: null,
    handle: ({ state, args, scopes }) => {
      const wanted = new Set((str(args, 'types') ?? 'public_channel').split(','));
      const needed = [...wanted].map((t) => READ_SCOPE[t] ?? 'channels:read').find((n) => !scopes.has(n));
      if (needed !== undefined) return fail('missing_scope', { needed, provided: [...scopes].join(',') });
      const kindOf = { public: 'public_channel', private: 'private_channel', im: 'im' } as const;
      const excludeArchived = str(args, 'exclude_archived') === 'true';
      const visible = state.directory
        .allChannels()
        .filter((c) => wanted.has(kindOf[c.kind]))
        .filter((c) => c.kind === 'public' || c.members.has(state.bot.userId))
        .filter((c) => !(excludeArchived && c.archived));
      const limit = Math.min(Number(str(args, 'limit') ?? 100) || 100, 1000);
      const { items, next } = page(visible, str(args, 'cursor'), limit);
      return ok({
        channels: items.map((c) => channelJson(c, state)),
        response_metadata: { next_cursor: next },
      });
    },
  },
  'conversations.info': {
    tier: 3,
    // channels:read for a public channel, groups:read for a private one, im:read for a DM.
    scope: null,
    handle: ({ state, args, scopes }) => {
      const channel = state.directory.channel(str(args, 'channel') ?? '');
      if (!channel || (channel.kind !== 'public' && !channel.members.has(state.bot.userId)))
        return fail('channel_not_found');
      const needed =
        READ_SCOPE[{ public: 'public_channel', private: 'private_channel', im: 'im' }[channel.kind]];
      if (needed !== undefined && !scopes.has(needed))
        return fail('missing_scope', { needed, provided: [...scopes].join(',') });
      return ok({ channel: channelJson(channel, state) });
    },
  },
};
