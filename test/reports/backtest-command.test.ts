import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSlaConfigFile } from '../../src/config/load-sla-config.ts';
import type { Backtest } from '../../src/domain/reports/index.ts';
import { HOUR } from '../../src/domain/time.ts';
import { seedStore } from '../support/seed/seed-store.ts';
import { sla, storeFile } from './cli-harness.ts';

const FILE = 'test/fixtures/reports/sla.yaml';
let db: Awaited<ReturnType<typeof storeFile>>;
let env: Record<string, string>;
let proposed: string;

beforeAll(async () => {
  const loaded = await loadSlaConfigFile(FILE);
  if (!loaded.ok) throw new Error(`${FILE} does not load`);
  // The command replays up to the real now, so the history ends just before it.
  db = await storeFile(async (store) => {
    await seedStore(store, { config: loaded.config, count: 400, now: Date.now() - HOUR, days: 10, seed: 7 });
  });
  env = { DATABASE_URL: db.file, SLA_CONFIG: FILE, LOG_LEVEL: 'silent' };
  // The proposal: SQLs get 30 minutes instead of 5.
  const text = await readFile(FILE, 'utf8');
  const changed = text.replace(
    /(- name: sql-policy[\s\S]*?first_contact: \{ within: )5m/,
    (_m, head: string) => `${head}30m`,
  );
  expect(changed).not.toBe(text);
  proposed = join(db.file, '..', 'proposed.yaml');
  await writeFile(proposed, changed);
});
afterAll(async () => {
  await db.remove();
});

describe('sla-bot backtest', () => {
  it('shows no change for the same file', async () => {
    const r = await sla(['backtest', '--config', FILE, '--days', '11'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Changes in the file: none (the same rules)');
    expect(r.stdout).toContain('No lead would get another verdict.');
    const changes = r.stdout
      .split('\n')
      .filter((l) => /^\S*\s+(pings|reminders|breach messages|escalations|leads breached)\s/.test(l))
      .map((l) => l.trim().split(/\s+/).at(-1));
    expect(changes.length).toBeGreaterThan(0);
    expect(new Set(changes)).toEqual(new Set(['0']));
  });

  it('shows fewer SQL breaches and escalations with a longer window, and which leads flip', async () => {
    const r = await sla(['backtest', '--config', proposed, '--days', '11', '--format', 'json'], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { configChange: string; result: Backtest };
    expect(out.configChange).toBe('policies: changed sql-policy');
    const { current, proposed: next, actual } = out.result.total;
    expect(actual.handoff.value).toBeGreaterThan(0);
    expect(next.handoff.value).toBe(current.handoff.value);
    expect(next.breachedLeads.value).toBeLessThan(current.breachedLeads.value ?? 0);
    expect(next.escalation.value).toBeLessThan(current.escalation.value ?? 0);
    const flips = out.result.changes.map((c) => `${c.from}>${c.to}`);
    expect(flips).toContain('breached>met');
    // A longer window never turns a lead that was in time into a breach.
    expect(flips.filter((f) => f.startsWith('met>'))).toEqual([]);
    const met = out.result.changes.find((c) => c.from === 'breached' && c.to === 'met');
    expect(met?.leads.ids.every((id) => id.includes(':sql:'))).toBe(true);
  });

  it('needs --config and says why', async () => {
    const r = await sla(['backtest'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--config FILE is required');
    const bad = await sla(['backtest', '--config', FILE, '--days', '0'], env);
    expect(bad.code).toBe(2);
  });

  it('reports a broken proposed file like validate does', async () => {
    const broken = join(db.file, '..', 'broken.yaml');
    await writeFile(broken, 'timezone: Mars/Olympus\nstages: {}\npolicies: []\n');
    const r = await sla(['backtest', '--config', broken], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:1:\d+: .*timezone/i);
  });
});

describe('sla-bot backtest of a level that reassigns', () => {
  let withOwners: Awaited<ReturnType<typeof storeFile>>;
  let reassigning: string;
  let ownersEnv: Record<string, string>;

  beforeAll(async () => {
    const loaded = await loadSlaConfigFile(FILE);
    if (!loaded.ok) throw new Error(`${FILE} does not load`);
    const now = Date.now() - HOUR;
    withOwners = await storeFile(async (store) => {
      const seeded = await seedStore(store, { config: loaded.config, count: 150, now, days: 5, seed: 11 });
      await store.saveOwners(seeded.owners, now);
    });
    ownersEnv = { DATABASE_URL: withOwners.file, SLA_CONFIG: FILE, LOG_LEVEL: 'silent' };
    // The proposal: an SQL lead nobody called 10 minutes after its breach goes to the next teammate.
    const text = await readFile(FILE, 'utf8');
    const changed = text
      .replace(
        /(- name: sql-policy[\s\S]*?- at: breach\n\s+notify: \[manager\]\n)/,
        (_m, head: string) =>
          `${head}      - after: 10m\n        notify: [manager]\n        reassign: { to: round_robin }\n`,
      )
      .replace(/^reports:/m, 'hubspot:\n  write_back: { enabled: true }\nreports:');
    expect(changed).not.toBe(text);
    reassigning = join(withOwners.file, '..', 'reassigning.yaml');
    await writeFile(reassigning, changed);
  });
  afterAll(async () => {
    await withOwners.remove();
  });

  it('counts the reassignments the proposed file would have made and says what it assumes', async () => {
    const json = await sla(
      ['backtest', '--config', reassigning, '--days', '6', '--format', 'json'],
      ownersEnv,
    );
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as { reassignAssumptions: string[]; result: Backtest };
    const { current, proposed: next } = out.result.total;
    expect(current.reassignments.value).toBe(0);
    expect(next.reassignments.value).toBeGreaterThan(0);
    // Only SQL leads breached without contact can move, and never more than once each.
    expect(next.reassignments.ids.every((id) => id.includes(':sql:'))).toBe(true);
    expect(next.reassignments.value).toBeLessThanOrEqual(next.breachedLeads.ids.length);
    expect(next.reassignments.ids.every((id) => next.breachedLeads.ids.includes(id))).toBe(true);
    expect(out.reassignAssumptions.join(' ')).toContain('reachable in Slack');
    expect(out.reassignAssumptions.join(' ')).toContain('round-robin starts at its first rep');

    const table = await sla(['backtest', '--config', reassigning, '--days', '6'], ownersEnv);
    expect(table.stdout).toContain("Reassignments replay the worker's own rules");
    const first = table.stdout.split('\n').find((l) => /^\s*reassignments\s/.test(l));
    expect(first?.trim().split(/\s+/).slice(1)).toEqual([
      '0',
      '0',
      String(next.reassignments.value),
      `+${next.reassignments.value}`,
    ]);
  });

  it('writes the CSV and the table in Dutch, machine columns unchanged', async () => {
    const csv = await sla(
      ['backtest', '--config', reassigning, '--days', '6', '--format', 'csv', '--lang', 'nl'],
      ownersEnv,
    );
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('team,cijfer,wat,werkelijk,huidig,voorstel,verschil');
    const row = lines.find((l) => l.startsWith('all,reassignments,'));
    expect(row).toMatch(/^all,reassignments,hertoewijzingen,0,0,[1-9]\d*,\+[1-9]\d*$/);
    expect(lines.find((l) => l.startsWith('all,breachedLeads,'))).toMatch(
      /^all,breachedLeads,[^,]+,,\d+,\d+,/,
    );

    const nl = await sla(['backtest', '--config', reassigning, '--days', '6', '--lang', 'nl'], ownersEnv);
    expect(nl.stdout).toContain('Niet bekend bij de backtest, dus aangenomen');
    expect(nl.stdout).toMatch(/^alle\s+pings\s/m);
    const de = await sla(['backtest', '--config', reassigning, '--days', '6', '--lang', 'de'], ownersEnv);
    expect(de.stdout).toContain('Neuzuweisungen');
    const bad = await sla(['backtest', '--config', reassigning, '--lang', 'fr'], ownersEnv);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--lang 'fr' is not one of en, nl, de");
  });
});
