import type { DueNotification } from '../../domain/evaluation.ts';
import type { Instant } from '../../domain/time.ts';
import { MINUTE } from '../../domain/time.ts';
import type { Translator } from '../../i18n/translate.ts';

/** Deliveries later than this say so, so nobody mistakes a delayed alert for a fresh one. */
export const LATE_AFTER = 2 * MINUTE;

export function lateNote(
  notification: Pick<DueNotification, 'dueAt'>,
  now: Instant,
  t: Translator,
): string | null {
  const late = now - notification.dueAt;
  if (late < LATE_AFTER) return null;
  return t.t('note.late', { late: t.duration(late) });
}
