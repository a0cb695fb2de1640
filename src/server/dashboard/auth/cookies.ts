/** Cookies of the dashboard: read from the `Cookie` header, written as `Set-Cookie` values. */

export interface CookieOptions {
  /** Sent only to this path and below (`/dashboard`: never to webhooks or Slack events). */
  readonly path: string;
  /** Seconds; 0 deletes the cookie. */
  readonly maxAge: number;
  /** `Secure`: only over https (DASHBOARD_URL says whether people reach the dashboard so). */
  readonly secure: boolean;
}

/** The value of cookie `name` in a `Cookie` header, or `null` (the first one wins, as browsers order them). */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    return part.slice(eq + 1).trim();
  }
  return null;
}

/**
 * A `Set-Cookie` value: always HttpOnly (no script may read it; the pages have none anyway) and
 * SameSite=Lax — sent on the top-level GET navigation back from Slack's sign-in page (Strict would
 * drop it there and on the redirect after it), never on cross-site POSTs, images or frames.
 */
export function setCookie(name: string, value: string, o: CookieOptions): string {
  return [
    `${name}=${value}`,
    `Path=${o.path}`,
    `Max-Age=${Math.max(0, Math.floor(o.maxAge))}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(o.secure ? ['Secure'] : []),
  ].join('; ');
}
