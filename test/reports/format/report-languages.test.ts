import { describe, expect, it } from 'vitest';
import { buildReport, type ReportQuery } from '../../../src/domain/reports/index.ts';
import { LANGS } from '../../../src/i18n/language.ts';
import { translator } from '../../../src/i18n/translate.ts';
import { renderCsv } from '../../../src/reports/format/csv.ts';
import { renderTable } from '../../../src/reports/format/table.ts';
import { facts, NOW, SINCE, setup, UNTIL } from '../../fixtures/reports/hand-computed.ts';

const query = (over: Partial<ReportQuery> = {}): ReportQuery => ({
  since: SINCE,
  until: UNTIL,
  period: 'week',
  team: null,
  rep: null,
  stage: null,
  ...over,
});

/**
 * `sla-bot report --lang`: the whole table (with the leads behind the figures) and the CSV header
 * and first rows in each language, as files to review the wording against. English is what the
 * report printed before it had languages (the report-command tests check it too).
 */
describe('the report in English, Dutch and German', () => {
  const report = buildReport(facts, setup, query({ team: 'benelux' }), NOW);

  for (const lang of LANGS) {
    it(`prints the table and the CSV header in ${lang}`, async () => {
      const t = translator({ code: lang, informal: false });
      const csv = renderCsv(report, t).split('\n').slice(0, 4).join('\n');
      await expect(`${renderTable(report, { details: true }, t)}\n${csv}\n`).toMatchFileSnapshot(
        `__snapshots__/report.${lang}.txt`,
      );
    });
  }

  it('formats numbers, percentages, durations and dates the reader’s way', () => {
    const nl = renderTable(report, { details: true }, translator({ code: 'nl', informal: false }));
    expect(nl).toContain('SLA-rapport: overdrachten van 1 mrt 2026 tot en met 31 mrt 2026 (UTC), per week');
    expect(nl).toContain('75,0%');
    expect(nl).toContain('3 min 30 s');
    expect(nl).toContain('03-03-2026 09:00');
    const de = renderTable(report, { details: true }, translator({ code: 'de', informal: false }));
    expect(de).toContain('SLA-Bericht: Übergaben vom 1. März 2026 bis 31. März 2026 (UTC), pro Woche');
    expect(de).toContain('75,0 %');
    expect(de).toContain('3 Min. 30 Sek.');
    expect(de).toContain('03.03.2026 09:00');
  });

  it('translates the CSV header and labels, and keeps figure, value, unit and ids machine-readable', () => {
    const lines = renderCsv(report, translator({ code: 'de', informal: false })).split('\n');
    expect(lines[0]).toBe('Kennzahl,Bezeichnung,Wert,Einheit,IDs');
    expect(lines).toContain('speed/total/compliance,Alle Leads,75,percent,A D H B');
    expect(renderCsv(report).split('\n')[0]).toBe('figure,label,value,unit,ids');
  });
});
