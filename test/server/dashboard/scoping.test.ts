import { describe, expect, it } from 'vitest';
import type { SlaConfig } from '../../../src/config/types.ts';
import { viewerOf } from '../../../src/server/dashboard/auth/viewer.ts';
import { setup } from '../../fixtures/reports/hand-computed.ts';
import { configFor } from '../../fixtures/reports/store-facts.ts';
import { signInAs, TestBrowser } from './browser.ts';
import { BEARER, type Dashboard, MARCH, startsDashboards, TOKEN } from './harness.ts';

const start = startsDashboards();

/**
 * The hand-computed fixture's March: benelux (manager anna) = bram's A, B and chris's C, D, H; dach
 * (manager dieter) = eva's E, G; I is unassigned and F outside the window. Olga is an admin; Chris
 * signs in to Slack as chris.c@slack.example, which `slack.user_overrides` maps to his HubSpot e-mail;
 * Olaf owns leads in HubSpot (none here) without being in a team.
 */
const base = configFor(setup);
const PEOPLE = [
  'olga@example.com',
  'anna@example.com',
  'dieter@example.com',
  'bram@example.com',
  'eva@example.com',
  'chris.c@slack.example',
  'olaf@example.com',
  'zed@example.com',
];

async function withPeople(): Promise<Dashboard> {
  // Chris's Slack id is known once the sandbox has made him; the config is read on every request.
  const holder = { current: base };
  const d = await start({
    config: () => holder.current,
    token: TOKEN,
    signIn: { people: PEOPLE },
    owners: async () => [
      ...(setup.owners ?? []),
      { id: 'o9', email: 'olaf@example.com', firstName: 'Olaf', lastName: null },
    ],
  });
  const chris = d.slack?.state.userByEmail('chris.c@slack.example')?.id ?? '';
  holder.current = {
    ...base,
    slack: {
      ...base.slack,
      admins: ['#sla-admins', 'olga@example.com'],
      userOverrides: { 'chris@example.com': chris },
    },
  };
  return d;
}

interface View {
  readonly status: number;
  readonly handoffs: string[];
  readonly uncontacted: string[];
  readonly leads: string[];
}

