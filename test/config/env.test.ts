import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../../src/config/env.ts';
import { signInSettings } from '../../src/server/dashboard/auth/sign-in-settings.ts';

const problems = (source: Record<string, string>): readonly string[] => {
  try {
    loadEnv(source);
    return [];
  } catch (err) {
    if (err instanceof EnvError) return err.problems;
    throw err;
  }
};

const SIGN_IN = {
  SLACK_CLIENT_ID: '2141029472.691202649728',
  SLACK_CLIENT_SECRET: 'e1b9e11dfcd19c1982d5de12921e17e8c',
  DASHBOARD_URL: 'https://sla.example.com',
};

describe('the environment of the dashboard and its listeners (issue 16)', () => {
  it('leaves sign-in and the public listener off when unset or empty (as .env.example lists them)', () => {
    const env = loadEnv({
      PUBLIC_PORT: '',
      PUBLIC_HOST: '',
      DASHBOARD_URL: '',
      SESSION_SECRET: '',
      SLACK_CLIENT_ID: '',
    });
    expect(env).toMatchObject({ PORT: 3000, HOST: '127.0.0.1' });
    expect(env.PUBLIC_PORT).toBeUndefined();
    expect(env.DASHBOARD_URL).toBeUndefined();
    expect(signInSettings(env)).toBeNull();
  });

  it('turns sign-in on with all three of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and DASHBOARD_URL, and names what is missing', () => {
    const settings = signInSettings(loadEnv({ ...SIGN_IN, DASHBOARD_URL: 'https://sla.example.com/' }));
    expect(settings).toMatchObject({
      clientId: SIGN_IN.SLACK_CLIENT_ID,
      redirectUri: 'https://sla.example.com/dashboard/auth/callback',
      authorizeUrl: 'https://slack.com/openid/connect/authorize',
      secure: true,
    });
    expect(
      signInSettings(loadEnv({ ...SIGN_IN, SLACK_API_URL: 'http://127.0.0.1:4000/api/' }))?.authorizeUrl,
    ).toBe('http://127.0.0.1:4000/openid/connect/authorize');
    expect(signInSettings(loadEnv({ ...SIGN_IN, DASHBOARD_URL: 'http://127.0.0.1:3000' }))?.secure).toBe(
      false,
    );
    expect(problems({ SLACK_CLIENT_ID: SIGN_IN.SLACK_CLIENT_ID })).toEqual([
      'SLACK_CLIENT_SECRET: SLACK_CLIENT_SECRET is not set, but SLACK_CLIENT_ID is: Sign in with Slack needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and DASHBOARD_URL',
      'DASHBOARD_URL: DASHBOARD_URL is not set, but SLACK_CLIENT_ID is: Sign in with Slack needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and DASHBOARD_URL',
    ]);
  });

  it('wants DASHBOARD_URL as a base URL without a path, and a SESSION_SECRET of 32 characters or more', () => {
    expect(problems({ ...SIGN_IN, DASHBOARD_URL: 'https://sla.example.com/dashboard' })).toContain(
      'DASHBOARD_URL: DASHBOARD_URL must be the public base URL without a path, such as https://sla.example.com (the dashboard is at its /dashboard)',
    );
    expect(problems({ ...SIGN_IN, DASHBOARD_URL: 'ftp://sla.example.com' })[0]).toContain(
      'absolute http(s) URL',
    );
    expect(problems({ ...SIGN_IN, SESSION_SECRET: 'short' })).toEqual([
      'SESSION_SECRET: SESSION_SECRET must be at least 32 characters (e.g. openssl rand -hex 32)',
    ]);
    // Derived from the client secret when unset; another secret, another key.
    const derived = signInSettings(loadEnv(SIGN_IN))?.key;
    const own = signInSettings(loadEnv({ ...SIGN_IN, SESSION_SECRET: 'x'.repeat(32) }))?.key;
    expect(derived?.length).toBe(32);
    expect(derived?.equals(own ?? Buffer.alloc(0))).toBe(false);
    expect(derived?.toString('utf8')).not.toContain(SIGN_IN.SLACK_CLIENT_SECRET);
  });

  it('takes PUBLIC_PORT as a second listener, never the same as PORT on the same host', () => {
    expect(loadEnv({ PUBLIC_PORT: '8443', PUBLIC_HOST: '0.0.0.0' })).toMatchObject({
      PUBLIC_PORT: 8443,
      PUBLIC_HOST: '0.0.0.0',
    });
    expect(loadEnv({ PORT: '0', PUBLIC_PORT: '0' }).PUBLIC_PORT).toBe(0);
    expect(loadEnv({ PUBLIC_PORT: '3000', PUBLIC_HOST: '0.0.0.0' }).PUBLIC_PORT).toBe(3000);
    expect(problems({ PUBLIC_PORT: '3000' })).toEqual([
      'PUBLIC_PORT: PUBLIC_PORT must differ from PORT (3000): it is a second listener; unset it to serve everything on PORT',
    ]);
    expect(problems({ PUBLIC_PORT: 'https' })).toEqual([
      'PUBLIC_PORT: PUBLIC_PORT must be a number between 0 and 65535',
    ]);
  });
});
