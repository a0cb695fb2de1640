/**
 * A browser as far as sign-in needs one: a cookie jar per origin (name → value; the dashboard's
 * cookies all have Path=/dashboard) and fetch with manual redirects, so every hop can be checked.
 */
export class TestBrowser {
  readonly jar = new Map<string, Map<string, string>>();
  /** Extra headers on every request (e.g. what a proxy adds). */
  headers: Record<string, string> = {};

  cookies(origin: string): Map<string, string> {
    let c = this.jar.get(origin);
    if (!c) {
      c = new Map();
      this.jar.set(origin, c);
    }
    return c;
  }

  async request(
    url: string,
    init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  ) {
    const origin = new URL(url).origin;
    const jar = this.cookies(origin);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        ...this.headers,
        ...(cookie === '' ? {} : { cookie }),
        ...(init.body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/max-age=0\b/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /** Follows redirects (resolving relative locations) until an answer that is not one. */
  async follow(url: string, max = 10): Promise<{ res: Response; url: string; hops: string[] }> {
    const hops: string[] = [];
    let at = url;
    for (let i = 0; i < max; i++) {
      const res = await this.request(at);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || location === null) return { res, url: at, hops };
      at = new URL(location, at).toString();
      hops.push(at);
    }
    throw new Error(`more than ${max} redirects from ${url}`);
  }
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The sandbox authorize page's form: its hidden fields and the person buttons by e-mail. */
export function authorizeForm(html: string): { fields: Record<string, string>; people: Map<string, string> } {
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
      m[1] ?? '',
      unescapeHtml(m[2] ?? ''),
    ]),
  );
  const people = new Map(
    [...html.matchAll(/name="user" value="([^"]+)" data-email="([^"]+)"/g)].map((m) => [
      unescapeHtml(m[2] ?? ''),
      m[1] ?? '',
    ]),
  );
  return { fields, people };
}

/**
 * Goes from `start` (a dashboard page or the sign-in route) to Slack's authorize page and picks
 * `email` there; returns the callback URL Slack sends the browser to, not yet followed.
 */
export async function authorizeAs(b: TestBrowser, start: string, email: string) {
  const toSlack = await b.follow(start);
  if (toSlack.res.status !== 200 || !toSlack.url.includes('/openid/connect/authorize'))
    throw new Error(`expected Slack's authorize page, got ${toSlack.res.status} at ${toSlack.url}`);
  const { fields, people } = authorizeForm(await toSlack.res.text());
  const user = people.get(email);
  if (user === undefined) throw new Error(`${email} is not on the authorize page`);
  const chosen = await b.request(toSlack.url.split('?')[0] ?? '', {
    method: 'POST',
    body: new URLSearchParams({ ...fields, user }).toString(),
  });
  const callback = chosen.headers.get('location');
  if (chosen.status !== 302 || callback === null) throw new Error(`authorize answered ${chosen.status}`);
  return { callback, authorizeUrl: toSlack.url, hops: [...toSlack.hops, callback] };
}

/** Signs `email` in through the sandbox, all the way back to the dashboard. */
export async function signInAs(b: TestBrowser, start: string, email: string) {
  const slack = await authorizeAs(b, start, email);
  const landed = await b.follow(slack.callback);
  return { ...slack, res: landed.res, url: landed.url, hops: [...slack.hops, ...landed.hops] };
}
