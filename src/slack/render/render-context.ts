import type { Instant } from '../../domain/time.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { InstanceContext } from '../../ports/notifier.ts';

/** Everything a renderer needs besides the notification itself; resolved by the notifier first. */
export interface RenderContext {
  readonly context: InstanceContext;
  readonly now: Instant;
  /** The reader's IANA zone (users.info `tz`), or the config's default zone for channels. */
  readonly zone: string;
  /** The reader's language (Slack locale, else the team's, else the file's): all text comes from it. */
  readonly t: Translator;
  /** The owner as readers should see them: a `<@U…>` mention when known, else name or e-mail. */
  readonly ownerName: string;
  /** The configured stage's label (`SQL`). */
  readonly stageLabel: string;
  /** Set when this copy reaches someone other than the intended recipient: who, and why. */
  readonly fallbackNote: string | null;
  /**
   * `reports.dashboard_url` of the SLA file: escalations then link to the lead's timeline on the
   * dashboard. Absent or `null`: no link.
   */
  readonly dashboardUrl?: string | null;
  /**
   * This copy of an escalation is read in the lead's team channel and HubSpot write-back is on: it
   * offers "Take it" (issue 18). Absent or `false`: no button.
   */
  readonly takeIt?: boolean;
}

/** ` (owner: …)` when this copy reaches someone other than the owner, so they know whose lead it is. */
export const ownerNote = (rc: RenderContext): string =>
  rc.fallbackNote === null ? '' : rc.t.t('note.owner', { owner: rc.ownerName });
