import type { Acknowledgement } from '../../domain/model.ts';
import type { InstanceContext } from '../../ports/notifier.ts';
import { actorName, closedWhy } from './close-why.ts';
import { safe } from './text.ts';
import { formatDuration, slackDate } from './time-format.ts';

/** What the handoff ping shows about the SLA state, and whether its buttons still make sense. */
export interface PingStatus {
  readonly lines: readonly string[];
  /** Changes exactly when what the ping shows changes (never with the mere passing of time). */
  readonly fingerprint: string;
  readonly showOnIt: boolean;
  readonly showNotAFit: boolean;
}

export { actorName } from './close-why.ts';

/** Who pressed "On it": their name as recorded with it, else what `actorName` makes of who it was. */
const ackerName = (ack: Acknowledgement): string => (ack.byName ? safe(ack.byName, 120) : actorName(ack.by));

/**
 * `handedOver`: the lead went to another rep since this ping was sent (why, as `endingWhy` says it):
 * shown closed for this reader, without buttons.
 */
export function pingStatus(
  context: InstanceContext,
  zone: string,
  handedOver: string | null = null,
): PingStatus {
  const { instance, evaluation } = context;
  const lines: string[] = [];
  const state: unknown[] = [];
  const closed = instance.closedAt !== null || handedOver !== null;
  if (handedOver !== null) {
    lines.push(`:white_check_mark: Closed: ${handedOver}.`);
    state.push(['handed_over', handedOver]);
  } else if (closed) {
    lines.push(
      `:white_check_mark: Closed: ${closedWhy(instance.closeReason, instance.closeDetail ?? null)}.`,
    );
    state.push(['closed', instance.closeReason, instance.closeDetail ?? null]);
  }
  const fc = evaluation.firstContact;
  switch (fc.state) {
    case 'pending':
      // A closed lead waits for nobody: the close line says it all.
      if (!closed)
        lines.push(
          `:hourglass_flowing_sand: Waiting for first contact, deadline ${slackDate(fc.deadline, zone)}.`,
        );
      state.push(['pending', fc.deadline]);
      break;
    case 'met': {
      // A call that did not connect met the deadline, but nobody was reached yet: say so.
      const what = fc.contact === 'attempt' ? 'First attempt' : 'Contacted';
      lines.push(`:white_check_mark: ${what} in ${formatDuration(fc.took)} ✓`);
      state.push(['met', fc.touchId, fc.contact ?? null]);
      break;
    }
    case 'breached': {
      const excuse = fc.excused
        ? ' The deadline fell in an outage of HubSpot or Slack: not counted against you.'
        : '';
      const what =
        fc.contactedAt === null
          ? `deadline ${slackDate(fc.deadline, zone)} passed with no contact logged yet.`
          : `${fc.contact === 'attempt' ? 'first attempt' : 'contacted'} ${formatDuration(fc.lateBy)} late.`;
      lines.push(`:red_circle: Breached: ${what}${excuse}`);
      state.push([
        'breached',
        fc.contactedAt,
        fc.contactedAt === null ? null : fc.lateBy,
        fc.contact ?? null,
        fc.excused,
      ]);
      break;
    }
  }
  const ack = evaluation.acknowledged;
  if (ack) {
    // A date token, like the deadline: each reader sees it in their own zone (`09:38` today).
    lines.push(`:wave: On it: ${ackerName(ack)} at ${slackDate(ack.at, zone)}.`);
    state.push(['ack', ack.by, ack.byName ?? null]);
  }
  const attempts = evaluation.attempts;
  if (attempts) {
    const tail =
      attempts.state === 'met'
        ? ' ✓'
        : attempts.state === 'short'
          ? `: window closed ${attempts.required - attempts.made} short.`
          : `, window ends ${slackDate(attempts.windowEnd, zone)}.`;
    lines.push(`:telephone_receiver: Attempts ${attempts.made} of ${attempts.required}${tail}`);
    if (attempts.overkill && attempts.atMost !== null)
      lines.push(`:warning: More than ${attempts.atMost} attempts: time to stop chasing this one.`);
    state.push(['attempts', attempts.made, attempts.required, attempts.state, attempts.overkill]);
  }
  return {
    lines,
    fingerprint: JSON.stringify(state),
    showOnIt: !closed && ack === null && fc.state !== 'met',
    showNotAFit: !closed,
  };
}

/** The fingerprint the worker stores with the ping (`Store.setPing`) to update it only on change. */
export const pingFingerprint = (context: InstanceContext): string => pingStatus(context, 'UTC').fingerprint;
