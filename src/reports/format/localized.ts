import { DateTime } from 'luxon';
import type { Figure, InstanceSummary } from '../../domain/reports/index.ts';
import { NO_TEAM, UNASSIGNED } from '../../domain/reports/people.ts';
import type { Instant, Millis } from '../../domain/time.ts';
import { type Translator, translator } from '../../i18n/translate.ts';
import { DASH } from './values.ts';

/**
 * The report's values for one language (`sla-bot report --lang`, the dashboard's `?lang=`): counts
 * stay plain integers, decimals, percentages, amounts, durations and dates follow the locale
 * (`50.0%` / `50,0%` / `50,0 %`; `2026-03-02 09:00` / `02-03-2026 09:00` / `02.03.2026 09:00`).
 * English is byte for byte what the report printed before it had languages.
 */
export interface ReportValues {
  readonly t: Translator;
  count(f: Figure): string;
  pct(f: Figure): string;
  /** A mean with one decimal (`2.5`, `2,5`). */
  mean(f: Figure): string;
  ms(f: Figure): string;
  duration(ms: Millis | null): string;
  /** An amount with two decimals and the locale's grouping (`12,500.50`, `12.500,50`). */
  money(f: Figure): string;
  signed(n: number | null): string;
  /** A moment in the report zone. */
  when(at: Instant | null, zone: string): string;
  day(at: Instant, zone: string): string;
  verdict(lead: Pick<InstanceSummary, 'verdict' | 'corrected'>): string;
  /** A report row's label: totals, "no team", "unassigned" and periods in the language; names as they are. */
  rowLabel(key: string, label: string): string;
  /** A period row's short label for charts (`2 Mar`; months `Mar 2026`). */
  shortPeriod(key: string, label: string): string;
}

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;
const WEEK_KEY = /^(\d{4})-W(\d{2})$/;
const MONTH_KEY = /^\d{4}-\d{2}$/;

export function reportValues(t: Translator = translator()): ReportValues {
  const money = new Intl.NumberFormat(t.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const duration = (ms: Millis | null) => t.reportDuration(ms);
  /** A period key's first day (periods are calendar days: read in UTC). */
  const start = (key: string): Instant | null => {
    const week = WEEK_KEY.exec(key);
    const iso = week ? isoWeekMonday(Number(week[1]), Number(week[2])) : DAY_KEY.test(key) ? key : null;
    return iso === null ? null : DateTime.fromISO(iso, { zone: 'UTC' }).toMillis();
  };
  const utc = (at: Instant, format: string) => t.date(at, 'UTC', format);
  function rowLabel(key: string, label: string): string {
    if (key === 'all' && label === 'All leads') return t.t('row.allLeads');
    if (key === 'all' && label === 'All owners') return t.t('row.allOwners');
    if (key === NO_TEAM) return t.t('row.noTeam');
    if (key === UNASSIGNED) return t.t('row.unassigned');
    if (MONTH_KEY.test(key))
      return utc(DateTime.fromISO(`${key}-01`, { zone: 'UTC' }).toMillis(), t.t('format.month'));
    const at = start(key);
    if (at === null) return label;
    return WEEK_KEY.test(key)
      ? t.t('period.weekOf', { date: utc(at, t.t('format.day')) })
      : utc(at, t.t('format.dayOfWeek'));
  }
  return {
    t,
    count: (f) => (f.value === null ? DASH : String(f.value)),
    pct: (f) => (f.value === null ? DASH : t.t('report.pct', { v: t.decimal(f.value, 1) })),
    mean: (f) => (f.value === null ? DASH : t.decimal(f.value, 1)),
    ms: (f) => duration(f.value),
    duration,
    money: (f) => (f.value === null ? DASH : money.format(f.value)),
    signed: (n) => (n === null ? DASH : n > 0 ? `+${n}` : String(n)),
    when: (at, zone) => (at === null ? DASH : t.date(at, zone, t.t('format.when'))),
    day: (at, zone) => t.date(at, zone, t.t('format.day')),
    verdict: (lead) => (lead.corrected ? t.t('verdict.retracted') : t.t(`verdict.${lead.verdict}`)),
    rowLabel,
    shortPeriod: (key, label) => {
      const at = start(key);
      return at === null ? rowLabel(key, label) : utc(at, t.t('format.dayShort'));
    },
  };
}

/** `2026-W10` → `2026-03-02`: the Monday of an ISO week. */
const isoWeekMonday = (weekYear: number, weekNumber: number): string =>
  DateTime.fromObject({ weekYear, weekNumber, weekday: 1 }, { zone: 'UTC' }).toISODate() ?? '';
