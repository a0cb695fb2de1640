import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { captureIo } from './cli-io.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('sla-bot validate', () => {
  it('a valid file exits 0 with a one-line summary on stdout', async () => {
    const run = captureIo({}, ROOT);
    expect(await main(['validate', 'test/fixtures/config/minimal.yaml'], run.io)).toBe(0);
    expect(run.stdout()).toBe(
      'test/fixtures/config/minimal.yaml: valid — 1 stage (sql), 1 policy, 0 teams, 0 calendars, poll every 30s\n',
    );
    expect(run.stderr()).toBe('');
  });

  it('an invalid file exits 1 with one FILE:LINE:COL line per problem on stderr', async () => {
    const run = captureIo({}, ROOT);
    const file = 'test/fixtures/config/errors/duplicate-keys.yaml';
    expect(await main(['validate', file], run.io)).toBe(1);
    expect(run.stdout()).toBe('');
    expect(run.stderr()).toBe(
      [
        `${file}:9:7: duplicate key 'within' (first at line 8); each key may appear once in a map, remove one or merge them`,
        `${file}:12:1: duplicate key 'timezone' (first at line 1); each key may appear once in a map, remove one or merge them`,
        '',
      ].join('\n'),
    );
  });

  it('without FILE it checks SLA_CONFIG from the environment', async () => {
    const run = captureIo({ SLA_CONFIG: 'test/fixtures/config/errors/empty.yaml' }, ROOT);
    expect(await main(['validate'], run.io)).toBe(1);
    expect(run.stderr()).toBe(
      'test/fixtures/config/errors/empty.yaml:1:1: the file is empty; start from config/sla.yaml, which lists every key\n',
    );
  });

  it('without FILE or SLA_CONFIG it checks config/sla.yaml, which is valid', async () => {
    const run = captureIo({}, ROOT);
    expect(await main(['validate'], run.io)).toBe(0);
    expect(run.stdout()).toMatch(
      /^config\/sla\.yaml: valid — 4 stages \(mql, sal, sql, inbound_demo\), 5 policies/,
    );
  });

  it('a broken environment is reported when it is needed to find the file', async () => {
    const run = captureIo({ SLA_CONFIG: '' }, ROOT);
    expect(await main(['validate'], run.io)).toBe(1);
    expect(run.stderr()).toContain('SLA_CONFIG');
  });

  it('an explicit FILE does not need the environment', async () => {
    const run = captureIo({ PORT: 'not-a-port' }, ROOT);
    expect(await main(['validate', 'config/sla.yaml'], run.io)).toBe(0);
  });

  it('a relative FILE is read from the working directory and reported as given', async () => {
    const run = captureIo({}, fileURLToPath(new URL('../fixtures/config/', import.meta.url)));
    expect(await main(['validate', 'errors/empty-policy-list.yaml'], run.io)).toBe(1);
    expect(run.stderr()).toBe('errors/empty-policy-list.yaml:4:11: policies: is empty; list at least one\n');
  });

  it('a second argument or an unknown flag is a usage error (exit 2)', async () => {
    const run = captureIo({}, ROOT);
    expect(await main(['validate', 'a.yaml', 'b.yaml'], run.io)).toBe(2);
    expect(await main(['validate', '--strict'], run.io)).toBe(2);
    expect(run.stderr()).toContain("unexpected argument 'b.yaml'");
    expect(run.stderr()).toContain("unexpected argument '--strict'");
  });

  it('--help prints the usage', async () => {
    const run = captureIo({}, ROOT);
    expect(await main(['validate', '--help'], run.io)).toBe(0);
    expect(run.stdout()).toContain('Usage: sla-bot validate [FILE]');
  });
});
