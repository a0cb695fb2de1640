import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url).pathname;

/** Scopes each Web API method needs (docs.slack.dev/reference/methods). */
const METHOD_SCOPES: Record<string, readonly string[]> = {
  'auth.test': [],
  'chat.delete': ['chat:write'],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'conversations.list': ['channels:read', 'groups:read'],
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.open': ['im:write'],
  'users.info': ['users:read'],
  'users.lookupByEmail': ['users:read.email'],
  'views.open': [],
  'views.publish': [],
  'views.update': [],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const code = sources(join(root, 'src/slack'))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const manifest = parse(readFileSync(join(root, 'slack-app-manifest.yml'), 'utf8'));

describe('the Slack app manifest', () => {
  it('asks for exactly the scopes the code uses', () => {
    const methods = [
      ...new Set([...code.matchAll(/client\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`)),
    ].sort();
    expect(
      methods.filter((m) => !(m in METHOD_SCOPES)),
      'methods missing from the scope table',
    ).toEqual([]);
    const needed = new Set(methods.flatMap((m) => METHOD_SCOPES[m] ?? []));
    if (code.includes('app.command(')) needed.add('commands');
    // Team channels are configured by name and may be public channels the bot was never invited to.
    needed.add('chat:write.public');
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('asks for the Sign in with Slack user scopes and names the dashboard callback as a redirect URL', () => {
    expect(manifest.oauth_config.scopes.user).toEqual(['openid', 'email', 'profile']);
    expect(manifest.oauth_config.redirect_urls).toEqual(['https://sla.example.com/dashboard/auth/callback']);
    expect(readFileSync(join(root, 'src/server/dashboard/auth/sign-in-settings.ts'), 'utf8')).toContain(
      "CALLBACK_PATH = '/dashboard/auth/callback'",
    );
  });

  it('registers /sla, the App Home event, the Home and Messages tabs, and interactivity', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/sla']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
