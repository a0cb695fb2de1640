import type { Report } from '../../domain/reports/index.ts';

/**
 * The report as compact JSON (pipe it through `jq` to read): instants are epoch milliseconds,
 * durations milliseconds, rates percent; every figure is `{ value, ids }`.
 */
export const renderJson = (report: Report): string =>
  `${JSON.stringify({ format: 'sla-bot-report/1', ...report })}\n`;
