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
      'test/fixtures/config/minimal.yaml: valid — 1 stage (sql), 1 policy, 0 teams, 0 calendars, poll every auto\n',
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

  it('warnings go to stderr as FILE:LINE:COL: warning: lines, and the file is still valid (exit 0)', async () => {
    const run = captureIo({}, ROOT);
    const file = 'test/fixtures/config/night-shift.yaml';
    expect(await main(['validate', file], run.io)).toBe(0);
    expect(run.stdout()).toMatch(
      /^test\/fixtures\/config\/night-shift\.yaml: valid — 1 stage \(sql\), 1 policy, 0 teams, 2 calendars/,
    );
    expect(run.stderr()).toBe(
      [
        `${file}:6:16: warning: calendars.support.hours.mon-fri: '17:00-08:00' closes before it opens, so it runs past midnight to 08:00 the next day; if that is meant, write "17:00-08:00+1", else swap the times: "08:00-17:00"`,
        `${file}:7:12: warning: calendars.support.hours.sat: '22:00-02:00' closes before it opens, so it runs past midnight to 02:00 the next day; if that is meant, write "22:00-02:00+1", else swap the times: "02:00-22:00"`,
        '',
      ].join('\n'),
    );
  });

  it('an invalid file lists its warnings among its problems, in line order', async () => {
    const run = captureIo({}, ROOT);
    const file = 'test/fixtures/config/errors/overlapping-hours.yaml';
    expect(await main(['validate', file], run.io)).toBe(1);
    const places = run
      .stderr()
      .trimEnd()
      .split('\n')
      .map((line) => line.slice(file.length + 1).replace(/^(\d+:\d+: (?:warning: )?[^:]+):.*$/, '$1'));
    expect(places).toEqual([
      '5:16: calendars.office.hours.mon-fri',
      '9:12: calendars.evenings.hours.wed',
      '12:12: warning: calendars.late.hours.fri',
      '13:12: calendars.late.hours.sat',
      '16:12: warning: calendars.weekend-wrap.hours.sun',
      '17:12: calendars.weekend-wrap.hours.mon',
    ]);
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
    expect(run.stderr()).toBe(''); // the example has no warnings either
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
