import { describe, expect, it } from 'vitest';
import { BEARER, MARCH, startsDashboards, TOKEN } from './harness.ts';

const starts = startsDashboards();
const start = (o: Parameters<typeof starts>[0] = {}) => starts({ token: TOKEN, ...o });
/** A script reading the dashboard with the DASHBOARD_TOKEN. */
const get = (url: string) => fetch(url, { headers: BEARER });

/** The text of the element carrying `data-figure="path"` (the page's own marker for tests and tools). */
function figureText(page: string, path: string): string | null {
  const re = new RegExp(`data-figure="${path.replace(/[/+]/g, (c) => `\\${c}`)}"[^>]*>([^<]*)<`);
  return re.exec(page)?.[1] ?? null;
}

describe('dashboard over HTTP, on the hand-computed store', () => {
  it('serves the figures of the report, every number linked to its leads', async () => {
    const d = await start();
    const res = await get(`${d.base}/dashboard?${MARCH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(figureText(page, 'speed/total/handoffs')).toBe('7');
    expect(figureText(page, 'speed/total/compliance')).toBe('60.0%');
    expect(figureText(page, 'speed/byTeam/benelux/compliance')).toBe('75.0%');
    expect(figureText(page, 'uncontacted/total/total')).toBe('4');
    expect(page).toContain('no deal data');
    expect(page).toContain(
      '/dashboard/leads?since=2026-03-01&amp;until=2026-03-31&amp;figure=speed%2Ftotal%2Fbands%2F0-5m',
    );
  });

  it('lists the leads behind a figure', async () => {
    const d = await start();
    const res = await get(`${d.base}/dashboard/leads?${MARCH}&figure=speed%2Ftotal%2Fbands%2F0-5m`);
    const page = await res.text();
    expect(res.status).toBe(200);
    expect([...page.matchAll(/data-id="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(['A', 'D', 'H']);
    expect((await get(`${d.base}/dashboard/leads?${MARCH}&figure=speed%2Fnothing`)).status).toBe(404);
  });

  it('filters by team, rep, stage and period through query parameters', async () => {
    const d = await start();
    const json = (await (
      await get(`${d.base}/dashboard/data.json?${MARCH}&team=dach&period=month`)
    ).json()) as {
      speed: { total: { handoffs: { ids: string[] } }; byPeriod: { key: string }[] };
      query: { team: string };
    };
    expect(json.query.team).toBe('dach');
    expect(json.speed.total.handoffs.ids.sort()).toEqual(['E', 'G']);
    expect(json.speed.byPeriod.map((p) => p.key)).toEqual(['2026-03']);
    const sql = await (await get(`${d.base}/dashboard?${MARCH}&stage=sql&rep=o1`)).text();
    expect(figureText(sql, 'speed/total/handoffs')).toBe('2');
  });

  it('refuses filters that name nothing', async () => {
    const d = await start();
    const res = await get(`${d.base}/dashboard?team=atlantis`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain("team 'atlantis'");
    expect((await get(`${d.base}/dashboard?since=yesterday`)).status).toBe(400);
  });

  it('says so when HubSpot owners cannot be read, and shows owner ids', async () => {
    const d = await start({
      owners: async () => {
        throw new Error('HubSpot 503');
      },
    });
    const page = await (await get(`${d.base}/dashboard?${MARCH}`)).text();
    expect(page).toContain('HubSpot owners could not be read');
    expect(page).toContain('owner o1');
  });
});
