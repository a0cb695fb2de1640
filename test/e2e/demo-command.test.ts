import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
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

/** `sla-bot explain` against a finished demo's SLA file and store. */
async function explain(dir: string, ...args: string[]) {
  const cap = captureIo({ SLA_CONFIG: join(dir, 'sla.yaml'), DATABASE_URL: join(dir, 'sla-bot.sqlite') });
  const code = await main(['explain', ...args], cap.io);
  return { code, out: cap.stdout(), err: cap.stderr() };
}

describe('sla-bot demo', () => {
  it('plays the whole story at speed 5 and sums it up; nothing keeps running afterwards', async () => {
    const cap = captureIo({});
    const code = await main(['demo', '--speed', '5', '--duration', '38s', '--no-color'], cap.io);
    const out = cap.stdout();
    const dir = filesOf(out);
    // Afterwards, `sla-bot explain` on the lead that was escalated, from the demo's store and file.
    const story = dir === null ? null : await explain(dir, 'lotte.visser@deltaretail.example');
    const json = dir === null ? null : await explain(dir, 'lotte.visser@deltaretail.example', '--json');
    onTestFailed(() => console.error(`demo output:\n${out}\nexplain:\n${story?.out}`));
    if (dir) await rm(dir, { recursive: true, force: true });
    expect(cap.stderr()).toBe('');
    expect(code).toBe(0);

    // What people see, as it happens; the banner says what the SLA file will do.
    expect(out).toMatch(
      /team channel 10s after the breach, again every 4s \(2×\) \(a teammate may "Take it"\); manager 15s after the breach, and the lead goes to the team's next rep\n/,
    );
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
    // Nobody called Lotte: 75 s after the breach sla-bot gives her to Bram's teammate Chris, in
    // HubSpot, and tells Bram. Anna has that deadline's escalations (the level that reassigns told her
    // too): they say where the lead went, updated in place, and no second DM comes. (Chris's new ping
    // comes seconds later, at the run's end at this speed; Bram's ping about Daan below shows the same
    // history line and fresh deadline.)
    expect(out).toMatch(
      /DM to Bram Bakker \(bram@example\.com\)\n.*│ :arrows_counterclockwise: Reassigned to Chris Claes after \d+s without contact: Lotte Visser/,
    );
    expect(out).toMatch(
      /DM to Anna de Boer \(anna\.manager@example\.com\) — message edited\n(?: +│.*\n)*? +│ \+ :arrows_counterclockwise: Reassigned from Bram Bakker to Chris Claes after \d+s without contact\n/,
    );
    expect(out).not.toContain("Bram Bakker's lead reassigned to Chris Claes");
    expect(out).toContain("HubSpot  Lotte Visser's owner is now Chris Claes (was Bram Bakker)\n");
    // Bram takes Daan from the team channel: the message says so in place, HubSpot has him as owner,
    // Chris and Anna are told he took it over, and Bram gets the ping with a fresh clock.
    expect(out).toContain(
      "demo     Bram Bakker presses [Take it] on the team channel's escalation about Daan Mulder\n",
    );
    expect(out).toMatch(
      /#sales-benelux — message edited\n(.*\n)*?.*│ - \[Take it\]\n.*│ \+ :raising_hand: Taken by Bram Bakker at \d\d:\d\d:\d\d\n/,
    );
    expect(out).toMatch(
      /DM to Chris Claes \(chris@example\.com\)\n.*│ :raising_hand: Bram Bakker took over your lead after \d+s without contact: Daan Mulder/,
    );
    expect(out).toMatch(
      /DM to Anna de Boer \(anna\.manager@example\.com\)\n.*│ :raising_hand: Bram Bakker took over a lead from Chris Claes after \d+s without contact: Daan Mulder/,
    );
    expect(out).toMatch(
      /DM to Bram Bakker \(bram@example\.com\)\n.*│ New SQL: Daan Mulder\n(.*\n)*?.*│ Stage: SQL · score 63 {3}· {3}Contact by: (?<by>\d\d:\d\d:\d\d)\n(.*\n)*?.*│ :arrows_counterclockwise: Reassigned from Chris Claes after \d+s without contact\n.*│ (⏳ Waiting for first contact, deadline \k<by>\.|✅ Contacted in \d+s ✓)\n/,
    );
    expect(out).toContain("HubSpot  Daan Mulder's owner is now Bram Bakker (was Chris Claes)\n");
    expect(out).toContain('HubSpot  Bram Bakker logged a call with Daan Mulder: Connected\n');
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
    // Lotte went to Chris by round-robin, Daan to Bram, who took it and called: the rep is the owner
    // now, on a fresh clock (the old deadline's reminder, breach and escalations stay counted).
    expect(row('Lotte Visser')).toMatch(/\| Chris Claes \| DM \| deadline \d\d:\d\d:\d\d \| 1 \| 1 \| 4$/);
    expect(row('Daan Mulder')).toMatch(
      /\| Bram Bakker \| DM \| met in \d+s on the new owner's clock \(\d+s after it arrived\) \| 1 \| 1 \| 2$/,
    );
    expect(row('Pieter Jansen')).toMatch(/\| Chris Claes \| DM \| first attempt \d+s late \| 0 \| 1 \| 0$/);
    expect(row('Mia Hoffmann')).toMatch(/\| Felix Fischer \| fallback \| met in \d+s \| 0 \| 0 \| 0$/);
    expect(out).toContain(
      'Totals: 7 handed off · 7 pinged (1 via a fallback) · 4 met · 1 breached · 2 still open · 2 reminders · 3 breach notes · 6 escalations · 1 admin alert\n',
    );

    // The escalated lead's whole story, event by event, as `explain` tells it (times left out).
    expect(story).toMatchObject({ code: 0, err: '' });
    expect(story?.out).toMatch(
      /^What happened to Lotte Visser \(Delta Retail\)\nSQL handoff of .+ · owner Chris Claes · open · policy sql-demo\n/,
    );
    const events = (story?.out ?? '')
      .split('\n')
      .filter((l) => l.startsWith('  '))
      .map((l) => l.trim().split(/ {2,}/)[1])
      // The old owner's messages are settled in Slack as the run ends: their edit may still be queued.
      .map((e) => e?.replace(/; update in place pending$/, ''));
    const escalations = events.filter((e) => /^Escalation level \d to /.test(e ?? ''));
    const reassigned =
      'Escalation level 3 reassigned the lead from Bram Bakker to Chris Claes (round-robin): written to HubSpot';
    const gone = 'delivered; ended since: the lead went to Chris Claes';
    // Chris's ping goes out as the run ends: delivered or still queued, but there, after the new clock.
    const newPing = events.findIndex((e) =>
      /^Handoff ping to the owner: (delivered|not sent yet \(not tried\))$/.test(e ?? ''),
    );
    expect(newPing).toBeGreaterThan(
      events.indexOf('Owner changed from Bram Bakker to Chris Claes; the clock restarted'),
    );
    // Both clocks: Bram's from the handoff and its missed deadline, then Chris's after the change.
    expect(events.filter((e, i) => i !== newPing && !escalations.includes(e))).toEqual([
      'Entered SQL in HubSpot',
      'Assigned to Bram Bakker',
      expect.stringMatching(
        /^SLA clock started at the handoff, for Bram Bakker; deadline .+ \(12s of business time, Europe\/Amsterdam\)$/,
      ),
      expect.stringMatching(/^First seen by sla-bot, \d+s after the handoff$/),
      'Policy sql-demo: the first policy of the stage for every lead (recomputed from the stored lead with the current SLA file)',
      `Handoff ping to the owner: ${gone}`,
      `Reminder to the owner: ${gone}`,
      'Deadline missed: not contacted',
      `Breach note to the owner: ${gone}`,
      reassigned,
      'Owner changed from Bram Bakker to Chris Claes; the clock restarted',
      expect.stringMatching(
        /^SLA clock started again for the new owner, Chris Claes; deadline .+ \(12s of business time, Europe\/Amsterdam\)$/,
      ),
      'Reassignment notice to bram@example.com: delivered',
      // "Now" is judged when explain runs, seconds before Chris's deadline; on a slow machine just after
      // it, with the worker stopped: missed, and not recorded.
      expect.stringMatching(
        /^Now: (waiting for first contact, deadline .+|deadline .+ passed \d+s ago without contact; the worker has not recorded the breach yet \(it has not run since\))$/,
      ),
    ]);
    // The summary's four escalations, all before the new owner's clock: level 1 to the manager first,
    // then the team channel and its repeat, then level 3 (to the manager, with the reassignment; the
    // channel's second repeat, due after it, is dropped).
    expect(escalations).toHaveLength(4);
    expect(escalations[0]).toBe(`Escalation level 1 to the manager: ${gone}`);
    expect(escalations[3]).toBe(`Escalation level 3 to the manager: ${gone}`);
    for (const e of escalations) expect(e).toMatch(/^Escalation level \d to the (manager|team channel): /);
    expect(events.indexOf(escalations[3] ?? '')).toBeLessThan(
      events.indexOf('Owner changed from Bram Bakker to Chris Claes; the clock restarted'),
    );
    expect(json?.code).toBe(0);
    const parsed = JSON.parse(json?.out ?? '{}') as { format: string; timelines: { events: unknown[] }[] };
    expect(parsed.format).toBe('sla-bot-timeline/1');
    expect(parsed.timelines).toHaveLength(1);
    expect(parsed.timelines[0]?.events).toHaveLength(events.length);

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
