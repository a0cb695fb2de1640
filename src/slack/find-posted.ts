import type { WebClient } from '@slack/web-api';
import { type Instant, MINUTE, type Millis, SECOND } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { MessageRef } from '../ports/notifier.ts';
import type { SlackFailure } from './errors.ts';
import { keyOf } from './message-key.ts';
import type { SendQueue } from './send-queue.ts';

/** What looking for a message by its outbox key came to. */
export type Lookup =
  /** `ref` is the first copy posted; `duplicates` any later copies with the same key (to delete). */
  | { readonly kind: 'found'; readonly ref: MessageRef; readonly duplicates: readonly MessageRef[] }
  | { readonly kind: 'not_found' }
  /** It cannot be told (history scope declined, bot not in the channel, too many messages): at most once. */
  | { readonly kind: 'unverifiable'; readonly code: string }
  /** Not now (rate limited, Slack failing): look again at `retryAt`. */
  | { readonly kind: 'later'; readonly code: string; readonly retryAt: Instant };

export interface PostFinderDeps {
  readonly client: WebClient;
  readonly queue: SendQueue;
  readonly logger: Logger;
  /**
   * Least time between two `conversations.history` calls. Default one minute: apps distributed outside
   * the Slack Marketplace get 1 request per minute since 2025-05-29 (SD-5); internal apps get Tier 3.
   */
  readonly historySpacing?: Millis;
  /** History pages read per look-up (each within the budget above; 15 messages each at the strict limit). */
  readonly maxPages?: number;
}

/** How far before the first attempt to look: our clock and Slack's may differ a little. */
export const LOOKUP_MARGIN: Millis = 2 * MINUTE;
/** `limit` per history page: the maximum outside the Marketplace (SD-5). */
export const HISTORY_PAGE = 15;
/** conversations.open is Tier 3 (50+ per minute). */
const OPEN_SPACING: Millis = 1200;

/**
 * The code of a look-up that only waits for its rate allowance (the one-a-minute budget, or Slack's
 * 429): nothing failed, so it is not counted as Slack failing.
 */
export const LOOKUP_BUDGET = 'lookup_budget';

/** A failure that is only a wait for the look-up budget (see `LOOKUP_BUDGET`). */
export const isBudgetWait = (f: SlackFailure): boolean => f.kind === 'in_doubt' && f.code === LOOKUP_BUDGET;

/** Not now: the budget (rate allowance) is spent, or Slack is failing. */
const later = (method: string, f: SlackFailure, retryAt: Instant | null): Lookup => ({
  kind: 'later',
  code: f.kind === 'rate_limited' || f.code === 'not_attempted' ? LOOKUP_BUDGET : `${method}:${f.code}`,
  retryAt: retryAt ?? 0,
});

const slackTs = (at: Instant): string => (Math.max(0, at) / 1000).toFixed(6);

/** User ids start with U or W; conversation ids with C, G or D. */
const isUserId = (channel: string): boolean => /^[UW][A-Z0-9_]+$/.test(channel);

/** Why the look-up cannot tell, for the log and the outbox row. */
const unverifiable = (method: string, f: SlackFailure): Lookup => ({
  kind: 'unverifiable',
  code: `${method}:${f.code}`,
});

/**
 * Finds a message sla-bot posted by the outbox key in its metadata (`conversations.history` with
 * `include_all_metadata`, from shortly before the first attempt): the way an ambiguous post failure is
 * resolved before anything is sent again (SD-7, SD-8). Several copies of one key (two leaders, or a
 * request that landed after a restart) come back as the first one and its duplicates. A post to a user
 * id went to the app's DM with them; its channel id comes from an earlier post's answer or
 * `conversations.open` (`im:write`).
 */
export function createPostFinder(deps: PostFinderDeps) {
  const { client, queue, logger } = deps;
  const historySpacing = deps.historySpacing ?? MINUTE;
  const maxPages = Math.max(1, deps.maxPages ?? 3);
  /** User id → the id of the app's DM with them. */
  const dms = new Map<string, string>();

  /** Remembers where a post to a user id landed (the answer's `channel` is the DM id). */
  function posted(target: string, ref: MessageRef): void {
    if (isUserId(target) && ref.channel !== target) dms.set(target, ref.channel);
  }

  async function conversationOf(target: string): Promise<{ readonly id: string } | Lookup> {
    if (target.startsWith('#')) return { kind: 'unverifiable', code: 'channel_name' };
    if (!isUserId(target)) return { id: target };
    const known = dms.get(target);
    if (known) return { id: known };
    const out = await queue.run('conversations.open', OPEN_SPACING, () =>
      client.conversations.open({ users: target }),
    );
    if (!out.ok) {
      const { failure } = out;
      if (failure.kind === 'rate_limited' || failure.kind === 'transient')
        return later('conversations.open', failure, out.retryAt);
      return unverifiable('conversations.open', failure);
    }
    const id = out.value.channel?.id;
    if (!id) return { kind: 'unverifiable', code: 'conversations.open:no_channel' };
    dms.set(target, id);
    return { id };
  }

  async function find(target: string, key: string, since: Instant): Promise<Lookup> {
    const conversation = await conversationOf(target);
    if ('kind' in conversation) return conversation;
    const channel = conversation.id;
    /** Every copy with the key seen so far, newest first (as history lists them). */
    const copies: string[] = [];
    const found = (): Lookup => {
      const [first, ...later] = [...copies].reverse().map((ts) => ({ channel, ts }));
      return first ? { kind: 'found', ref: first, duplicates: later } : { kind: 'not_found' };
    };
    let cursor: string | undefined;
    for (let page = 1; page <= maxPages; page++) {
      const out = await queue.run('conversations.history', historySpacing, () =>
        client.conversations.history({
          channel,
          oldest: slackTs(since - LOOKUP_MARGIN),
          inclusive: true,
          include_all_metadata: true,
          limit: HISTORY_PAGE,
          ...(cursor ? { cursor } : {}),
        }),
      );
      if (!out.ok) {
        const { failure } = out;
        const busy = failure.kind === 'rate_limited' || failure.kind === 'transient';
        // A first page that must wait is tried again later; a later one would hold the delivery.
        if (busy && page === 1) return later('conversations.history', failure, out.retryAt);
        if (busy) return { kind: 'unverifiable', code: 'conversations.history:too_many_messages' };
        return unverifiable('conversations.history', failure);
      }
      for (const m of out.value.messages ?? []) if (m.ts && keyOf(m) === key) copies.push(m.ts);
      cursor = out.value.response_metadata?.next_cursor || undefined;
      // A page with a copy ends the look-up: older pages are read only while nothing is found.
      if (copies.length > 0 || !out.value.has_more || !cursor) return found();
    }
    logger.warn({ channel, key, pages: maxPages }, 'slack history too long to tell whether a post went out');
    return { kind: 'unverifiable', code: 'conversations.history:too_many_messages' };
  }

  return { find, posted };
}

export type PostFinder = ReturnType<typeof createPostFinder>;

/** A 30-second floor for a `later` whose time the queue did not say. */
export const laterAt = (l: Extract<Lookup, { kind: 'later' }>, now: Instant): Instant =>
  l.retryAt > now ? l.retryAt : now + 30 * SECOND;
