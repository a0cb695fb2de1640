import type { WebClient } from '@slack/web-api';
import type { Clock } from '../clock/clock.ts';
import type { SlaConfig } from '../config/types.ts';
import { messageTruth, ownerKeyOf } from '../domain/message-truth.ts';
import type { Millis } from '../domain/time.ts';
import { translator } from '../i18n/translate.ts';
import type { Logger } from '../log/logger.ts';
import type { InstanceView } from '../ports/interactions.ts';
import type {
  AdminAlert,
  Delivery,
  HomeRefresh,
  MessageRef,
  Notifier,
  RetractResult,
  SendResult,
} from '../ports/notifier.ts';
import type { Store } from '../ports/store.ts';
import { createAdminNotice } from './admin-notice.ts';
import type { ChannelDirectory } from './channel-directory.ts';
import { SlackCallError } from './errors.ts';
import { createPostFinder } from './find-posted.ts';
import { type AmbiguousResolution, createKeyedPost } from './keyed-post.ts';
import { byUrgencyThenScore } from './lead-urgency.ts';
import { createOwnerNamer, ownerPlainName } from './owner-name.ts';
import { callErrorResult, createPoster, failureResult } from './poster.ts';
import { personLanguage } from './reader-language.ts';
import { createRecipientResolver, type Recipient, recipientChannel, recipientLabel } from './recipients.ts';
import { renderAdminAlert } from './render/admin-alert.ts';
import type { Message } from './render/blocks.ts';
import { fallbackNote } from './render/fallback-note.ts';
import { lateNote } from './render/late-note.ts';
import { renderHome } from './render/lead-list-message.ts';
import { renderAsTrue, renderNotification } from './render/notification.ts';
import { createSendQueue, type SendQueue } from './send-queue.ts';
import { offersTakeIt } from './take-it-offer.ts';
import { type Unreachable, unreachable } from './unreachable.ts';
import { createUpdateInPlace } from './update-in-place.ts';
import { createUserDirectory, type UserDirectory } from './user-directory.ts';
import { sendWithFallback } from './with-fallback.ts';

export interface SlackNotifierDeps {
  readonly client: WebClient;
  /** The current SLA config (hot reload: read on every send). */
  readonly config: () => SlaConfig;
  readonly store: Pick<Store, 'slackUser' | 'saveSlackUser' | 'enqueue'>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Shared with the Slack app when given, so both pace and cache together. */
  readonly queue?: SendQueue;
  readonly directory?: UserDirectory;
  /** Counts how ambiguous sends were settled (`sla_bot_slack_ambiguous_sends_total`). */
  readonly onAmbiguous?: (resolution: AmbiguousResolution) => void;
  /** Least time between `conversations.history` look-ups (default: one minute, the strict reading). */
  readonly historySpacing?: Millis;
  /** The SLA file's `#name` channels as ids (SD-15); absent: posted to by name. */
  readonly channels?: Pick<ChannelDirectory, 'idFor'>;
}

