import type { Clock } from '../clock/clock.ts';
import type { SlaConfig } from '../config/types.ts';
import type { Language } from '../i18n/language.ts';
import { type Translator, translator } from '../i18n/translate.ts';
import type { Logger } from '../log/logger.ts';
import type { Owner } from '../ports/crm-source.ts';
import type { EditResult, InstanceContext, MessageCopy, MessageEdit } from '../ports/notifier.ts';
import { SlackCallError } from './errors.ts';
import { ownerPlainName } from './owner-name.ts';
import { callErrorResult, failureResult, type Poster } from './poster.ts';
import { teamLanguage } from './reader-language.ts';
import type { RecipientResolver } from './recipients.ts';
import { endingWhy } from './render/close-why.ts';
import { pingFallbackNote } from './render/fallback-note.ts';
import { renderAsTrue } from './render/notification.ts';
import { renderPing } from './render/ping.ts';
import type { RenderContext } from './render/render-context.ts';
import { offersTakeIt } from './take-it-offer.ts';
import type { UserDirectory } from './user-directory.ts';

export interface UpdateInPlaceDeps {
  readonly poster: Poster;
  readonly resolver: Pick<RecipientResolver, 'owner'>;
  readonly directory: Pick<UserDirectory, 'byEmail'>;
  /** How messages name the owner (a mention when known, see `createOwnerNamer`). */
  readonly ownerName: (owner: Owner | null) => Promise<string>;
  readonly config: () => SlaConfig;
  readonly stageLabel: (stage: string) => string;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * `Notifier.update` on Slack (issue 15): every copy of a sent message re-rendered for what is true now
 * and replaced with `chat.update` (SD-28) through the send queue, the row claimed before each request
 * (`MessageEdit.claim`). A copy Slack no longer has, or will not change, is left as it is; a transient
 * failure stops here (the whole update is tried again later: replacing twice is harmless).
 */
export function createUpdateInPlace(deps: UpdateInPlaceDeps): (e: MessageEdit) => Promise<EditResult> {
  const { poster, logger } = deps;

  /** The zone a copy recorded without one (sent before it was kept) is read in: the owner's in a DM. */
  async function readerZone(copy: MessageCopy, ctx: InstanceContext): Promise<string> {
    const fallback = deps.config().timezone;
    if (copy.zone !== undefined) return copy.zone;
    if (!copy.channel.startsWith('D') || !ctx.owner?.email) return fallback;
    const found = await deps.directory.byEmail(ctx.owner.email);
    return found.kind === 'found' ? (found.user.zone ?? fallback) : fallback;
  }

  /**
   * The language a copy is read in: as recorded, else (sent before it was kept) the lead's team's,
   * without a look-up (such a copy was English; any reader of it is in or near the team).
   */
  const readerLanguage = (copy: MessageCopy, ctx: InstanceContext): Language =>
    copy.language ?? teamLanguage(deps.config(), ctx.team);

  /**
   * The banner a copy carried. A ping's is rebuilt from resolving the owner again, so it stays true
   * (an out-of-office reason that is over is left out); a ping copy recorded without its banner (sent
   * before it was kept) had one when it is outside a DM. Other kinds keep theirs as it was.
   */
  async function copyNote(copy: MessageCopy, e: MessageEdit, t: Translator): Promise<string | null> {
    if (e.notification.reason.kind !== 'handoff') return copy.note ?? null;
    const hadOne = copy.note === undefined ? !copy.channel.startsWith('D') : copy.note !== null;
    return hadOne ? pingFallbackNote(await deps.resolver.owner(e.context.owner, e.now), t) : null;
  }

  async function update(e: MessageEdit): Promise<EditResult> {
    const ctx = e.context;
    const name = await deps.ownerName(ctx.owner);
    const base = {
      context: ctx,
      now: e.now,
      ownerName: name,
      stageLabel: deps.stageLabel(ctx.instance.stage),
      dashboardUrl: deps.config().reports.dashboardUrl,
    };
    const reason = e.notification.reason;
    const plainOwner = ownerPlainName(ctx.owner);
    const skipped: string[] = [];
    for (const copy of e.copies) {
      const t = translator(readerLanguage(copy, ctx));
      // A copy outside a DM of a message to the team channel is read there ("Take it", issue 18).
      const inTeamChannel =
        !copy.channel.startsWith('D') && e.notification.targets.some((x) => x.kind === 'team_channel');
      const rc: RenderContext = {
        ...base,
        zone: await readerZone(copy, ctx),
        t,
        fallbackNote: await copyNote(copy, e, t),
        takeIt: offersTakeIt(deps.config(), reason, ctx, inTeamChannel),
      };
      const message =
        reason.kind === 'handoff'
          ? renderPing(rc, undefined, e.truth.state === 'ended' ? endingWhy(e.truth.ending, name, t) : null)
          : renderAsTrue(rc, reason, e.truth, null, plainOwner);
      const out = await poster.update(copy, message, e.claim ?? null);
      if (out.ok) continue;
      if (out.failure.kind === 'permanent' || out.failure.kind === 'unreachable') {
        logger.warn(
          { key: e.key, channel: copy.channel, ts: copy.ts, code: out.failure.code },
          'message copy left as it is',
        );
        skipped.push(`${copy.channel}/${copy.ts}: ${out.failure.code}`);
        continue;
      }
      return asEditResult(failureResult(out, e.now, `update ${copy.channel}`), out.failure.code);
    }
    if (e.copies.length > 0 && skipped.length === e.copies.length)
      return { status: 'failed', error: skipped.join('; ') };
    return { status: 'edited', skipped };
  }

  /** A Slack failure while looking someone up for an update: tried again later. */
  return async (e) => {
    try {
      return await update(e);
    } catch (err) {
      if (!(err instanceof SlackCallError)) throw err;
      return asEditResult(callErrorResult(err, deps.clock.now()), err.message);
    }
  };
}

const asEditResult = (result: ReturnType<typeof failureResult>, code: string): EditResult =>
  result.status === 'retry'
    ? { status: 'retry', error: result.error, retryAt: result.retryAt }
    : { status: 'failed', error: 'error' in result ? result.error : code };
