/**
 * Text helpers for Block Kit: escaping of HubSpot-supplied text and length-safe clipping. Slack parses
 * `<…>` markup in message `text`, mrkdwn and (on the stricter reading) plain_text alike, so every text
 * from outside (lead fields, owner names, config labels, error messages) is escaped wherever it goes.
 * Lengths are measured in UTF-16 code units (what Slack's limits count, and never less than
 * characters); cuts fall on code-point boundaries, so emoji and other astral characters stay whole.
 */

import { LIMITS } from './limits.ts';

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

/** Escapes the three characters Slack treats as markup (`&`, `<`, `>`) in any text it parses. */
export const escapeMrkdwn = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes `text` and cuts it so the escaped result is at most `max` UTF-16 units (what Slack counts),
 * ending in `…` when it had to cut; never cuts inside an entity or a code point.
 */
export function fitEscaped(text: string, max: number): string {
  const full = escapeMrkdwn(text);
  if (full.length <= max) return full;
  if (max <= 0) return '';
  let out = '';
  for (const ch of text) {
    const piece = ENTITY[ch] ?? ch;
    if (out.length + piece.length > max - ELLIPSIS.length) break;
    out += piece;
  }
  return out + ELLIPSIS;
}

/**
 * The top-level `text` of a message (the notification and screen-reader fallback): Slack parses it like
 * mrkdwn, so all of it is escaped; it carries no markup of ours. At most `LIMITS.fallbackText` units.
 */
export const fallbackText = (raw: string): string => fitEscaped(raw, LIMITS.fallbackText);

/** HubSpot (or other outside) text on one line, escaped, at most `max` units: safe anywhere Slack parses. */
export const safe = (text: string, max: number): string => fitEscaped(oneLine(text), max);

/** Collapses newlines and runs of whitespace (HubSpot fields sometimes carry them). */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A URL inside `<…>`: `&` escaped like everywhere else (Slack decodes it back). */
const target = (url: string): string => url.replaceAll('&', '&amp;');

/**
 * A label inside `<url|label>`, already escaped by the caller; any `<` or `>` left would end the link
 * early, so they are escaped here too (a `|` is harmless: the label runs from the first `|` to `>`).
 */
const label = (text: string): string => text.replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** `<url|label>`; the URL must be absolute http(s), otherwise only the label is shown. */
export function link(url: string, text: string): string {
  if (url.length > 1000 || !/^https?:\/\/[^\s<>|]+$/.test(url)) return label(text);
  return `<${target(url)}|${label(text)}>`;
}

/** A `tel:` link that phones open with one tap; the label stays the number as HubSpot has it. */
export function phoneLink(phone: string): string {
  const shown = safe(phone, 40);
  const dial = phone.replace(/[^\d+]/g, '');
  const digits = dial.replace('+', '').length;
  if (digits < 3 || digits > 20) return shown;
  return `<tel:${dial}|${shown}>`;
}

export function mailLink(email: string): string {
  const shown = safe(email, 120);
  if (email.length > 254 || !/^[^\s<>|@]+@[^\s<>|@]+$/.test(email)) return shown;
  return `<mailto:${target(email)}|${shown}>`;
}

/** A Slack mention for a user id (`U…`/`W…`, nothing that could end the markup), or the escaped name. */
export const mention = (slackUserId: string | null, fallbackName: string): string =>
  slackUserId && /^[UW][A-Z0-9_]+$/.test(slackUserId) ? `<@${slackUserId}>` : safe(fallbackName, 120);
