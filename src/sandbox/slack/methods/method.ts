import type { Instant } from '../../../domain/time.ts';
import type { Args } from '../args.ts';
import type { SlackRateLimiter, Tier } from '../rate-limits.ts';

export type { Tier } from '../rate-limits.ts';

import type { SlackState } from '../slack-state.ts';

export interface MethodContext {
  readonly state: SlackState;
  readonly now: Instant;
  readonly args: Args;
  readonly limiter: SlackRateLimiter;
  /** Scopes the token has (for `missing_scope` and `chat:write.public`). */
  readonly scopes: ReadonlySet<string>;
}

export type MethodOutcome =
  | { readonly kind: 'ok'; readonly body: Readonly<Record<string, unknown>> }
  | { readonly kind: 'error'; readonly error: string; readonly extra: Readonly<Record<string, unknown>> }
  /** Over the per-channel message rate: retry after this many seconds. */
  | { readonly kind: 'rate_limited'; readonly retryAfter: number };

export interface MethodSpec {
  readonly tier: Tier;
  /** Bot scope the method needs, if any. */
  readonly scope: string | null;
  readonly handle: (ctx: MethodContext) => MethodOutcome;
}

export const ok = (body: Record<string, unknown> = {}): MethodOutcome => ({ kind: 'ok', body });
export const fail = (error: string, extra: Record<string, unknown> = {}): MethodOutcome => ({
  kind: 'error',
  error,
  extra,
});
