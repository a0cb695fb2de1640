import type { Clock } from '../../clock/clock.ts';
import type { Instant } from '../../domain/time.ts';
import {
  type ChannelInput,
  Directory,
  type SlackChannel,
  type SlackUser,
  type UserInput,
} from './directory.ts';
import { IdFactory, TsFactory } from './ids.ts';
import {
  MessageLog,
  type RecordedEphemeral,
  type RecordedMessage,
  type RecordedView,
  type SlackSandboxEvent,
} from './message-log.ts';
import { type OpenIdClient, OpenIdProvider } from './openid/openid-provider.ts';

/** A `response_url` handed out with an interaction: where `respond()` posts go. */
export interface ResponseUrl {
  readonly id: string;
  readonly kind: 'actions' | 'commands';
  readonly user: string;
  readonly channel: string | null;
  /** The message the interaction came from (for `replace_original`). */
  readonly messageTs: string | null;
  readonly expiresAt: Instant;
  uses: number;
}

/** One `respond()` call as it arrived. */
export interface RecordedResponse {
  readonly urlId: string;
  readonly at: Instant;
  readonly body: Readonly<Record<string, unknown>>;
}

interface Trigger {
  readonly user: string;
  readonly expiresAt: Instant;
  used: boolean;
}

/** What a person has in front of them: their DMs, channel messages they can read, ephemerals, Home tab. */
export interface PersonView {
  readonly user: SlackUser;
  readonly dms: readonly RecordedMessage[];
  readonly channelMessages: readonly RecordedMessage[];
  readonly ephemerals: readonly RecordedEphemeral[];
  readonly home: RecordedView | null;
}

/** A `trigger_id` works once, within 3 s of the interaction (SI-2); at 3 000 ms it is already dead. */
export const TRIGGER_TTL = 3_000;
/** A `response_url` takes 5 posts within 30 minutes of the interaction (SI-5). */
export const RESPONSE_URL_TTL = 30 * 60_000;
export const RESPONSE_URL_MAX_USES = 5;

/** The Slack workspace behind the sandbox, scripted by the demo and tests. */
export class SlackState {
  readonly clock: Clock;
  readonly ids = new IdFactory();
  readonly ts = new TsFactory();
  readonly team = { id: 'T0SANDBOX1', name: 'Sandbox Sales', domain: 'sandbox-sales' };
  readonly bot = { userId: 'U0BOTUSER1', botId: 'B0BOTID001', appId: 'A0SLABOT01', name: 'sla-bot' };
  readonly directory: Directory;
  readonly log = new MessageLog();
  /** Sign in with Slack: registered apps, codes and tokens (`registerOpenIdClient`). */
  readonly openid = new OpenIdProvider();
  readonly responses: RecordedResponse[] = [];
  /** `account_inactive` on every call (token of a deleted user or workspace). */
  accountInactive = false;
  /** App Home "Messages" tab; when off, DMs fail with `messages_tab_disabled`. */
  messagesTabEnabled = true;
  private readonly failures: { method: string; error: string; remaining: number }[] = [];
  private readonly triggers = new Map<string, Trigger>();
  private readonly responseUrls = new Map<string, ResponseUrl>();

  constructor(clock: Clock) {
    this.clock = clock;
    this.directory = new Directory(this.ids, this.bot.userId);
  }

  addUser(input: UserInput): SlackUser {
    return this.directory.addUser(input);
  }

  /** Registers an app for Sign in with Slack: its client id and secret, and its Redirect URLs. */
  registerOpenIdClient(client: OpenIdClient): void {
    this.openid.register(client);
  }

  addChannel(input: ChannelInput): SlackChannel {
    return this.directory.addChannel(input, this.clock.now());
  }

  /** Adds or removes the bot from a channel (`not_in_channel` when it is out). */
  setBotMembership(channel: string, member: boolean): void {
    const found = this.requireChannel(channel);
    if (member) found.members.add(this.bot.userId);
    else found.members.delete(this.bot.userId);
  }

  archiveChannel(channel: string): void {
    this.requireChannel(channel).archived = true;
  }

