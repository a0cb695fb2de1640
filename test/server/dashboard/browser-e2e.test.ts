/**
 * The dashboard in a real browser: headless Chromium (Debian's `chromium` package) driven by
 * playwright-core signs in through the Slack sandbox's Sign in with Slack page, loads the dashboard
 * against seeded stores, checks the figures, follows a click-through to the leads and on to one
 * lead's timeline, and takes screenshots
 * (test-results/dashboard*.png). Skipped, visibly, when /usr/bin/chromium is absent, unless
 * REQUIRE_BROWSER=1 (CI installs it).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSlaConfigFile } from '../../../src/config/load-sla-config.ts';
import { DAY } from '../../../src/domain/time.ts';
import { setup } from '../../fixtures/reports/hand-computed.ts';
import { configFor } from '../../fixtures/reports/store-facts.ts';
import { seedStore } from '../../support/seed/seed-store.ts';
import { BEARER, MARCH, startDashboard, TOKEN } from './harness.ts';

/** The hand-computed fixture's file, with Olga as an admin (she sees every team). */
const base = configFor(setup);
const CONFIG = { ...base, slack: { ...base.slack, admins: ['#sla-admins', 'olga@example.com'] } };

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.REQUIRE_BROWSER === '1')
    throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM} is missing (apt-get install -y chromium)`);
  console.warn(`dashboard browser tests SKIPPED: ${CHROMIUM} not found (apt-get install -y chromium)`);
}

describe.skipIf(!available)('dashboard in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    await mkdir('test-results', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in with Slack, shows the hand-computed figures and lists the leads behind one', async () => {
    const d = await startDashboard({
      config: CONFIG,
      signIn: { people: ['olga@example.com', 'anna@example.com'] },
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      // Not signed in: off to Slack's page (the sandbox's), pick Olga, and back where she was going.
      await page.goto(`${d.base}/dashboard?${MARCH}`);
      expect(page.url()).toContain('/openid/connect/authorize?');
      await page.screenshot({ path: 'test-results/dashboard-sign-in.png' });
      await page.click('button[data-email="olga@example.com"]');
      await page.waitForURL(`${d.base}/dashboard?${MARCH}`);
      expect(await page.locator('#signed-in-as').textContent()).toBe('olga@example.com (admin)');
      const fig = (path: string) => page.locator(`[data-figure="${path}"]`).first();
      expect(await fig('speed/total/handoffs').textContent()).toBe('7');
      expect(await fig('speed/total/compliance').textContent()).toBe('60.0%');
      expect(await fig('speed/byTeam/benelux/compliance').textContent()).toBe('75.0%');
      expect(await fig('speed/total/timeToContact/median').textContent()).toBe('5m');
      expect(await fig('depth/total/overkill').textContent()).toBe('1');
      expect(await fig('uncontacted/total/total').textContent()).toBe('4');
      expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(8);
      await page.screenshot({ path: 'test-results/dashboard.png', fullPage: true });

      // Click-through from the 0–5 minute band (an SVG bar) to the leads behind it.
      await page.locator('svg.chart a[data-figure="speed/total/bands/0-5m"]').click();
      await page.waitForURL(/\/dashboard\/leads/);
      const ids = await page
        .locator('#leads tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
      expect(ids.sort()).toEqual(['A', 'D', 'H']);
      expect(await page.locator('#value').textContent()).toBe('3');
      await page.screenshot({ path: 'test-results/dashboard-leads.png', fullPage: true });

      // One lead's story: its "timeline" link in the list opens the lead page, events in time order.
      await page.locator('#leads tbody tr[data-id="A"] a.timeline').click();
      await page.waitForURL(/\/dashboard\/lead\?id=A/);
      expect(await page.locator('h1').textContent()).toBe('What happened to Lead A (A BV)');
      expect(await page.locator('[data-instance="A"]').count()).toBe(1);
      const kinds = await page
        .locator('tr[data-kind]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
      expect(kinds[0]).toBe('stage_entered');
      expect(kinds).toContain('verdict');
      await page.screenshot({ path: 'test-results/dashboard-lead.png', fullPage: true });

      // Filters are a plain form: choose a team, apply, and the figures follow.
      await page.goto(`${d.base}/dashboard?${MARCH}`);
      await page.selectOption('select[name="team"]', 'dach');
      await page.click('form.filters button[type="submit"]');
      await page.waitForURL(/team=dach/);
      expect(await fig('speed/total/handoffs').textContent()).toBe('2');

      // Signing out ends the session: the dashboard sends her to Slack again.
      await page.click('form.sign-out button');
      await page.waitForURL(`${d.base}/dashboard/sign-out`);
      expect(await page.locator('h2').textContent()).toBe('Signed out');
      await page.goto(`${d.base}/dashboard?${MARCH}`);
      expect(page.url()).toContain('/openid/connect/authorize?');

      // Anna, benelux's manager, sees her team only.
      await page.click('button[data-email="anna@example.com"]');
      await page.waitForURL(`${d.base}/dashboard?${MARCH}`);
      expect(await fig('speed/total/handoffs').textContent()).toBe('5');
      expect(await page.locator('select[name="team"] option').allTextContents()).toEqual([
        'all teams',
        'benelux',
        '(no team)',
      ]);

      // ?lang=nl: the page in Dutch, figures the Dutch way, and the filter form keeps the language.
      await page.goto(`${d.base}/dashboard?${MARCH}&lang=nl`);
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
      expect(await page.locator('h1').textContent()).toBe('SLA-dashboard');
      expect(await page.locator('#speed h2').textContent()).toBe('Snelheid van opvolging');
      expect(await fig('speed/total/compliance').textContent()).toBe('75,0%');
      await page.selectOption('select[name="period"]', 'month');
      await page.click('form.filters button[type="submit"]');
      await page.waitForURL(/period=month/);
      expect(page.url()).toContain('lang=nl');
      expect(await page.locator('#depth h2').textContent()).toBe('Diepgang van opvolging');
      await page.screenshot({ path: 'test-results/dashboard-nl.png', fullPage: false });
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await d.close();
    }
  });

  it('renders a seeded store of 10,000 instances', { timeout: 60_000 }, async () => {
    const loaded = await loadSlaConfigFile('config/sla.yaml');
    if (!loaded.ok) throw new Error('config/sla.yaml does not load');
    const now = Date.UTC(2026, 3, 15, 12);
    let owners: Awaited<ReturnType<typeof seedStore>>['owners'] = [];
    const d = await startDashboard({
      now,
      token: TOKEN,
      config: loaded.config,
      owners: async () => owners,
      fill: async (store) => {
        owners = (await seedStore(store, { config: loaded.config, count: 10_000, now, days: 30 })).owners;
      },
    });
    try {
      // A script's view: the token in the Authorization header.
      const page = await browser.newPage({
        viewport: { width: 1400, height: 900 },
        extraHTTPHeaders: BEARER,
      });
      const since = new Date(now - 40 * DAY).toISOString().slice(0, 10);
      const started = performance.now();
      await page.goto(`${d.base}/dashboard?since=${since}&until=2026-04-15`);
      const loadMs = performance.now() - started;
      expect(await page.locator('[data-figure="speed/total/handoffs"]').first().textContent()).toBe('10000');
      expect(
        await page.locator('[data-figure="speed/byTeam/benelux/handoffs"]').first().textContent(),
      ).toMatch(/^\d+$/);
      await page.screenshot({ path: 'test-results/dashboard-10k.png', fullPage: false });
      process.stdout.write(`dashboard with 10,000 instances loaded in ${loadMs.toFixed(0)} ms\n`);
      expect(loadMs).toBeLessThan(10_000);
      await page.close();
    } finally {
      await d.close();
    }
  });
});
