import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facts, NOW } from '../fixtures/reports/hand-computed.ts';
import { writeFacts } from '../fixtures/reports/store-facts.ts';
import { sla, storeFile } from './cli-harness.ts';

const MARCH = ['--since', '2026-03-01', '--until', '2026-03-31'];
let db: Awaited<ReturnType<typeof storeFile>>;
let dir: string;
let env: Record<string, string>;
let german: Record<string, string>;

beforeAll(async () => {
  db = await storeFile((store) => writeFacts(store, facts, NOW));
  env = { DATABASE_URL: db.file, SLA_CONFIG: 'test/fixtures/reports/sla.yaml', LOG_LEVEL: 'silent' };
  // The same SLA file with a top-level German `language:` (informal: for messages; reports say Sie).
  dir = await mkdtemp(join(tmpdir(), 'sla-bot-lang-'));
  const file = join(dir, 'sla.yaml');
  const yaml = await readFile('test/fixtures/reports/sla.yaml', 'utf8');
  await writeFile(file, `${yaml}\nlanguage: { code: de, informal: true }\n`);
  german = { ...env, SLA_CONFIG: file };
});
afterAll(async () => {
  await db.remove();
  await rm(dir, { recursive: true, force: true });
});

describe('sla-bot report --lang', () => {
  it('prints the table in Dutch, numbers and dates the Dutch way', async () => {
    const r = await sla(['report', ...MARCH, '--lang', 'nl'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'SLA-rapport: overdrachten van 1 mrt 2026 tot en met 31 mrt 2026 (UTC), per week',
    );
    expect(r.stdout).toContain('SNELHEID VAN OPVOLGING');
    expect(r.stdout).toContain('60,0%');
  });

  it('prints the CSV header in German, the figure paths and units unchanged', async () => {
    const r = await sla(['report', ...MARCH, '--format', 'csv', '--lang', 'de'], env);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Kennzahl,Bezeichnung,Wert,Einheit,IDs');
    expect(lines).toContain('speed/total/compliance,Alle Leads,60,percent,A D H B E');
  });

  it('keeps JSON keys English in every language', async () => {
    const en = await sla(['report', ...MARCH, '--format', 'json', '--lang', 'en'], env);
    const nl = await sla(['report', ...MARCH, '--format', 'json', '--lang', 'nl'], env);
    const keys = (s: string) => Object.keys(JSON.parse(s) as object);
    expect(keys(nl.stdout)).toEqual(keys(en.stdout));
    expect(nl.stdout).toContain('"label":"All leads"');
  });

  it("defaults to the SLA file's language:, and --lang overrides it", async () => {
    const byFile = await sla(['report', ...MARCH], german);
    expect(byFile.code).toBe(0);
    expect(byFile.stdout).toContain(
      'SLA-Bericht: Übergaben vom 1. März 2026 bis 31. März 2026 (UTC), pro Woche',
    );
    const english = await sla(['report', ...MARCH, '--lang', 'en'], german);
    expect(english.stdout).toContain('SLA report: handoffs from 1 Mar 2026 to 31 Mar 2026 (UTC), by week');
  });

  it('refuses another language, naming the three, with the exit code of other bad arguments', async () => {
    const r = await sla(['report', ...MARCH, '--lang', 'fr'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("sla-bot report: --lang 'fr' is not one of en, nl, de");
    expect(r.stdout).toBe('');
  });
});
