import { describe, expect, it } from 'vitest';
import { setup } from '../../fixtures/reports/hand-computed.ts';
import { configFor } from '../../fixtures/reports/store-facts.ts';
import { signInAs, TestBrowser } from './browser.ts';
import { BEARER, MARCH, startsDashboards, TOKEN } from './harness.ts';

const start = startsDashboards();

/**
 * A lead's page, `/dashboard/lead?id=`, on the hand-computed fixture: A and B are bram's (benelux,
 * manager anna), E is eva's (dach). Each reader sees only the leads of their scope; another's lead is
 * a 404, as if it did not exist.
 */
const PEOPLE = ['anna@example.com', 'bram@example.com', 'eva@example.com', 'zed@example.com'];

async function pageAs(base: string, email: string | 'token', path: string) {
  const b = new TestBrowser();
  if (email === 'token') b.headers = { ...BEARER };
  else await signInAs(b, `${base}/dashboard`, email);
  const res = await b.request(`${base}${path}`);
  return { status: res.status, body: await res.text() };
}

describe('the lead page', () => {
  it('shows a lead’s timeline in time order, from an instance id or the HubSpot record id', async () => {
    const d = await start({ token: TOKEN });
    const page = await pageAs(d.base, 'token', '/dashboard/lead?id=B');
    expect(page.status).toBe(200);
    expect(page.body).toContain('What happened to Lead B (B BV)');
    expect(page.body).toContain('data-instance="B"');
    expect(page.body).toContain('Entered SQL in HubSpot');
    expect(page.body).toContain('Breach note to the owner: delivered');
    const kinds = [...page.body.matchAll(/<tr data-kind="([a-z_]+)"/g)].map((m) => m[1]);
    expect(kinds[0]).toBe('stage_entered');
    expect(kinds).toContain('verdict');
    const byRecord = await pageAs(d.base, 'token', '/dashboard/lead?id=c-B');
    expect(byRecord.status).toBe(200);
    expect(byRecord.body).toContain('data-instance="B"');
  });

  it('speaks the reader’s language with ?lang=', async () => {
    const d = await start({ token: TOKEN });
    const nl = await pageAs(d.base, 'token', '/dashboard/lead?id=B&lang=nl');
    expect(nl.body).toContain('<html lang="nl">');
    expect(nl.body).toContain('Wat er met Lead B (B BV) gebeurde');
    expect(nl.body).toContain('In HubSpot naar SQL');
    expect((await pageAs(d.base, 'token', '/dashboard/lead?id=B&lang=fr')).status).toBe(400);
  });

  it('is linked from the leads behind a figure', async () => {
    const d = await start({ token: TOKEN });
    const list = await pageAs(
      d.base,
      'token',
      `/dashboard/leads?${MARCH}&figure=speed%2Ftotal%2Fhandoffs&lang=de`,
    );
    expect(list.body).toContain('href="/dashboard/lead?id=B&amp;lang=de"');
  });

  it('shows a rep only their own leads, a manager the team’s; another’s lead is a 404', async () => {
    const d = await start({ token: TOKEN, signIn: { people: PEOPLE }, config: configFor(setup) });
    expect((await pageAs(d.base, 'bram@example.com', '/dashboard/lead?id=B')).status).toBe(200);
    const other = await pageAs(d.base, 'bram@example.com', '/dashboard/lead?id=E');
    expect(other.status).toBe(404);
    expect(other.body).not.toContain('Lead E');
    expect((await pageAs(d.base, 'eva@example.com', '/dashboard/lead?id=E')).status).toBe(200);
    expect((await pageAs(d.base, 'eva@example.com', '/dashboard/lead?id=c-A')).status).toBe(404);
    expect((await pageAs(d.base, 'anna@example.com', '/dashboard/lead?id=A')).status).toBe(200);
    expect((await pageAs(d.base, 'anna@example.com', '/dashboard/lead?id=E')).status).toBe(404);
    expect((await pageAs(d.base, 'zed@example.com', '/dashboard/lead?id=A')).status).toBe(403);
    expect((await pageAs(d.base, 'token', '/dashboard/lead?id=nothing')).status).toBe(404);
  });

  it('sends a visitor who is not signed in to sign in first', async () => {
    const d = await start({ token: TOKEN, signIn: { people: PEOPLE } });
    const b = new TestBrowser();
    const res = await b.request(`${d.base}/dashboard/lead?id=A`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('next=%2Fdashboard%2Flead%3Fid%3DA');
  });
});
