import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { describe, expect, it, onTestFailed } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { captureIo } from '../config/cli-io.ts';
import { waitFor } from './harness.ts';

/** The loopback URLs the banner lists (sandboxes and the worker's dashboard). */
const urlsIn = (out: string): string[] =>
  [...out.matchAll(/^ {2}(?:HubSpot|Slack|Dashboard) +(http:\/\/127\.0\.0\.1:\d+\S*)/gm)].map(
    (m) => m[1] ?? '',
  );

const refused = async (url: string): Promise<boolean> => {
  try {
    await fetch(url);
    return false;
  } catch {
    return true;
  }
};

const filesOf = (out: string): string | null => /SQLite store and worker log: (\S+)/.exec(out)?.[1] ?? null;

describe('sla-bot demo', () => {
  it('plays the whole story at speed 5 and sums it up; nothing keeps running afterwards', async () => {
    const cap = captureIo({});
    const code = await main(['demo', '--speed', '5', '--duration', '36s', '--no-color'], cap.io);
    const out = cap.stdout();
    onTestFailed(() => console.error(`demo output:\n${out}`));
    const dir = filesOf(out);
    if (dir) await rm(dir, { recursive: true, force: true });
    expect(cap.stderr()).toBe('');
    expect(code).toBe(0);

    // What people see, as it happens.
    expect(out).toContain('Slack    DM to Bram Bakker (bram@example.com)\n');
    expect(out).toMatch(/│ New SQL: Sanne de Vries\n/);
    expect(out).toMatch(
      /DM to Bram Bakker \(bram@example\.com\) — message edited\n.*│ New SQL: Sanne de Vries\n(.*\n)*?.*│ \+ ✅ Contacted in/,
    );
    expect(out).toContain('Slack    #sales-dach\n');
    expect(out).toContain(
      'ℹ️ Meant for felix@example.com, who is not found in Slack; you are getting it instead.',
    );
    expect(out).toContain('Slack    #sales-ops\n');
    expect(out).toContain(
      'DM to Chris Claes (chris@example.com), only visible to Chris Claes (chris@example.com)',
    );
    expect(out).toContain('demo     Chris Claes presses [On it] on the ping about Pieter Jansen');
    // Who pressed it by name, at the reader's own local time (a Slack date token, like the deadline).
    expect(out).toMatch(/│ \+ 👋 On it: Chris Claes at \d\d:\d\d:\d\d\.\n/);
    // Eva's first call went unanswered: an attempt, not a contact.
    expect(out).toMatch(/│ New SQL: Jonas Weber\n(.*\n)*?.*│ \+ ✅ First attempt in \d+s ✓/);
    // The admins' alert says what to fix, not the outbox key it is deduplicated by.
    expect(out).not.toContain('Alert key');
    expect(out).toContain('Slack    DM to Anna de Boer (anna.manager@example.com)\n');
    expect(out).toMatch(
      /Slack {4}#sales-benelux\n.*│ 🚨 @Bram Bakker \(team benelux\) has not contacted this lead: Lotte Visser/,
    );
    expect(out).not.toContain('<https://');
    expect(out).not.toContain('<!date^');

    // The summary, from the store.
    const row = (lead: string) =>
      out
        .split('\n')
        .find((l) => l.startsWith(lead))
        ?.replace(/ {2,}/g, ' | ');
    expect(row('Sanne de Vries')).toMatch(
      /^Sanne de Vries \(Tulip Logistics\) \| SQL \| Bram Bakker \| DM \| met in \d+s \| 0 \| 0 \| 0$/,
    );
    expect(row('Bas Smit')).toMatch(
      /^Bas Smit \(Kade Studio\) \| MQL \| Chris Claes \| DM \| clock starts \d\d:\d\d:00 \| 0 \| 0 \| 0$/,
    );
    expect(row('Lotte Visser')).toMatch(/\| Bram Bakker \| DM \| no contact logged \| 1 \| 1 \| 4$/);
    expect(row('Pieter Jansen')).toMatch(/\| Chris Claes \| DM \| first attempt \d+s late \| 0 \| 1 \| 0$/);
    expect(row('Mia Hoffmann')).toMatch(/\| Felix Fischer \| fallback \| met in \d+s \| 0 \| 0 \| 0$/);
    expect(out).toContain(
      'Totals: 6 handed off · 6 pinged (1 via a fallback) · 3 met · 2 breached · 1 still open · 1 reminder · 2 breach notes · 4 escalations · 1 admin alert\n',
    );

    const urls = urlsIn(out);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect({ url, refused: await refused(url) }).toEqual({ url, refused: true });
  }, 90_000);

  it('speaks Dutch with --lang nl: pings, notes and buttons as a Dutch rep reads them', async () => {
    const cap = captureIo({});
    const code = await main(
      ['demo', '--lang', 'nl', '--speed', '10', '--duration', '15s', '--no-color'],
      cap.io,
    );
    const out = cap.stdout();
    onTestFailed(() => console.error(`demo output:\n${out}`));
    const dir = filesOf(out);
    if (dir) await rm(dir, { recursive: true, force: true });
    expect(cap.stderr()).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/│ Nieuwe SQL: Sanne de Vries\n/);
    expect(out).toMatch(/│ Je hebt een nieuwe SQL-lead\. Neem binnen \d+ s contact op/);
    expect(out).toContain('[Ik pak hem op]');
    expect(out).toContain(
      'ℹ️ Bedoeld voor felix@example.com, die niet in Slack te vinden is; jij krijgt het in plaats daarvan.',
    );
    expect(out).not.toContain('You have a new SQL lead');
  }, 60_000);

  it('stops on Ctrl-C: servers closed, worker stopped, summary printed, exit 0', async () => {
    const child = spawn(process.execPath, ['bin/sla-bot.js', 'demo'], {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const exited = once(child, 'exit');
    await waitFor('the first Slack message', () => out.includes('Slack    DM to'), 30_000);
    child.kill('SIGINT');
    const [code] = await exited;
    const dir = filesOf(out);
    if (dir) await rm(dir, { recursive: true, force: true });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Stopping (Ctrl-C)…');
    expect(out).toMatch(/Totals: \d handed off · \d pinged/);
    expect(out).not.toContain('\u001b[');
    const urls = urlsIn(out);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect({ url, refused: await refused(url) }).toEqual({ url, refused: true });
  }, 60_000);
});
