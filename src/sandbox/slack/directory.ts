import type { Instant } from '../../domain/time.ts';
import type { IdFactory } from './ids.ts';

export interface SlackUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly realName: string;
  readonly tz: string;
  /** The user's Slack language (`en-US`, `nl-NL`): users.info shows it only with `include_locale=true`. */
  readonly locale: string;
  readonly isBot: boolean;
  deleted: boolean;
}

export interface SlackChannel {
  readonly id: string;
  /** Changes on a rename (`SlackState.renameChannel`); the id never does. */
  name: string;
  readonly kind: 'public' | 'private' | 'im';
  /** The other party of a DM. */
  readonly user: string | null;
  readonly created: Instant;
  readonly members: Set<string>;
  archived: boolean;
}

export interface UserInput {
  readonly email: string;
  /** Handle; default: the e-mail's local part. */
  readonly name?: string;
  readonly realName?: string;
  /** IANA zone. Default `Europe/Amsterdam`. */
  readonly tz?: string;
  /** Slack language, e.g. `nl-NL`. Default `en-US`. */
  readonly locale?: string;
  readonly deleted?: boolean;
}

export interface ChannelInput {
  /** Without `#`. */
  readonly name: string;
  readonly private?: boolean;
  readonly members?: readonly string[];
  /** Whether the bot is in the channel. Default true. */
  readonly botIsMember?: boolean;
  readonly archived?: boolean;
}

/** The workspace's people and conversations. */
export class Directory {
  private readonly users = new Map<string, SlackUser>();
  private readonly channels = new Map<string, SlackChannel>();
  private readonly ids: IdFactory;
  readonly botUserId: string;

  constructor(ids: IdFactory, botUserId: string) {
    this.ids = ids;
    this.botUserId = botUserId;
  }

  addUser(input: UserInput): SlackUser {
    const local = input.email.split('@')[0] ?? input.email;
    const user: SlackUser = {
      id: this.ids.make('U'),
      email: input.email,
      name: input.name ?? local,
      realName: input.realName ?? local.replace(/[._-]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()),
      tz: input.tz ?? 'Europe/Amsterdam',
      locale: input.locale ?? 'en-US',
      isBot: false,
      deleted: input.deleted ?? false,
    };
    this.users.set(user.id, user);
    return user;
  }

  addChannel(input: ChannelInput, now: Instant): SlackChannel {
    const name = input.name.replace(/^#/, '');
    if (this.channelByName(name)) throw new RangeError(`sandbox: channel #${name} exists already`);
    const members = new Set(input.members ?? []);
    if (input.botIsMember ?? true) members.add(this.botUserId);
    const channel: SlackChannel = {
      id: this.ids.make(input.private ? 'G' : 'C'),
      name,
      kind: input.private ? 'private' : 'public',
      user: null,
      created: now,
      members,
      archived: input.archived ?? false,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  user(id: string): SlackUser | null {
    return this.users.get(id) ?? null;
  }

  userByEmail(email: string): SlackUser | null {
    const wanted = email.toLowerCase();
    return [...this.users.values()].find((u) => u.email.toLowerCase() === wanted) ?? null;
  }

  allUsers(): SlackUser[] {
    return [...this.users.values()];
  }

  /** By id, or by name with or without `#`. */
  channel(idOrName: string): SlackChannel | null {
    return this.channels.get(idOrName) ?? this.channelByName(idOrName.replace(/^#/, ''));
  }

  allChannels(): SlackChannel[] {
    return [...this.channels.values()];
  }

  /** The bot's DM with a user, created on first use (as `conversations.open` does). */
  dmWith(userId: string, now: Instant): { channel: SlackChannel; created: boolean } {
    const existing = [...this.channels.values()].find((c) => c.kind === 'im' && c.user === userId);
    if (existing) return { channel: existing, created: false };
    const channel: SlackChannel = {
      id: this.ids.make('D'),
      name: userId,
      kind: 'im',
      user: userId,
      created: now,
      members: new Set([userId, this.botUserId]),
      archived: false,
    };
    this.channels.set(channel.id, channel);
    return { channel, created: true };
  }

  private channelByName(name: string): SlackChannel | null {
    return [...this.channels.values()].find((c) => c.kind !== 'im' && c.name === name) ?? null;
  }
}
