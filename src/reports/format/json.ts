import type { Report } from '../../domain/reports/index.ts';
import { englishNote } from './report-notes.ts';

/**
 * The report as JSON data (`sla-bot report --json`, the dashboard's `data.json`): instants are epoch
 * milliseconds, durations milliseconds, rates percent; every figure is `{ value, ids }`. The notes
 * stay English text (`notes`, and `note` on unavailable deals), as scripts read them; `noteCodes`
 * and the deals' `code` say the same as codes and values.
 */
export function reportJson(report: Report) {
  const deals = report.delivery.deals;
  return {
    format: 'sla-bot-report/1',
    ...report,
    delivery: {
      ...report.delivery,
      deals: deals.available ? deals : { ...deals, note: englishNote({ code: deals.code }) },
    },
    notes: report.notes.map(englishNote),
    noteCodes: report.notes,
  };
}

/** The report as compact JSON (pipe it through `jq` to read). */
export const renderJson = (report: Report): string => `${JSON.stringify(reportJson(report))}\n`;
