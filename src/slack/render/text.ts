/**
 * Text helpers for Block Kit: escaping of HubSpot-supplied text and length-safe clipping.
 * Lengths are measured in UTF-16 code units (what Slack's limits count, and never less than
 * characters); cuts fall on code-point boundaries, so emoji and other astral characters stay whole.
 */

const ELLIPSIS = '…';

/** Cuts `text` to at most `max` UTF-16 units, ending in `…` when it had to cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max - ELLIPSIS.length) break;
    out += ch;
  }
  return out + ELLIPSIS;
}

/** Escapes the three characters mrkdwn treats as markup. */
export const escapeMrkdwn = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Clips the raw text first, then escapes it: the result never ends in half an entity. */
export const safe = (text: string, max: number): string => escapeMrkdwn(clip(oneLine(text), max));

/** Collapses newlines and runs of whitespace (HubSpot fields sometimes carry them). */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** `<url|label>`; the URL must be absolute http(s), otherwise only the label is shown. */
export function link(url: string, label: string): string {
  if (url.length > 1000 || !/^https?:\/\/[^\s<>|]+$/.test(url)) return label;
  return `<${url}|${label}>`;
}

/** A `tel:` link that phones open with one tap; the label stays the number as HubSpot has it. */
export function phoneLink(phone: string): string {
  const label = safe(phone, 40);
  const dial = phone.replace(/[^\d+]/g, '');
  const digits = dial.replace('+', '').length;
  if (digits < 3 || digits > 20) return label;
  return `<tel:${dial}|${label}>`;
}

export function mailLink(email: string): string {
  const label = safe(email, 120);
  if (email.length > 254 || !/^[^\s<>|@]+@[^\s<>|@]+$/.test(email)) return label;
  return `<mailto:${email}|${label}>`;
}

/** A Slack mention for a user id, or the plain (escaped) fallback name. */
export const mention = (slackUserId: string | null, fallbackName: string): string =>
  slackUserId ? `<@${slackUserId}>` : safe(fallbackName, 120);
