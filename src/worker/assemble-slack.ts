import type { HubSpotSource } from '../hubspot/index.ts';
import type { Logger } from '../log/logger.ts';
import type { LeadWriter } from '../ports/lead-writer.ts';
import type { Store } from '../ports/store.ts';
import { slackDigestPoster } from '../reports/digest/slack-digest-poster.ts';
import { userIdFrom } from '../reports/worker-reports.ts';
import type { Metrics } from '../server/metrics.ts';
import { createSlackApp } from '../slack/app.ts';
import { createChannelDirectory } from '../slack/channel-directory.ts';
import { createSlackNotifier } from '../slack/notifier.ts';
import { checkSlackScopes } from '../slack/scope-check.ts';
import { createSendQueue } from '../slack/send-queue.ts';
import { createUserDirectory } from '../slack/user-directory.ts';
import { createSlackWebClient } from '../slack/web-client.ts';
import type { AppInput } from './assemble-app.ts';
import type { ConfigHolder } from './config-reloader.ts';
import { createDryRunNotifier } from './dry-run-notifier.ts';
import type { WorkerEvents } from './events.ts';
import { observeSlackFetch } from './observe/slack-requests.ts';
import { announceCloses } from './observe/store-closes.ts';

/**
 * The Slack adapters of the running bot: the notifier, the Bolt app, the digest poster, the
 * channel directory and the start-up check of the bot token — or, for a dry run, a notifier that
 * only logs. Built only by the composition root (`buildApp`, src/main.ts). Its one reason to
 * change: how the Slack side is put together.
 */

/** What the Slack adapters are built around. */
export interface SlackWiring {
  readonly holder: ConfigHolder;
  readonly store: Store;
  readonly crm: HubSpotSource;
  readonly leadWriter: LeadWriter | null;
  readonly events: WorkerEvents;
  readonly metrics: Metrics;
}

/** The Slack adapters for SLACK_BOT_TOKEN; `botToken` `null` (a dry run): a notifier that only logs. */
export const assembleSlack = (input: AppInput, botToken: string | null, w: SlackWiring) =>
  botToken === null ? dryRunSlack(input.logger) : slackAdapters(input, botToken, w);

const dryRunSlack = (logger: Logger) => ({
  notifier: createDryRunNotifier(logger),
  slackApp: null,
  digestPoster: null,
  channels: null,
  verifySlack: null,
});

/** The notifier and the Bolt app share one WebClient, send queue and user directory. */
function slackAdapters(input: AppInput, botToken: string, w: SlackWiring) {
  const { env, clock, logger } = input;
  const { holder, store, crm } = w;
  const config = () => holder.current;
  const client = createSlackWebClient(botToken, {
    apiUrl: env.SLACK_API_URL,
    logger,
    fetch: observeSlackFetch(globalThis.fetch, w.metrics.slackRequest),
  });
  const queue = createSendQueue({ clock, logger });
  const directory = createUserDirectory({ client, store, queue, clock, config });
  // The SLA file's "#name" channels become ids at start-up and on reload (SD-15); the token's scopes
  // are checked once at start-up (SD-12).
  const directoryOfChannels = createChannelDirectory({
    client,
    queue,
    store,
    clock,
    logger,
    refs: () => config().channels ?? [],
  });
  let scopesChecked = false;
  const channels = {
    idFor: directoryOfChannels.idFor,
    check: async () => {
      if (!scopesChecked) await checkSlackScopes({ client, store, clock, logger });
      scopesChecked = true;
      return directoryOfChannels.check();
    },
  };
  const notifier = createSlackNotifier({
    client,
    config,
    store,
    clock,
    logger,
    queue,
    directory,
    channels,
    onAmbiguous: w.metrics.slackAmbiguousSend,
  });
  const slackApp = input.once
    ? null
    : createSlackApp({
        env,
        client,
        // "Not a fit" closes instances in the store; the worker hears of it and stops judging them.
        store: announceCloses(store, (closed) => w.events.emit('instance:closed', closed)),
        owners: () => crm.owners(),
        leadWriter: w.leadWriter,
        config,
        clock,
        logger,
        queue,
        directory,
      });
  const digestPoster = input.once
    ? null
    : slackDigestPoster({ client, clock, userIdOf: userIdFrom(directory) });
  // auth.test: Slack answers, and accepts the bot token.
  const verifySlack = () => client.auth.test();
  return { notifier, slackApp, digestPoster, channels, verifySlack };
}
