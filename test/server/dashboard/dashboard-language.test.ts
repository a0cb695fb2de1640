import { describe, expect, it } from 'vitest';
import { setup } from '../../fixtures/reports/hand-computed.ts';
import { configFor } from '../../fixtures/reports/store-facts.ts';
import { signInAs, TestBrowser } from './browser.ts';
import { BEARER, MARCH, startsDashboards, TOKEN } from './harness.ts';

const starts = startsDashboards();
const get = (url: string) => fetch(url, { headers: BEARER });

/** What a reader sees: the page's text, one element's text a line, without the stylesheet. */
function visibleText(page: string): string {
  return page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

const figureText = (page: string, path: string): string | null =>
  new RegExp(`data-figure="${path.replace(/[/+]/g, (c) => `\\${c}`)}"[^>]*>([^<]*)<`).exec(page)?.[1] ?? null;

describe('the dashboard in the reader’s language', () => {
  for (const lang of ['nl', 'de'] as const) {
    it(`shows every text of the main page in ${lang} with ?lang=${lang}`, async () => {
      const d = await starts({ token: TOKEN });
      const res = await get(`${d.base}/dashboard?${MARCH}&lang=${lang}`);
      expect(res.status).toBe(200);
      const page = await res.text();
      expect(page).toContain(`<html lang="${lang}">`);
      await expect(`${visibleText(page)}\n`).toMatchFileSnapshot(`__snapshots__/dashboard.${lang}.txt`);
    });
  }

  it('formats figures the Dutch way and keeps ?lang= on every link and in the filter form', async () => {
    const d = await starts({ token: TOKEN });
    const page = await (await get(`${d.base}/dashboard?${MARCH}&lang=nl`)).text();
    expect(page).toContain('<h1>SLA-dashboard</h1>');
    expect(figureText(page, 'speed/total/compliance')).toBe('60,0%');
    expect(page).toContain(
      '/dashboard/leads?since=2026-03-01&amp;until=2026-03-31&amp;lang=nl&amp;figure=speed%2Ftotal%2Fbands%2F0-5m',
    );
    expect(page).toContain('<input type="hidden" name="lang" value="nl">');
    expect(page).toContain('<a href="/dashboard?lang=nl">wissen</a>');
    const leads = await (
      await get(`${d.base}/dashboard/leads?${MARCH}&lang=de&figure=speed%2Ftotal%2Fbands%2F0-5m`)
    ).text();
    expect(leads).toContain('<html lang="de">');
    expect(leads).toContain('<h1>Leads hinter einer Zahl</h1>');
    expect(leads).toContain(
      'href="/dashboard?since=2026-03-01&amp;until=2026-03-31&amp;lang=de">zurück zum Dashboard',
    );
  });

  it("defaults to the SLA file's language:, and English without one", async () => {
    const d = await starts({
      token: TOKEN,
      config: { ...configFor(setup), language: { code: 'de', informal: true } },
    });
    const page = await (await get(`${d.base}/dashboard?${MARCH}`)).text();
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('<h2>Tempo der Nachverfolgung</h2>');
    const english = await (await get(`${d.base}/dashboard?${MARCH}&lang=en`)).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<h2>Speed of follow-up</h2>');
  });

  it('reads a signed-in person’s Slack locale from the sign-in; ?lang= still wins', async () => {
    const d = await starts({ signIn: { people: ['olga@example.com'] } });
    d.slack?.state.addUser({ email: 'anna@example.com', locale: 'nl-NL' });
    const b = new TestBrowser();
    await signInAs(b, `${d.base}/dashboard?${MARCH}`, 'anna@example.com');
    const page = await (await b.request(`${d.base}/dashboard?${MARCH}`)).text();
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain(
      'Ingelogd als <span id="signed-in-as">anna@example.com (manager van benelux)</span>',
    );
    const english = await (await b.request(`${d.base}/dashboard?${MARCH}&lang=en`)).text();
    expect(english).toContain(
      'Signed in as <span id="signed-in-as">anna@example.com (manager of benelux)</span>',
    );
  });

  it('refuses another language, naming the three', async () => {
    const d = await starts({ token: TOKEN });
    const res = await get(`${d.base}/dashboard?${MARCH}&lang=fr`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "lang 'fr' is not one of en, nl, de" });
  });
});
