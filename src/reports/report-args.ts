import { parseArgs } from 'node:util';
import type { Granularity } from '../domain/reports/index.ts';
import { LANGS, type Lang } from '../i18n/language.ts';
import { ReportArgumentError } from './report-window.ts';

export type ReportFormat = 'table' | 'csv' | 'json';

export interface ReportOptions {
  readonly since: string | undefined;
  readonly until: string | undefined;
  readonly team: string | null;
  readonly rep: string | null;
  readonly stage: string | null;
  readonly period: Granularity;
  readonly format: ReportFormat;
  readonly details: boolean;
  /** `--lang`; `null`: the SLA file's `language:`, else English. */
  readonly lang: Lang | null;
}

const oneOf = <T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T => {
  if (value === undefined) return fallback;
  const found = allowed.find((a) => a === value);
  if (found === undefined)
    throw new ReportArgumentError(`--${name} '${value}' is not one of ${allowed.join(', ')}`);
  return found;
};

/** `sla-bot report` options; throws `ReportArgumentError` naming the bad option. */
export function parseReportOptions(args: readonly string[]): ReportOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(args).values;
  } catch (err) {
    throw new ReportArgumentError(err instanceof Error ? err.message : String(err));
  }
  return {
    since: values.since,
    until: values.until,
    team: values.team ?? null,
    rep: values.rep ?? null,
    stage: values.stage ?? null,
    period: oneOf('period', values.period, ['day', 'week', 'month'] as const, 'week'),
    format: oneOf('format', values.format, ['table', 'csv', 'json'] as const, 'table'),
    details: values.details ?? false,
    lang: values.lang === undefined ? null : oneOf('lang', values.lang, LANGS, 'en'),
  };
}

const parse = (args: readonly string[]) =>
  parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: false,
    options: {
      since: { type: 'string' },
      until: { type: 'string' },
      team: { type: 'string' },
      rep: { type: 'string' },
      stage: { type: 'string' },
      period: { type: 'string' },
      format: { type: 'string' },
      details: { type: 'boolean' },
      lang: { type: 'string' },
    },
  });
