import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger };

/** Paths whose values never reach the logs, wherever they appear in a log object. */
export const REDACT_PATHS = [
  'token',
  'accessToken',
  'botToken',
  'appToken',
  'signingSecret',
  'clientSecret',
  'authorization',
  'headers.authorization',
  '*.token',
  '*.accessToken',
  '*.authorization',
  '*.headers.authorization',
  'config.headers.Authorization',
  'env.HUBSPOT_ACCESS_TOKEN',
  'env.SLACK_BOT_TOKEN',
  'env.SLACK_APP_TOKEN',
  'env.SLACK_SIGNING_SECRET',
  'env.HUBSPOT_CLIENT_SECRET',
  'env.DASHBOARD_TOKEN',
  'env.SLACK_CLIENT_SECRET',
  'env.SESSION_SECRET',
  'cookie',
  'headers.cookie',
  '*.headers.cookie',
];

/** Builds the application logger: JSON lines, tokens redacted. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { app: 'sla-bot' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
