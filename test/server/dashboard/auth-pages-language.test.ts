import { describe, expect, it } from 'vitest';
import { setup } from '../../fixtures/reports/hand-computed.ts';
import { configFor } from '../../fixtures/reports/store-facts.ts';
import { authorizeForm, signInAs, TestBrowser } from './browser.ts';
import { MARCH, startsDashboards, TOKEN } from './harness.ts';

const start = startsDashboards();

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

/** Cancels at Slack a sign-in started at `start`; returns the callback's answer. */
async function cancelAt(b: TestBrowser, start: string): Promise<Response> {
  const s = await b.follow(start);
  const { fields } = authorizeForm(await s.res.text());
  const cancelled = await b.request(s.url.split('?')[0] ?? '', {
    method: 'POST',
    body: new URLSearchParams({ ...fields, decision: 'deny' }).toString(),
  });
  return b.request(cancelled.headers.get('location') ?? '');
}

describe("the dashboard's sign-in, refusal and signed-out pages in the reader's language", () => {
  for (const lang of ['nl', 'de'] as const) {
    it(`says every one of them in ${lang} (snapshot), with <html lang="${lang}">`, async () => {
      const pages: [string, number, string][] = [];
      const add = async (name: string, res: Response) => {
        const page = await res.text();
        expect(page, name).toContain(`<html lang="${lang}">`);
        pages.push([name, res.status, visibleText(page)]);
      };

      // Without Sign in with Slack configured, and with ?token= in the address.
      const bare = await start({ token: TOKEN });
      await add('not configured', await fetch(`${bare.base}/dashboard?${MARCH}&lang=${lang}`));
      await add('not configured (sign-in route)', await fetch(`${bare.base}/dashboard/sign-in?lang=${lang}`));
      await add('token in the address', await fetch(`${bare.base}/dashboard?token=x&lang=${lang}`));
      await bare.close();

      const d = await start({ signIn: { people: ['anna@example.com'] } });
      // A person the SLA file does not know, whose Slack speaks the language: refused in it.
      d.slack?.state.addUser({ email: 'z<o>ra@example.com', locale: lang === 'nl' ? 'nl-BE' : 'de-AT' });
      const zora = new TestBrowser();
      const refused = await signInAs(zora, `${d.base}/dashboard?${MARCH}`, 'z<o>ra@example.com');
      expect(refused.res.status).toBe(403);
      const forbidden = await refused.res.text();
      expect(forbidden).toContain('<strong>z&lt;o&gt;ra@example.com</strong>');
      pages.push(['no access', 403, visibleText(forbidden)]);
      // Signing out reads the session's Slack locale before it ends it.
      const out = await zora.request(`${d.base}/dashboard/sign-out`, { method: 'POST', body: '' });
      expect(out.status).toBe(200);
      await add('signed out', out);
      await add(
        'sign-out from another site',
        await new TestBrowser().request(`${d.base}/dashboard/sign-out?lang=${lang}`, {
          method: 'POST',
          body: '',
          headers: { 'sec-fetch-site': 'cross-site' },
        }),
      );

      // Cancelled at Slack: the language rides along in where the sign-in returns to.
      const cancelled = await cancelAt(new TestBrowser(), `${d.base}/dashboard?${MARCH}&lang=${lang}`);
      expect(cancelled.status).toBe(401);
      await add('cancelled at Slack', cancelled);
      const stale = await new TestBrowser().request(
        `${d.base}/dashboard/auth/callback?code=c&state=s&lang=${lang}`,
      );
      expect(stale.status).toBe(400);
      await add('not started in this browser', stale);

      // A session cookie this server did not issue.
      const forged = new TestBrowser();
      forged.cookies(d.base).set('sla_session', 'e30.forged');
      const invalid = await forged.request(`${d.base}/dashboard?${MARCH}&lang=${lang}`);
      expect(invalid.status).toBe(401);
      await add('invalid session', invalid);

      const text = pages.map(([name, status, body]) => `== ${name} (${status})\n${body}\n`).join('\n');
      await expect(text).toMatchFileSnapshot(`__snapshots__/auth-pages.${lang}.txt`);
    });
  }

  it("falls back to the SLA file's language:, passes over a ?lang= it does not speak, and ?lang=en wins", async () => {
    const d = await start({
      token: TOKEN,
      config: { ...configFor(setup), language: { code: 'de', informal: true } },
    });
    const german = await fetch(`${d.base}/dashboard/sign-in?lang=fr`);
    expect(german.status).toBe(401);
    const page = await german.text();
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('<h2>Die Anmeldung ist nicht eingerichtet</h2>');
    const english = await (
      await fetch(`${d.base}/dashboard/sign-in?next=${encodeURIComponent('/dashboard?lang=en')}`)
    ).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<h2>Sign-in is not configured</h2>');
  });

  it('keeps the German pages impersonal: neither "Sie" nor "du"', async () => {
    const d = await start({ token: TOKEN });
    const page = await (await fetch(`${d.base}/dashboard?token=x&lang=de`)).text();
    expect(visibleText(page)).not.toMatch(/\b(Sie|Ihnen|Ihre?[nrs]?|du|dich|dein\w*)\b/);
  });
});
