import type { WebClient } from '@slack/web-api';
import type { Clock } from '../clock/clock.ts';
import type { SlaConfig } from '../config/types.ts';
import { DAY, HOUR, type Instant, MINUTE, type Millis } from '../domain/time.ts';
import type { Store } from '../ports/store.ts';
import { SlackCallError } from './errors.ts';
import type { SendQueue } from './send-queue.ts';
import { normalizeEmail, type SlackUser, SlackUserResponse, toSlackUser } from './slack-user.ts';

export type UserLookup =
  | { readonly kind: 'found'; readonly user: SlackUser }
  | { readonly kind: 'not_found' };

/** E-mail ↔ Slack user, with the store as the persistent cache and users.info cached in memory. */
export interface UserDirectory {
  /** Overrides from the YAML first, then the store, then `users.lookupByEmail`. Throws `SlackCallError` when Slack fails. */
  byEmail(email: string): Promise<UserLookup>;
  /** `users.info`, cached; `null` when Slack has no such user. */
  user(id: string): Promise<SlackUser | null>;
  /** The e-mail behind a Slack user (YAML overrides first); `null` when unknown. */
  emailOf(id: string): Promise<string | null>;
  /** The profile already at hand (no request, however old); `null` when never looked up here. */
  known(id: string): SlackUser | null;
}

export interface UserDirectoryDeps {
  readonly client: WebClient;
  readonly store: Pick<Store, 'slackUser' | 'saveSlackUser'>;
  readonly queue: SendQueue;
  readonly clock: Clock;
  readonly config: () => SlaConfig;
  /** A found mapping is trusted this long before it is looked up again. */
  readonly positiveTtl?: Millis;
  /** "Not in Slack" is remembered only briefly: people get invited. */
  readonly negativeTtl?: Millis;
  /** users.info (time zone, deactivation) is refreshed after this. */
  readonly profileTtl?: Millis;
}

export function createUserDirectory(deps: UserDirectoryDeps): UserDirectory {
  const { client, store, queue, clock } = deps;
  const positiveTtl = deps.positiveTtl ?? 7 * DAY;
  const negativeTtl = deps.negativeTtl ?? 10 * MINUTE;
  const profileTtl = deps.profileTtl ?? HOUR;
  const profiles = new Map<string, { user: SlackUser; at: Instant }>();
  const infoOnce = singleFlight<SlackUser | null>();
  const lookupOnce = singleFlight<UserLookup>();

  const override = (email: string): string | null => {
    const overrides = deps.config().slack.userOverrides;
    for (const [key, id] of Object.entries(overrides)) if (normalizeEmail(key) === email) return id;
    return null;
  };

  async function fetchUser(id: string): Promise<SlackUser | null> {
    const outcome = await queue.run('users.info', 0, () =>
      client.users.info({ user: id, include_locale: true }),
    );
    if (!outcome.ok) {
      if (outcome.failure.code === 'user_not_found') return null;
      throw new SlackCallError('users.info', outcome.failure, outcome.retryAt);
    }
    const user = toSlackUser(SlackUserResponse.parse(outcome.value).user);
    profiles.set(id, { user, at: clock.now() });
    return user;
  }

  async function user(id: string): Promise<SlackUser | null> {
    const cached = profiles.get(id);
    if (cached && clock.now() - cached.at < profileTtl) return cached.user;
    return infoOnce(id, () => fetchUser(id));
  }

  async function lookup(email: string): Promise<UserLookup> {
    const outcome = await queue.run('users.lookupByEmail', 0, () => client.users.lookupByEmail({ email }));
    const now = clock.now();
    if (!outcome.ok) {
      if (outcome.failure.code === 'users_not_found') {
        await store.saveSlackUser({ email, slackUserId: null, checkedAt: now });
        return { kind: 'not_found' };
      }
      throw new SlackCallError('users.lookupByEmail', outcome.failure, outcome.retryAt);
    }
    const found = toSlackUser(SlackUserResponse.parse(outcome.value).user);
    profiles.set(found.id, { user: found, at: now });
    await store.saveSlackUser({ email, slackUserId: found.id, checkedAt: now });
    return { kind: 'found', user: found };
  }

  async function byEmail(raw: string): Promise<UserLookup> {
    const email = normalizeEmail(raw);
    const pinned = override(email);
    if (pinned !== null) {
      const u = await user(pinned);
      return u ? { kind: 'found', user: u } : { kind: 'not_found' };
    }
    const saved = await store.slackUser(email);
    const age = saved ? clock.now() - saved.checkedAt : Number.POSITIVE_INFINITY;
    if (saved && saved.slackUserId === null && age < negativeTtl) return { kind: 'not_found' };
    if (saved?.slackUserId && age < positiveTtl) {
      const u = await user(saved.slackUserId);
      if (u) return { kind: 'found', user: u };
    }
    try {
      return await lookupOnce(email, () => lookup(email));
    } catch (err) {
      // Slack is struggling: a stale but known mapping beats no message at all.
      const id = saved?.slackUserId;
      if (!id) throw err;
      return {
        kind: 'found',
        user: profiles.get(id)?.user ?? { id, email, name: null, zone: null, deleted: false, locale: null },
      };
    }
  }

  async function emailOf(id: string): Promise<string | null> {
    for (const [email, pinned] of Object.entries(deps.config().slack.userOverrides)) {
      if (pinned === id) return normalizeEmail(email);
    }
    return (await user(id))?.email ?? null;
  }

  const known = (id: string): SlackUser | null => profiles.get(id)?.user ?? null;

  return { byEmail, user, emailOf, known };
}

/** Concurrent calls for the same key share one request. */
function singleFlight<T>(): (key: string, work: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  return (key, work) => {
    const current = running.get(key);
    if (current) return current;
    const p = work().finally(() => running.delete(key));
    running.set(key, p);
    return p;
  };
}
