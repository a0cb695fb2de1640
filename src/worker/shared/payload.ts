import type { DueNotification } from '../../domain/evaluation.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Checks an outbox payload read back from the store is a notification the engine produced. */
export function asNotification(payload: unknown): DueNotification | null {
  if (!isObject(payload)) return null;
  const { key, kind, instanceId, dueAt, targets, reason } = payload;
  const ok =
    typeof key === 'string' &&
    typeof kind === 'string' &&
    typeof instanceId === 'string' &&
    typeof dueAt === 'number' &&
    Array.isArray(targets) &&
    isObject(reason) &&
    typeof reason.kind === 'string';
  // The store round-trips what `evaluateOpen` wrote, so a well-formed shape is the engine's type.
  return ok ? (payload as unknown as DueNotification) : null;
}

/** What an admin alert row says: a catalogue message, or (queued by an older version) finished text. */
export { adminAlertBody as alertBody } from '../../i18n/admin-message.ts';
