import { LogLevel, type Logger as SlackLogger } from '@slack/web-api';
import type { Logger } from '../log/logger.ts';

/**
 * Bolt and WebClient log through this adapter into our pino logger. Their messages are free-form
 * strings, kept under `detail` with a static message, so log queries stay simple.
 */
export function slackLogger(logger: Logger, component: string): SlackLogger {
  const child = logger.child({ component });
  let level: LogLevel = LogLevel.WARN;
  const detail = (msg: unknown[]) => ({
    detail: msg.map((m) => (typeof m === 'string' ? m : String(m))).join(' '),
  });
  return {
    debug: (...msg) => child.debug(detail(msg), 'slack sdk debug'),
    info: (...msg) => child.info(detail(msg), 'slack sdk info'),
    warn: (...msg) => child.warn(detail(msg), 'slack sdk warning'),
    error: (...msg) => child.error(detail(msg), 'slack sdk error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
