import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock/clock.ts';
import { type Instant, MINUTE } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';

/**
 * Slack signs `v0:{X-Slack-Request-Timestamp}:{body}`; a request whose timestamp is more than five
 * minutes from now, earlier or later, may be a replay and is refused (SI-6). Bolt's verifier
 * (`@slack/bolt` 5.1.0, receivers/verify-request.js) refuses only the past, on the machine's clock;
 * this check runs first, on ours, and refuses both. A missing or malformed timestamp is left to
 * Bolt, which refuses it (and lets Slack's unsigned `ssl_check` through).
 */
export const SLACK_REQUEST_WINDOW = 5 * MINUTE;

export type TimestampVerdict = 'ok' | 'stale' | 'future' | 'unreadable';

export function judgeRequestTimestamp(header: string | string[] | undefined, now: Instant): TimestampVerdict {
  if (typeof header !== 'string' || !/^\d+$/.test(header.trim())) return 'unreadable';
  const at = Number(header.trim()) * 1000;
  if (now - at > SLACK_REQUEST_WINDOW) return 'stale';
  if (at - now > SLACK_REQUEST_WINDOW) return 'future';
  return 'ok';
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Wraps Bolt's HTTP request listener with the both-ways timestamp window. */
export function withinRequestWindow(listener: Listener, deps: { clock: Clock; logger: Logger }): Listener {
  return (req, res) => {
    const verdict = judgeRequestTimestamp(req.headers['x-slack-request-timestamp'], deps.clock.now());
    if (verdict === 'stale' || verdict === 'future') {
      deps.logger.warn(
        { verdict, timestamp: req.headers['x-slack-request-timestamp'] },
        'slack request refused: timestamp outside the five-minute window',
      );
      req.resume();
      res.writeHead(401);
      res.end();
      return;
    }
    return listener(req, res);
  };
}
