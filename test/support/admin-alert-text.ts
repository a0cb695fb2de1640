import { adminAlertBody } from '../../src/i18n/admin-message.ts';
import { translator } from '../../src/i18n/translate.ts';
import { adminAlertText } from '../../src/slack/render/admin-alert-text.ts';

/**
 * An admin alert row's text as an English-speaking admin reads it (the outbox keeps a message key and
 * values since issue 19); `undefined` for a payload that is not an admin alert.
 */
export function alertTextOf(payload: unknown): string | undefined {
  const body = adminAlertBody(payload);
  return body === null ? undefined : adminAlertText(body, translator());
}
