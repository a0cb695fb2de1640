import type { MessageKey } from './catalogue/index.ts';

/** The catalogue keys of admin alert texts. */
export type AdminMessageKey = Extract<MessageKey, `alert.${string}`>;

/** A value an admin alert's text is made from: a name, a number, an instant (epoch millis), a list. */
export type AdminValue = string | number | boolean | readonly string[];

/**
 * An admin alert as the outbox keeps it (issue 19): a catalogue key (`alert.*`) and its values, raw —
 * instants as epoch millis, counts as numbers, names and error texts as given. It is rendered when it
 * is delivered, in each admin's language (`src/slack/render/admin-alert-text.ts`).
 */
export interface AdminMessage {
  readonly key: string;
  readonly values: Readonly<Record<string, AdminValue>>;
}

/**
 * What an admin alert says: a message to render, or — a row queued by an older version — finished
 * English text, delivered as it is.
 */
export type AdminAlertBody = { readonly message: AdminMessage } | { readonly text: string };

export const adminMessage = (
  key: AdminMessageKey,
  values: Readonly<Record<string, AdminValue>> = {},
): AdminMessage => ({
  key,
  values,
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const isValue = (v: unknown): v is AdminValue =>
  typeof v === 'string' ||
  typeof v === 'number' ||
  typeof v === 'boolean' ||
  (Array.isArray(v) && v.every((s) => typeof s === 'string'));

/** The body of an admin alert row read back from the store; `null` when it is neither shape. */
export function adminAlertBody(payload: unknown): AdminAlertBody | null {
  if (!isObject(payload)) return null;
  const m = payload.message;
  if (isObject(m) && typeof m.key === 'string' && isObject(m.values)) {
    const values = m.values;
    if (Object.values(values).every(isValue))
      return { message: { key: m.key, values: values as Readonly<Record<string, AdminValue>> } };
    return null;
  }
  return typeof payload.text === 'string' ? { text: payload.text } : null;
}
