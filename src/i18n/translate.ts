import { DateTime } from 'luxon';
import { DAY, HOUR, type Instant, MINUTE, type Millis, SECOND } from '../domain/time.ts';
import { CATALOGUES, type Catalogue, GERMAN_INFORMAL, type MessageKey } from './catalogue/index.ts';
import { ENGLISH, type Lang, type Language, LOCALE_TAG } from './language.ts';
import { formatMessage, type MessageValues, type NumberFormatting } from './message-format.ts';

export type { MessageKey } from './catalogue/index.ts';

/**
 * One reader's language as a value: renderers get it in their context and never look a language up.
 * `t` formats a catalogue message; the rest formats numbers, durations and times the reader's way.
 */
export interface Translator {
  readonly language: Language;
  readonly lang: Lang;
  /** BCP 47 tag for dates and numbers (`nl-NL`). */
  readonly locale: string;
  t(key: MessageKey, values?: MessageValues): string;
  number(n: number): string;
  /** A number with exactly `digits` decimals (`50.0`, `50,0`). */
  decimal(n: number, digits: number): string;
  /** `45s`, `3m12s`, `2h05m`, `3d4h` in English; `3 min 12 s`, `2 u 5 min` in Dutch, and so on. */
  duration(ms: Millis): string;
  /** The report form of a duration: `42s`, `4m 12s`, `1h 05m`, `3d 4h` in English; `—` for none. */
  reportDuration(ms: Millis | null): string;
  /** A wall-clock time in a zone: `Tue 14:05 CET`, `di 14:05 CET`, `Di. 14:05 MEZ`. */
  localTime(at: Instant, zone: string): string;
  /** A luxon `toFormat` in the reader's locale (month and day names). */
  date(at: Instant, zone: string, format: string): string;
}

const cache = new Map<string, Translator>();

/** The translator for a language (cached: translators are immutable). */
export function translator(language: Language = ENGLISH): Translator {
  const id = `${language.code}:${language.code === 'de' && language.informal}`;
  let found = cache.get(id);
  if (!found) {
    found = create(language);
    cache.set(id, found);
  }
  return found;
}

function create(language: Language): Translator {
  const lang = language.code;
  const locale = LOCALE_TAG[lang];
  const catalogue: Catalogue =
    lang === 'de' && language.informal ? { ...CATALOGUES.de, ...GERMAN_INFORMAL } : CATALOGUES[lang];
  // `min2`: 2500 stays 2500 (short list counts), 12,000 / 12.000 is grouped.
  const numbers = new Intl.NumberFormat(locale, { useGrouping: 'min2', maximumFractionDigits: 1 });
  const f: NumberFormatting = {
    plural: new Intl.PluralRules(locale),
    number: (n) => numbers.format(n),
  };
  const t = (key: MessageKey, values: MessageValues = {}) => formatMessage(catalogue[key], values, f);
  const pad = (n: number) => String(n).padStart(2, '0');

  function duration(ms: Millis): string {
    const total = Math.max(0, Math.round(ms / SECOND)) * SECOND;
    if (total < MINUTE) return t('duration.s', { s: String(total / SECOND) });
    if (total < HOUR) {
      const m = Math.floor(total / MINUTE);
      const s = Math.floor((total % MINUTE) / SECOND);
      return s === 0 ? t('duration.m', { m: String(m) }) : t('duration.ms', { m: String(m), ss: pad(s) });
    }
    if (total < DAY) {
      const h = Math.floor(total / HOUR);
      const m = Math.floor((total % HOUR) / MINUTE);
      return m === 0 ? t('duration.h', { h: String(h) }) : t('duration.hm', { h: String(h), mm: pad(m) });
    }
    const d = Math.floor(total / DAY);
    const h = Math.floor((total % DAY) / HOUR);
    return h === 0 ? t('duration.d', { d: String(d) }) : t('duration.dh', { d: String(d), h: String(h) });
  }

  function reportDuration(ms: Millis | null): string {
    if (ms === null) return '—';
    const sign = ms < 0 ? '-' : '';
    const a = Math.abs(ms);
    const n = (v: number) => String(v);
    if (a < MINUTE) return sign + t('report.duration.s', { s: n(Math.round(a / SECOND)) });
    if (a < HOUR) {
      const s = Math.round((a % MINUTE) / SECOND);
      const m = n(Math.floor(a / MINUTE));
      return sign + (s === 0 ? t('report.duration.m', { m }) : t('report.duration.ms', { m, s: n(s) }));
    }
    if (a < DAY)
      return (
        sign +
        t('report.duration.hm', { h: n(Math.floor(a / HOUR)), mm: pad(Math.floor((a % HOUR) / MINUTE)) })
      );
    return sign + t('report.duration.dh', { d: n(Math.floor(a / DAY)), h: n(Math.floor((a % DAY) / HOUR)) });
  }

  function inZone(at: Instant, zone: string): DateTime {
    const dt = DateTime.fromMillis(at, { zone, locale });
    return dt.isValid ? dt : DateTime.fromMillis(at, { zone: 'UTC', locale });
  }

  return {
    language,
    lang,
    locale,
    t,
    number: f.number,
    decimal: (n, digits) =>
      new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
        n,
      ),
    duration,
    reportDuration,
    localTime: (at, zone) => inZone(at, zone).toFormat('ccc HH:mm ZZZZ'),
    date: (at, zone, format) => inZone(at, zone).toFormat(format),
  };
}