async function viewAs(d: Dashboard, email: string | 'token', query = MARCH): Promise<View> {
  const b = new TestBrowser();
  if (email === 'token') b.headers = { ...BEARER };
  else await signInAs(b, `${d.base}/dashboard`, email);
  const res = await b.request(`${d.base}/dashboard/data.json?${query}`);
  if (res.status !== 200) return { status: res.status, handoffs: [], uncontacted: [], leads: [] };
  const r = (await res.json()) as {
    speed: { total: { handoffs: { ids: string[] } } };
    uncontacted: { total: { total: { ids: string[] } } };
    leads: { id: string }[];
  };
  const leadsPage = await (
    await b.request(`${d.base}/dashboard/leads?${query}&figure=speed%2Ftotal%2Fhandoffs`)
  ).text();
  expect([...leadsPage.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(
    [...r.speed.total.handoffs.ids].sort(),
  );
  return {
    status: 200,
    handoffs: [...r.speed.total.handoffs.ids].sort(),
    uncontacted: [...r.uncontacted.total.total.ids].sort(),
    leads: r.leads.map((l) => l.id).sort(),
  };
}

describe('each signed-in person sees their scope, on every dashboard route', () => {
  it('admin and token: everything; manager: the team; rep: own leads; anyone else: 403', async () => {
    const d = await withPeople();
    const all = await viewAs(d, 'olga@example.com');
    expect(all.handoffs).toEqual(['A', 'B', 'C', 'D', 'E', 'G', 'H']);
    expect(all.uncontacted).toContain('I');
    expect(await viewAs(d, 'token')).toEqual(all);
    const anna = await viewAs(d, 'anna@example.com');
    expect(anna.handoffs).toEqual(['A', 'B', 'C', 'D', 'H']);
    expect(anna.leads.filter((id) => ['E', 'F', 'G', 'I'].includes(id))).toEqual([]);
    expect((await viewAs(d, 'dieter@example.com')).handoffs).toEqual(['E', 'G']);
    const bram = await viewAs(d, 'bram@example.com');
    expect(bram.handoffs).toEqual(['A', 'B']);
    expect(bram.leads).toEqual(['A', 'B']);
    expect((await viewAs(d, 'eva@example.com')).uncontacted).toEqual(['E', 'F', 'G']);
    expect((await viewAs(d, 'chris.c@slack.example')).handoffs).toEqual(['C', 'D', 'H']);
    expect(await viewAs(d, 'olaf@example.com')).toMatchObject({ status: 200, handoffs: [] });
    expect((await viewAs(d, 'zed@example.com')).status).toBe(403);
  });

  it('keeps filters inside the scope: a rep asking for the team, or another rep, gets only their own', async () => {
    const d = await withPeople();
    expect((await viewAs(d, 'bram@example.com', `${MARCH}&team=benelux`)).handoffs).toEqual(['A', 'B']);
    expect((await viewAs(d, 'bram@example.com', `${MARCH}&rep=o2`)).handoffs).toEqual([]);
    expect((await viewAs(d, 'anna@example.com', `${MARCH}&team=dach`)).handoffs).toEqual([]);
    expect((await viewAs(d, 'olga@example.com', `${MARCH}&team=dach`)).handoffs).toEqual(['E', 'G']);
  });

  it('never serves one scope the report cached for another (same filters, within 30 s)', async () => {
    const d = await withPeople();
    expect((await viewAs(d, 'olga@example.com')).handoffs).toHaveLength(7);
    expect((await viewAs(d, 'bram@example.com')).handoffs).toEqual(['A', 'B']);
    expect((await viewAs(d, 'olga@example.com')).handoffs).toHaveLength(7);
  });

  it('offers a manager only their teams in the filter form, and a rep no team choice', async () => {
    const d = await withPeople();
    const page = async (email: string) => {
      const b = new TestBrowser();
      return (await signInAs(b, `${d.base}/dashboard?${MARCH}`, email)).res.text();
    };
    const anna = await page('anna@example.com');
    expect(anna).toContain('<option value="benelux"');
    expect(anna).not.toContain('<option value="dach"');
    expect(await page('bram@example.com')).not.toContain('<select name="team">');
    expect(await page('olga@example.com')).toContain('<option value="dach"');
  });
});

describe('roles from the SLA file in force', () => {
  const person = (email: string, slackUserId = 'U1') => ({ email, slackUserId });
  const config: SlaConfig = {
    ...base,
    slack: {
      ...base.slack,
      admins: ['#ops', 'Olga@Example.com'],
      userOverrides: { 'anna@example.com': 'U9' },
    },
  };

  it('reads admins, managers (their teams and own leads), reps and owners; e-mails case-insensitively', () => {
    expect(viewerOf(person('OLGA@example.com'), config, null)).toMatchObject({
      role: 'admin',
      scope: { kind: 'all' },
    });
    expect(viewerOf(person('anna@example.com'), config, null)).toMatchObject({
      role: 'manager',
      scope: { kind: 'people', teams: ['benelux'], emails: ['anna@example.com'] },
    });
    // Someone whose Slack e-mail differs, mapped by slack.user_overrides to their HubSpot one.
    expect(viewerOf(person('a.deboer@slack.example', 'U9'), config, null)).toMatchObject({
      role: 'manager',
      scope: { kind: 'people', teams: ['benelux'], emails: ['a.deboer@slack.example', 'anna@example.com'] },
    });
    expect(viewerOf(person('Bram@example.com'), config, null)).toMatchObject({
      role: 'rep',
      scope: { kind: 'people', teams: [], emails: ['bram@example.com'] },
    });
    expect(viewerOf(person('olaf@example.com'), config, null)).toBeNull();
    expect(viewerOf(person('olaf@example.com'), config, new Set(['olaf@example.com']))).toMatchObject({
      role: 'rep',
    });
    // A channel in slack.admins is nobody's e-mail.
    expect(viewerOf(person('#ops'), config, null)?.role).not.toBe('admin');
  });
});
