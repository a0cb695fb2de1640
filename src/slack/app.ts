import { App, HTTPReceiver, type Receiver } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Clock } from '../clock/clock.ts';
import type { Env } from '../config/env.ts';
import type { SlaConfig } from '../config/types.ts';
import type { Logger } from '../log/logger.ts';
import type { Owner } from '../ports/crm-source.ts';
import type { LeadWriter } from '../ports/lead-writer.ts';
import type { Store } from '../ports/store.ts';
import type { Route } from '../server/route.ts';
import { slackLogger } from './bolt-logger.ts';
import { SlackStartError } from './errors.ts';
import { type InteractionsDeps, interactionsFromStore } from './interactions-from-store.ts';
import { registerListeners } from './listeners/register.ts';
import { createRecentKeys } from './recent-keys.ts';
import { withinRequestWindow } from './request-window.ts';
import { createSendQueue, type SendQueue } from './send-queue.ts';
import { createUserDirectory, type UserDirectory } from './user-directory.ts';
import { slackClientOptions } from './web-client.ts';

export type SlackMode = 'socket' | 'http' | 'off';

export interface SlackAppDeps {
  readonly env: Pick<Env, 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_API_URL'>;
  /** The notifier's WebClient, for user look-ups (shared cache when `directory` is given too). */
  readonly client: WebClient;
  readonly store: InteractionsDeps['store'] & Pick<Store, 'slackUser' | 'saveSlackUser'>;
  /** HubSpot owners (the CRM adapter's cached `owners()`). */
  readonly owners: () => Promise<readonly Owner[]>;
  /** For "Not a fit" write-back; `null` when HubSpot write-back is not wired. */
  readonly leadWriter: LeadWriter | null;
  readonly config: () => SlaConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly queue?: SendQueue;
  readonly directory?: UserDirectory;
  /** Replaces the Socket Mode / HTTP receiver (tests feed events through `processEvent`). */
  readonly receiver?: Receiver;
}

export interface SlackApp {
  readonly mode: SlackMode;
  /** HTTP mode: `POST /slack/events` to mount on the project's HTTP server. Empty in other modes. */
  readonly routes: readonly Route[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const SLACK_EVENTS_PATH = '/slack/events';

/** Socket Mode with an app token; HTTP with a signing secret; otherwise interactivity is off. */
export function slackMode(env: SlackAppDeps['env']): SlackMode {
  if (!env.SLACK_BOT_TOKEN) return 'off';
  if (env.SLACK_APP_TOKEN) return 'socket';
  if (env.SLACK_SIGNING_SECRET) return 'http';
  return 'off';
}

function offApp(deps: SlackAppDeps): SlackApp {
  const why = deps.env.SLACK_BOT_TOKEN
    ? 'set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP) to enable buttons, /sla and App Home'
    : 'SLACK_BOT_TOKEN is not set';
  return {
    mode: 'off',
    routes: [],
    start: async () => {
      deps.logger.warn({ why }, 'slack interactivity is off; messages are still sent');
    },
    stop: async () => {},
  };
}

/** Runs a Bolt start-up call; a failure names the token it was made with (`run` prints one line). */
async function tagged(token: SlackStartError['token'], call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (err) {
    throw new SlackStartError(token, err);
  }
}

/** The Bolt app for buttons, modals, `/sla` and App Home. Built once, by the composition root. */
export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const mode = slackMode(deps.env);
  const token = deps.env.SLACK_BOT_TOKEN;
  if (mode === 'off' || token === undefined) return offApp(deps);
  const { clock, logger, config } = deps;
  const boltLogger = slackLogger(logger, 'slack-bolt');
  const clientOptions = slackClientOptions({ apiUrl: deps.env.SLACK_API_URL, logger });
  const http =
    mode === 'http' && !deps.receiver
      ? new HTTPReceiver({
          signingSecret: deps.env.SLACK_SIGNING_SECRET ?? '',
          endpoints: [SLACK_EVENTS_PATH],
          logger: boltLogger,
        })
      : null;
  const receiver = deps.receiver ?? http;
  const app = new App({
    token,
    logger: boltLogger,
    clientOptions,
    deferInitialization: true,
    ...(receiver ? { receiver } : { socketMode: true, appToken: deps.env.SLACK_APP_TOKEN ?? '' }),
  });
  app.error(async (err) => {
    logger.error({ err }, 'slack listener failed');
  });
  const queue = deps.queue ?? createSendQueue({ clock, logger });
  const directory =
    deps.directory ?? createUserDirectory({ client: deps.client, store: deps.store, queue, clock, config });
  const interactions = interactionsFromStore({
    store: deps.store,
    owners: deps.owners,
    leadWriter: deps.leadWriter,
    config,
    logger,
  });
  registerListeners(app, { interactions, directory, config, clock, logger, recent: createRecentKeys(clock) });

  return {
    mode,
    routes: http
      ? [
          {
            method: 'POST',
            path: SLACK_EVENTS_PATH,
            handle: withinRequestWindow(http.requestListener, { clock, logger }),
          },
        ]
      : [],
    async start() {
      await tagged('SLACK_BOT_TOKEN', () => app.init()); // auth.test: a wrong bot token fails here
      if (http === null) await tagged('SLACK_APP_TOKEN', () => app.start()); // apps.connections.open
      logger.info({ mode, path: http ? SLACK_EVENTS_PATH : null }, 'slack interactivity on');
    },
    async stop() {
      if (http === null) await app.stop();
    },
  };
}
