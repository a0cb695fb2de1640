import { afterEach, describe, expect, it } from 'vitest';
import type { Deal } from '../../../../src/ports/crm-source.ts';
import type { Store } from '../../../../src/ports/store.ts';
import { at, facts, NOW } from '../../../fixtures/reports/hand-computed.ts';
import { writeFacts } from '../../../fixtures/reports/store-facts.ts';
import { BEARER, type Dashboard, MARCH, startDashboard, TOKEN } from '../harness.ts';

let running: Dashboard | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

const won = (id: string, contact: string, amount: string, currency: string, closedAt: number): Deal => ({
  id,
  contactIds: [contact],
  pipeline: 'default',
  stage: 'closedwon',
  closed: true,
  closedWon: true,
  closedAt,
  amount,
  currency,
  createdAt: at(2),
});

/**
 * March's SQLs: A, B, C (benelux) and G (dach). Won after the SQL entry: A (10,000 and 5,000 EUR),
 * C (2,500.50 USD, closed in April) and G (3,000 EUR); B's deal closed before B became an SQL.
 * All: 3 of 4 = 75.0 %; EUR (18,000 / 3) 6,000.00 over A and G; USD 2,500.50 over C.
 * benelux: 2 of 3 = 66.7 %; EUR 7,500.00 (A); USD 2,500.50 (C). dach: 1 of 1; EUR 3,000.00 (G).
 */
async function withDeals(store: Store): Promise<void> {
  await writeFacts(store, facts, NOW);
  await store.saveDeals({
    contactIds: ['c-A', 'c-B', 'c-C', 'c-G'],
    deals: [
      won('d1', 'c-A', '10000.00', 'EUR', at(20)),
      won('d2', 'c-A', '5000', 'EUR', at(25)),
      won('d3', 'c-B', '700', 'EUR', at(1)),
      won('d4', 'c-C', '2500.5', 'USD', at(2, 9, 4)),
      won('d6', 'c-G', '3000', 'EUR', at(22)),
    ],
    at: NOW,
  });
}

/** The text of the first figure (tile or table cell, not chart) carrying `data-figure="path"`. */
function figureText(page: string, path: string): string | null {
  const re = new RegExp(`class="fig" data-figure="${path.replace(/[/+]/g, (c) => `\\${c}`)}"[^>]*>([^<]*)<`);
  return re.exec(page)?.[1] ?? null;
}

const page = async (d: Dashboard, query = '') =>
  (await fetch(`${d.base}/dashboard?${MARCH}${query}`, { headers: BEARER })).text();

describe('dashboard deals: SQL → won and average won deal per currency, in all and per team', () => {
  it('shows the report’s won rate with the count behind it, and each currency’s average apart', async () => {
    running = await startDashboard({ fill: withDeals, token: TOKEN });
    const html = await page(running);
    expect(figureText(html, 'delivery/deals/rate')).toBe('75.0%');
    expect(figureText(html, 'delivery/deals/won')).toBe('3');
    expect(figureText(html, 'delivery/deals/sqls')).toBe('4');
    expect(figureText(html, 'delivery/deals/averageValue/EUR/average')).toBe('6,000.00');
    expect(figureText(html, 'delivery/deals/averageValue/USD/average')).toBe('2,500.50');
    // Never a sum across currencies.
    expect(html).not.toContain('8,500.50');
    expect(html).not.toContain('20,500.50');
    expect(html).not.toContain('No deals data yet');
  });

  it('gives the same figures per team, each linked to the SQLs behind it', async () => {
    running = await startDashboard({ fill: withDeals, token: TOKEN });
    const html = await page(running);
    expect(figureText(html, 'delivery/deals/byTeam/benelux/rate')).toBe('66.7%');
    expect(figureText(html, 'delivery/deals/byTeam/benelux/won')).toBe('2');
    expect(figureText(html, 'delivery/deals/byTeam/benelux/averageValue/EUR/average')).toBe('7,500.00 EUR');
    expect(figureText(html, 'delivery/deals/byTeam/benelux/averageValue/USD/average')).toBe('2,500.50 USD');
    expect(figureText(html, 'delivery/deals/byTeam/dach/rate')).toBe('100.0%');
    expect(figureText(html, 'delivery/deals/byTeam/dach/averageValue/EUR/average')).toBe('3,000.00 EUR');
    expect(figureText(html, 'delivery/deals/byTeam/dach/averageValue/USD/average')).toBeNull();

    const leads = await (
      await fetch(
        `${running.base}/dashboard/leads?${MARCH}&figure=delivery%2Fdeals%2FbyTeam%2Fbenelux%2Fwon`,
        {
          headers: BEARER,
        },
      )
    ).text();
    expect([...leads.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(['A', 'C']);
  });

  it('follows the team filter', async () => {
    running = await startDashboard({ fill: withDeals, token: TOKEN });
    const html = await page(running, '&team=dach');
    expect(figureText(html, 'delivery/deals/rate')).toBe('100.0%');
    expect(figureText(html, 'delivery/deals/averageValue/EUR/average')).toBe('3,000.00');
    expect(figureText(html, 'delivery/deals/byTeam/benelux/rate')).toBeNull();
  });

  it('says "no deals data yet" when the worker never read deals, instead of 0 %', async () => {
    running = await startDashboard({ token: TOKEN });
    const html = await page(running);
    expect(html).toContain('No deals data yet');
    expect(figureText(html, 'delivery/deals/rate')).toBeNull();
  });
});
