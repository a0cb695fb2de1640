import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../../src/domain/reports/index.ts';
import { NOW } from '../../../fixtures/reports/hand-computed.ts';
import { factsWithRetracted } from '../../../fixtures/reports/retracted.ts';
import { writeFacts } from '../../../fixtures/reports/store-facts.ts';
import { BEARER, type Dashboard, MARCH, startDashboard, TOKEN } from '../harness.ts';

let running: Dashboard | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

/** The text of the first figure (tile or table cell, not chart) carrying `data-figure="path"`. */
function figureText(page: string, path: string): string | null {
  const re = new RegExp(`class="fig" data-figure="${path.replace(/[/+]/g, (c) => `\\${c}`)}"[^>]*>([^<]*)<`);
  return re.exec(page)?.[1] ?? null;
}

const get = async (d: Dashboard, path: string) => fetch(`${d.base}${path}`, { headers: BEARER });

/** The dashboard on a store with a retracted breach (J, Bram, benelux) — test/fixtures/reports/retracted.ts. */
describe('dashboard: retracted breaches shown as corrected, counted as met', () => {
  it('shows the same met and corrected figures as the report, linked to the lead behind them', async () => {
    running = await startDashboard({ fill: (s) => writeFacts(s, factsWithRetracted, NOW), token: TOKEN });
    const page = await (await get(running, `/dashboard?${MARCH}`)).text();
    expect(figureText(page, 'speed/total/corrected')).toBe('1');
    expect(figureText(page, 'speed/total/met')).toBe('5');
    expect(figureText(page, 'speed/total/compliance')).toBe('71.4%');
    expect(figureText(page, 'speed/byTeam/benelux/corrected')).toBe('1');
    expect(figureText(page, 'speed/byTeam/dach/corrected')).toBe('0');
    expect(figureText(page, 'speed/byRep/o1/corrected')).toBe('1');

    const data = (await (await get(running, `/dashboard/data.json?${MARCH}`)).json()) as Report;
    expect(data.speed.total.corrected).toEqual({ value: 1, ids: ['J'] });

    const leads = await (
      await get(running, `/dashboard/leads?${MARCH}&figure=speed%2Ftotal%2Fcorrected`)
    ).text();
    expect([...leads.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1])).toEqual(['J']);
    expect(leads).toContain('<td>met (breach retracted)</td>');
  });
});
