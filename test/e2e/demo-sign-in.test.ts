import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { describe, expect, it, onTestFailed } from 'vitest';
import { signInAs, TestBrowser } from '../server/dashboard/browser.ts';
import { waitFor } from './harness.ts';

/**
 * `sla-bot demo`'s dashboard is no exception to sign-in (issue 16): it answers nobody for being on
 * loopback, and people sign in through the sandbox's Slack as they would through Slack's.
 */
describe('sla-bot demo: the dashboard behind Sign in with Slack (the sandbox)', () => {
  it('sends a visitor to sign in, and shows a manager their team once signed in', async () => {
    const child = spawn(process.execPath, ['bin/sla-bot.js', 'demo'], {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    onTestFailed(() => console.error(`demo output:\n${out}`));
    const exited = once(child, 'exit');
    try {
      await waitFor(
        'the banner',
        () => /^ {2}Dashboard +http:\/\/127\.0\.0\.1:\d+\/dashboard/m.test(out),
        30_000,
      );
      const dashboard = /^ {2}Dashboard +(http:\/\/127\.0\.0\.1:\d+\/dashboard)/m.exec(out)?.[1] ?? '';
      expect(out).toContain("(sign in on the sandbox's Slack as anyone in the story)");

      const stranger = await fetch(dashboard, { redirect: 'manual' });
      expect(stranger.status).toBe(302);
      expect(stranger.headers.get('location')).toMatch(/^\/dashboard\/sign-in/);
      expect((await fetch(`${dashboard}/data.json`)).status).toBe(401);

      const b = new TestBrowser();
      const landed = await signInAs(b, dashboard, 'anna.manager@example.com');
      expect(landed.res.status).toBe(200);
      expect(await landed.res.text()).toContain('anna.manager@example.com (manager of benelux)');
    } finally {
      child.kill('SIGINT');
      const [code] = await exited;
      const dir = /SQLite store and worker log: (\S+)/.exec(out)?.[1];
      if (dir) await rm(dir, { recursive: true, force: true });
      expect(code).toBe(0);
    }
  }, 60_000);
});
