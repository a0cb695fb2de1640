import { WebClient, type WebClientOptions } from '@slack/web-api';
import { SECOND } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import { slackLogger } from './bolt-logger.ts';

export interface SlackClientSettings {
  /** `SLACK_API_URL`, ending in `/api/`. */
  readonly apiUrl: string;
  readonly logger: Logger;
  /** Custom transport (proxies); tests use the strict HTTP mock instead. */
  readonly fetch?: typeof fetch;
}

/**
 * Client options shared by our WebClient and Bolt's: retries and rate-limit waits are off, because
 * they would hide outcomes for up to half an hour; the send queue retries with backoff instead.
 */
export function slackClientOptions(settings: SlackClientSettings): WebClientOptions {
  return {
    slackApiUrl: settings.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10 * SECOND,
    logger: slackLogger(settings.logger, 'slack-web-api'),
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
  };
}

/** The Web API client the notifier sends with. Built once, by the composition root. */
export function createSlackWebClient(token: string, settings: SlackClientSettings): WebClient {
  return new WebClient(token, slackClientOptions(settings));
}
