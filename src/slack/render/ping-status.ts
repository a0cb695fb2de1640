import type { Acknowledgement } from '../../domain/model.ts';
import { type Translator, translator } from '../../i18n/translate.ts';
import type { InstanceContext } from '../../ports/notifier.ts';
import { actorName, closedWhy } from './close-why.ts';
import { safe } from './text.ts';
import { slackDate } from './time-format.ts';

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
 * shown closed for this reader, without buttons. The fingerprint does not depend on the language.
 */
export function pingStatus(
  context: InstanceContext,
  zone: string,
  tr: Translator,
  handedOver: string | null = null,
): PingStatus {
  const { t } = tr;
  const { instance, evaluation } = context;
  const lines: string[] = [];
  const state: unknown[] = [];
  const closed = instance.closedAt !== null || handedOver !== null;
  if (handedOver !== null) {
    lines.push(t('status.closed', { why: handedOver }));
    state.push(['handed_over', handedOver]);
  } else if (closed) {
    lines.push(
      t('status.closed', { why: closedWhy(instance.closeReason, instance.closeDetail ?? null, tr) }),
    );
    state.push(['closed', instance.closeReason, instance.closeDetail ?? null]);
  }
  const fc = evaluation.firstContact;
  switch (fc.state) {
    case 'pending':
      // A closed lead waits for nobody: the close line says it all.
      if (!closed) lines.push(t('status.waiting', { deadline: slackDate(fc.deadline, zone, tr) }));
      state.push(['pending', fc.deadline]);
      break;
    case 'met': {
      // A call that did not connect met the deadline, but nobody was reached yet: say so.
      const key = fc.contact === 'attempt' ? 'status.met.attempt' : 'status.met.reached';
      lines.push(t(key, { took: tr.duration(fc.took) }));
      state.push(['met', fc.touchId, fc.contact ?? null]);
      break;
    }
    case 'breached': {
      const excuse = fc.excused ? t('status.excused') : '';
      lines.push(
        fc.contactedAt === null
          ? t('status.breached.none', { deadline: slackDate(fc.deadline, zone, tr), excuse })
          : t(fc.contact === 'attempt' ? 'status.breached.attempt' : 'status.breached.reached', {
              late: tr.duration(fc.lateBy),
              excuse,
            }),
      );
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
    lines.push(t('status.onIt', { who: ackerName(ack), at: slackDate(ack.at, zone, tr) }));
    state.push(['ack', ack.by, ack.byName ?? null]);
  }
  const attempts = evaluation.attempts;
  if (attempts) {
    const counts = { made: attempts.made, required: attempts.required };
    lines.push(
      attempts.state === 'met'
        ? t('status.attempts.met', counts)
        : attempts.state === 'short'
          ? t('status.attempts.short', { ...counts, short: attempts.required - attempts.made })
          : t('status.attempts.open', { ...counts, end: slackDate(attempts.windowEnd, zone, tr) }),
    );
    if (attempts.overkill && attempts.atMost !== null)
      lines.push(t('status.overkill', { atMost: attempts.atMost }));
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
export const pingFingerprint = (context: InstanceContext): string =>
  pingStatus(context, 'UTC', translator()).fingerprint;
