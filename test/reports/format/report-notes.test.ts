import { describe, expect, it } from 'vitest';
import { buildReport, type ReportQuery } from '../../../src/domain/reports/index.ts';
import { LANGS } from '../../../src/i18n/language.ts';
import { translator } from '../../../src/i18n/translate.ts';
import { reportJson } from '../../../src/reports/format/json.ts';
import { renderTable } from '../../../src/reports/format/table.ts';
import { links } from '../../../src/server/dashboard/render/links.ts';
import { dashboardPage } from '../../../src/server/dashboard/render/page.ts';
import { facts, NOW, SINCE, setup, UNTIL } from '../../fixtures/reports/hand-computed.ts';

const query: ReportQuery = { since: SINCE, until: UNTIL, period: 'week', team: null, rep: null, stage: null };

/** No deal data and no owner directory; and deals read for no contact yet (every SQL unread). */
const blind = buildReport(facts, { ...setup, owners: null }, query, NOW);
const unread = buildReport({ ...facts, deals: { deals: [], readContacts: [] } }, setup, query, NOW);

/** A table section's lines (`- …`), after its upper-case title; the title itself as written. */
function sectionOf(table: string, title: string): string {
  const head = `${title.toUpperCase()}\n\n`;
  const from = table.indexOf(head);
  if (from < 0) throw new Error(`no section ${title}`);
  const start = from + head.length;
  const end = table.indexOf('\n\n', start);
  return `${title}\n${table.slice(start, end < 0 ? undefined : end).trimEnd()}`;
}

const dealsLine = (table: string) => table.split('\n').find((l) => l.startsWith('Deals: ')) ?? '(none)';

describe("the report's own notes: codes from the domain, said in the reader's language", () => {
  it('the domain gives codes and values, not text', () => {
    expect(blind.notes).toEqual([{ code: 'no-deal-data' }, { code: 'no-owner-directory' }]);
    expect(blind.delivery.deals).toEqual({ available: false, code: 'no-deal-data' });
    expect(unread.notes).toEqual([{ code: 'deals-unread', leads: 4 }]);
  });

  it('English reads as before, word for word', () => {
    const table = renderTable(blind, { details: false });
    expect(sectionOf(table, 'Notes')).toBe(
      [
        'Notes',
        '- no deal data: the worker has not read HubSpot deals into this store (it needs the crm.objects.deals.read scope), so SQL → won and average deal value are not reported',
        '- no owner directory: reps show as HubSpot owner ids and teams cannot be told apart',
      ].join('\n'),
    );
    expect(sectionOf(renderTable(unread, { details: false }), 'Notes')).toBe(
      'Notes\n- deals of 4 SQL lead(s) not read from HubSpot yet: they count as not won until the worker reads them',
    );
  });

  for (const lang of LANGS.filter((l) => l !== 'en')) {
    it(`prints them in ${lang} in the table and on the dashboard (snapshot)`, async () => {
      const t = translator({ code: lang, informal: false });
      const title = t.t('report.section.notes');
      const table = renderTable(blind, { details: false }, t);
      const page = dashboardPage(
        blind,
        links('/dashboard', new URLSearchParams()),
        { teams: [], stages: [], reps: [], values: {}, who: null },
        [],
        t,
      );
      const onPage = [...page.matchAll(/<p class="warning">([^<]*)<\/p>/g)].map((m) => m[1]);
      expect(onPage).toEqual(blind.notes.map((_, i) => sectionOf(table, title).split('\n- ')[i + 1]));
      const text = [
        sectionOf(table, title),
        dealsLine(table),
        sectionOf(renderTable(unread, { details: false }, t), title),
        '',
      ].join('\n');
      expect(text).not.toMatch(/no deal data|not read from HubSpot|no owner directory/);
      await expect(text).toMatchFileSnapshot(`__snapshots__/notes.${lang}.txt`);
    });
  }

  it('JSON keeps the English text for scripts and adds the codes', () => {
    const json = JSON.parse(JSON.stringify(reportJson(blind))) as Record<string, unknown>;
    expect(json.format).toBe('sla-bot-report/1');
    expect(json.notes).toEqual([
      expect.stringMatching(/^no deal data: the worker has not read HubSpot deals/),
      'no owner directory: reps show as HubSpot owner ids and teams cannot be told apart',
    ]);
    expect(json.noteCodes).toEqual([{ code: 'no-deal-data' }, { code: 'no-owner-directory' }]);
    expect((json.delivery as { deals: unknown }).deals).toEqual({
      available: false,
      code: 'no-deal-data',
      note: expect.stringMatching(/^no deal data: /),
    });
    expect(JSON.parse(JSON.stringify(reportJson(unread))).noteCodes).toEqual([
      { code: 'deals-unread', leads: 4 },
    ]);
  });
});
