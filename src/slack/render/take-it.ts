import type { Instant } from '../../domain/time.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { Block } from './blocks.ts';
import { actions, button, context } from './common-blocks.ts';
import { ACTION } from './ids.ts';
import { LIMITS } from './limits.ts';
import type { RenderContext } from './render-context.ts';
import { safe } from './text.ts';
import { slackDate } from './time-format.ts';

/** What a "Take it" button carries: the instance, the deadline whose breach is escalated, the team. */
export interface TakeIt {
  readonly instanceId: string;
  readonly deadline: Instant;
  readonly team: string;
}

/** The block of the button, found again by the listener to remove it from the clicked message. */
export const TAKE_IT_BLOCK = 'take_it_actions';

export const takeItValue = (v: TakeIt): string =>
  JSON.stringify({ i: v.instanceId, d: v.deadline, t: v.team });

/** The button's value as the listener gets it back; `null` when it is not one of ours. */
export function parseTakeItValue(raw: string | undefined): TakeIt | null {
  try {
    const v: unknown = JSON.parse(raw ?? '');
    if (typeof v !== 'object' || v === null) return null;
    const { i, d, t } = v as Record<string, unknown>;
    return typeof i === 'string' && typeof d === 'number' && Number.isFinite(d) && typeof t === 'string'
      ? { instanceId: i, deadline: d, team: t }
      : null;
  } catch {
    return null;
  }
}

/** "Taken by Eva at 10:42" (mrkdwn; the time in the reader's zone). */
export const takenByLine = (t: Translator, zone: string, who: string, at: Instant): string =>
  t.t('takeIt.takenBy', { who: safe(who, 80), at: slackDate(at, zone, t) });

/**
 * An escalation's "Take it" part (issue 18), a block of its own: "Taken by …" once a teammate claimed
 * the lead for this deadline; else the button, where the notifier offers it (`rc.takeIt`: a copy in
 * the lead's team channel, HubSpot write-back on); else nothing.
 */
export function takeItBlocks(rc: RenderContext, deadline: Instant): Block[] {
  const taken = rc.context.takenBy ?? null;
  if (taken !== null) return [context([takenByLine(rc.t, rc.zone, taken.name, taken.at)])];
  const team = rc.context.team;
  if (rc.takeIt !== true || team === null || rc.context.instance.closedAt !== null) return [];
  const value = takeItValue({ instanceId: rc.context.instance.id, deadline, team: team.name });
  if (value.length > LIMITS.buttonValue) return []; // clipped, it would not parse back
  const block = actions(TAKE_IT_BLOCK, [button(ACTION.takeIt, rc.t.t('button.takeIt'), value, 'primary')]);
  return block === null ? [] : [block];
}
