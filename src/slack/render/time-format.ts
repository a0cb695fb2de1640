import type { Instant, Millis } from '../../domain/time.ts';
import { SECOND } from '../../domain/time.ts';
import { type Translator, translator } from '../../i18n/translate.ts';

/** `45s`, `3m12s`, `2h05m`, `3d4h` — short enough for a status line (English; see `Translator.duration`). */
export const formatDuration = (ms: Millis): string => translator().duration(ms);

/** A wall-clock time in a zone, for plain-text fallbacks: `Tue 14:05 CET` (English; see `Translator.localTime`). */
export const localTime = (at: Instant, zone: string): string => translator().localTime(at, zone);

/**
 * Slack's date token: every reader sees it in their own time zone and Slack language (`today at
 * 14:05`); clients that cannot render it show the fallback, computed in the zone we believe the reader
 * is in, in the reader's language (`t`; English when not given).
 */
export function slackDate(at: Instant, zone: string, t: Translator = translator()): string {
  const seconds = Math.floor(at / SECOND);
  return `<!date^${seconds}^{date_short_pretty} {time}|${t.localTime(at, zone)}>`;
}