  /** Renames a channel (id or name; new name without `#`): the id stays, the old name finds nothing. */
  renameChannel(channel: string, newName: string): void {
    const found = this.requireChannel(channel);
    const name = newName.replace(/^#/, '');
    if (this.directory.channel(name)) throw new RangeError(`sandbox: channel #${name} exists already`);
    found.name = name;
  }

  deactivateUser(userId: string): void {
    const user = this.directory.user(userId);
    if (!user) throw new RangeError(`sandbox: no Slack user ${userId}`);
    user.deleted = true;
  }

  /** The next `times` calls of `method` answer `{ ok: false, error }`. */
  failNext(method: string, error: string, times = 1): void {
    this.failures.push({ method, error, remaining: times });
  }

  takeFailure(method: string): string | null {
    const failure = this.failures.find((f) => f.method === method);
    if (!failure) return null;
    failure.remaining -= 1;
    if (failure.remaining <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
    return failure.error;
  }

  on(listener: (event: SlackSandboxEvent) => void): () => void {
    return this.log.on(listener);
  }

  userByEmail(email: string): SlackUser | null {
    return this.directory.userByEmail(email);
  }

  /**
   * A person writes in a channel (id or name): a message the app did not post, which it may not
   * update or delete (SD-28). Recorded in the log like the app's, with its `author`.
   */
  postAsPerson(userIdOrEmail: string, channel: string, text: string): RecordedMessage {
    const user = this.person(userIdOrEmail);
    const now = this.clock.now();
    const message: RecordedMessage = {
      channel: this.requireChannel(channel).id,
      ts: this.ts.make(now),
      threadTs: null,
      replyBroadcast: false,
      postedAt: now,
      text,
      blocks: null,
      metadata: null,
      updates: [],
      deletedAt: null,
      author: user.id,
    };
    this.log.post(message);
    return message;
  }

  /** Messages posted in a channel (id or name), oldest first. */
  messagesIn(channel: string): RecordedMessage[] {
    const found = this.directory.channel(channel);
    return found ? this.log.messages.filter((m) => m.channel === found.id) : [];
  }

  /** The bot's DMs to a person (Slack user id or e-mail), oldest first. */
  dmsTo(userIdOrEmail: string): RecordedMessage[] {
    const user = this.person(userIdOrEmail);
    const dm = this.directory.allChannels().find((c) => c.kind === 'im' && c.user === user.id);
    return dm ? this.log.messages.filter((m) => m.channel === dm.id) : [];
  }

  /** Everything one person can see from the bot. */
  seenBy(userIdOrEmail: string): PersonView {
    const user = this.person(userIdOrEmail);
    const readable = new Set(
      this.directory
        .allChannels()
        .filter((c) => c.kind !== 'im' && (c.kind === 'public' || c.members.has(user.id)))
        .map((c) => c.id),
    );
    return {
      user,
      dms: this.dmsTo(user.id),
      channelMessages: this.log.messages.filter((m) => readable.has(m.channel)),
      ephemerals: this.log.ephemerals.filter((e) => e.user === user.id),
      home: this.log.homeOf(user.id),
    };
  }

  issueTrigger(user: string): string {
    const id = `${Math.floor(this.clock.now() / 1000)}.${this.triggers.size + 1}.${this.ids.make('T').toLowerCase()}`;
    this.triggers.set(id, { user, expiresAt: this.clock.now() + TRIGGER_TTL, used: false });
    return id;
  }

  /** Consumes a trigger id (`views.open`, `views.push`): `null` when fine, else Slack's error code. */
  useTrigger(id: string): string | null {
    const trigger = this.triggers.get(id);
    if (!trigger) return 'invalid_trigger_id';
    if (trigger.used) return 'exchanged_trigger_id';
    if (this.clock.now() >= trigger.expiresAt) return 'expired_trigger_id';
    trigger.used = true;
    return null;
  }

  triggerUser(id: string): string | null {
    return this.triggers.get(id)?.user ?? null;
  }

  issueResponseUrl(
    kind: ResponseUrl['kind'],
    user: string,
    channel: string | null,
    messageTs: string | null,
  ) {
    const id = this.ids.make('Q').toLowerCase();
    const url: ResponseUrl = {
      id,
      kind,
      user,
      channel,
      messageTs,
      expiresAt: this.clock.now() + RESPONSE_URL_TTL,
      uses: 0,
    };
    this.responseUrls.set(id, url);
    return url;
  }

  responseUrl(id: string): ResponseUrl | null {
    return this.responseUrls.get(id) ?? null;
  }

  private person(userIdOrEmail: string): SlackUser {
    const user = this.directory.user(userIdOrEmail) ?? this.directory.userByEmail(userIdOrEmail);
    if (!user) throw new RangeError(`sandbox: no Slack user ${userIdOrEmail}`);
    return user;
  }

  private requireChannel(idOrName: string): SlackChannel {
    const channel = this.directory.channel(idOrName);
    if (!channel) throw new RangeError(`sandbox: no Slack channel ${idOrName}`);
    return channel;
  }
}