/** The `Notifier` port on Slack: resolution, rendering, pacing and classification. */
export function createSlackNotifier(deps: SlackNotifierDeps): Notifier {
  const { client, config, clock, logger } = deps;
  const queue = deps.queue ?? createSendQueue({ clock, logger });
  const directory =
    deps.directory ?? createUserDirectory({ client, store: deps.store, queue, clock, config });
  const resolver = createRecipientResolver({
    directory,
    config,
    ...(deps.channels ? { channels: deps.channels } : {}),
  });
  const tellOnce = createAdminNotice({ store: deps.store, logger });
  const poster = createPoster(client, queue);
  const finder = createPostFinder({
    client,
    queue,
    logger,
    ...(deps.historySpacing === undefined ? {} : { historySpacing: deps.historySpacing }),
  });
  const keyed = createKeyedPost({
    poster,
    finder,
    clock,
    logger,
    ...(deps.onAmbiguous ? { onResolved: deps.onAmbiguous } : {}),
  });
  const ownerName = createOwnerNamer(directory, logger);

  const stageLabel = (stage: string): string => config().stages.find((s) => s.key === stage)?.label ?? stage;
  const updateInPlace = createUpdateInPlace({
    poster,
    resolver,
    directory,
    ownerName,
    config,
    stageLabel,
    clock,
    logger,
  });

  async function deliver(d: Delivery): Promise<SendResult> {
    const ctx = d.context;
    const plan = await resolver.plan(d.target, ctx, d.now);
    const base = {
      context: ctx,
      now: d.now,
      ownerName: await ownerName(ctx.owner),
      stageLabel: stageLabel(ctx.instance.stage),
      dashboardUrl: config().reports.dashboardUrl,
    };
    const reason = d.notification.reason;
    // What is true now: a breach note sent after the lead was contacted says so (issue 15).
    const truth = messageTruth(
      { reason, aboutOwner: ownerKeyOf(ctx.instance) },
      ctx.instance,
      ctx.evaluation,
    );
    const plainOwner = ownerPlainName(ctx.owner);
    const teamChannel = ctx.team?.channel ?? null;
    const render = (r: Recipient, fallbackNote: string | null) => {
      const t = translator(r.language);
      const inTeamChannel = r.kind === 'channel' && teamChannel !== null && recipientLabel(r) === teamChannel;
      const takeIt = offersTakeIt(config(), reason, ctx, inTeamChannel);
      const rc = { ...base, zone: r.zone, t, fallbackNote, takeIt };
      const late = lateNote(d.notification, d.now, t);
      return reason.kind === 'handoff'
        ? renderNotification(rc, reason, late)
        : renderAsTrue(rc, reason, truth, late, plainOwner);
    };

    const since = d.inDoubtSince ?? null;
    const post = (channel: string, message: Message) => keyed(channel, message, d.key, since, d.claim);
    let miss: Unreachable;
    if (plan.primary.ok) {
      const r = plan.primary.recipient;
      const out = await post(recipientChannel(r), render(r, null));
      if (out.ok)
        return {
          status: 'sent',
          ref: out.value,
          fallback: null,
          copies: [{ ...out.value, zone: r.zone, note: null, language: r.language }],
        };
      if (out.failure.kind !== 'unreachable') return failureResult(out, d.now, recipientLabel(r));
      miss = unreachable(recipientLabel(r), out.failure.code);
    } else {
      miss = plan.primary.unreachable;
    }
    const targeted = new Set<string>(d.notification.targets.map((t) => t.kind));
    const fallbacks = (await plan.fallbacks(targeted)).map((f) => f.recipient);
    await tellOnce(miss, fallbacks.map(recipientLabel), d.now);
    const noteFor = (r: Recipient) => fallbackNote(miss.who, miss.code, translator(r.language));
    return sendWithFallback({
      miss,
      fallbacks,
      render: (r) => render(r, noteFor(r)),
      noteFor,
      post,
      tellOnce,
      now: d.now,
      logger,
    });
  }

  async function alertAdmins(alert: AdminAlert): Promise<SendResult> {
    const now = clock.now();
    const admins = await resolver.admins(now);
    if (admins.length === 0)
      return { status: 'failed', error: 'no_admins: set slack.admins in the SLA file' };
    const recipients = admins.map((a) => a.recipient);
    return sendWithFallback({
      miss: null,
      fallbacks: recipients,
      render: (r) => renderAdminAlert(alert, translator(r.language)),
      post: (channel, m) => keyed(channel, m, alert.key, alert.inDoubtSince ?? null, alert.claim),
      tellOnce: null,
      now,
      logger,
    });
  }

  /** The same App Home the `app_home_opened` listener publishes, pushed when the rep's leads changed. */
  async function refreshHome(
    email: string,
    leads: readonly InstanceView[],
    now: number,
    more = 0,
  ): Promise<HomeRefresh> {
    let found: Awaited<ReturnType<UserDirectory['byEmail']>>;
    try {
      found = await directory.byEmail(email);
    } catch (err) {
      if (err instanceof SlackCallError) return { status: 'failed', error: err.message };
      throw err;
    }
    if (found.kind === 'not_found') return { status: 'skipped', reason: 'users_not_found' };
    if (found.user.deleted) return { status: 'skipped', reason: 'user_deactivated' };
    const userId = found.user.id;
    const language = personLanguage(config(), email, found.user.locale);
    const view = renderHome(byUrgencyThenScore(leads, now), {
      now,
      more,
      zone: config().timezone,
      t: translator(language),
      stageLabel,
    });
    const out = await queue.run(`home:${userId}`, 0, () => client.views.publish({ user_id: userId, view }));
    return out.ok ? { status: 'published' } : { status: 'failed', error: out.failure.code };
  }

  const guard =
    <A extends unknown[]>(fn: (...args: A) => Promise<SendResult>) =>
    async (...args: A): Promise<SendResult> => {
      try {
        return await fn(...args);
      } catch (err) {
        if (err instanceof SlackCallError) return callErrorResult(err, clock.now());
        throw err;
      }
    };

  /** Deletes a duplicate copy (ADR 0012); one already gone counts as deleted. */
  async function retract(ref: MessageRef): Promise<RetractResult> {
    try {
      const out = await poster.remove(ref);
      return out.ok ? { status: 'deleted' } : { status: 'failed', error: out.failure.code };
    } catch (err) {
      if (err instanceof SlackCallError) return { status: 'failed', error: err.message };
      throw err;
    }
  }

  return {
    send: guard(deliver),
    update: updateInPlace,
    alertAdmins: guard(alertAdmins),
    refreshHome,
    retract,
  };
}
