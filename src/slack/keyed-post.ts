import type { Clock } from '../clock/clock.ts';
import type { Instant } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { MessageRef } from '../ports/notifier.ts';
import { laterAt, type PostFinder } from './find-posted.ts';
import type { BeforePost, Poster } from './poster.ts';
import type { Message } from './render/blocks.ts';
import type { QueueOutcome } from './send-queue.ts';

/** How an ambiguous send was settled (`sla_bot_slack_ambiguous_sends_total{resolution}`). */
export type AmbiguousResolution = 'found' | 'not_found' | 'unverifiable';

export interface KeyedPostDeps {
  readonly poster: Poster;
  readonly finder: PostFinder;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly onResolved?: (resolution: AmbiguousResolution) => void;
}

/**
 * Posts a message of an outbox row: `(channel, message, key, inDoubtSince, claim)`. `claim` runs
 * immediately before the post (the worker's fencing claim, ADR 0012); when it throws, nothing is posted.
 */
export type KeyedPost = (
  channel: string,
  message: Message,
  key: string,
  inDoubtSince: Instant | null,
  claim?: BeforePost | null,
) => Promise<QueueOutcome<MessageRef>>;

/**
 * Posts with the row's key in the metadata. When an earlier attempt may have reached Slack
 * (`inDoubtSince`), it first looks for the key there: found → that message counts as sent, and any
 * later copies of it are deleted (no live buttons on a duplicate); not found → posted now; cannot
 * tell → `unconfirmed` (at most once, never posted again); cannot look yet → still `in_doubt`, tried
 * later (SD-7, SD-8).
 */
export function createKeyedPost(deps: KeyedPostDeps): KeyedPost {
  const { poster, finder, logger } = deps;
  const resolved = (resolution: AmbiguousResolution, meta: Record<string, unknown>) => {
    deps.onResolved?.(resolution);
    logger.info({ ...meta, resolution }, 'ambiguous slack send resolved');
  };
  const removeDuplicates = async (key: string, kept: MessageRef, duplicates: readonly MessageRef[]) => {
    for (const copy of duplicates) {
      const out = await poster.remove(copy);
      if (out.ok) logger.warn({ key, kept: kept.ts, deleted: copy }, 'duplicate copy deleted');
      else logger.error({ key, copy, code: out.failure.code }, 'duplicate copy could not be deleted');
    }
  };
  return async (channel, message, key, inDoubtSince, claim = null) => {
    if (inDoubtSince !== null) {
      const lookup = await finder.find(channel, key, inDoubtSince);
      switch (lookup.kind) {
        case 'found':
          resolved('found', { key, channel, ts: lookup.ref.ts });
          await removeDuplicates(key, lookup.ref, lookup.duplicates);
          return { ok: true, value: lookup.ref };
        case 'unverifiable':
          resolved('unverifiable', { key, channel, code: lookup.code });
          return { ok: false, failure: { kind: 'unconfirmed', code: lookup.code }, retryAt: null };
        case 'later':
          return {
            ok: false,
            failure: { kind: 'in_doubt', code: lookup.code },
            retryAt: laterAt(lookup, deps.clock.now()),
          };
        case 'not_found':
          resolved('not_found', { key, channel });
      }
    }
    const out = await poster.post(channel, message, key, claim);
    if (out.ok) finder.posted(channel, out.value);
    return out;
  };
}
