import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSlaConfigText } from '../../src/config/load-sla-config.ts';
import { summarizeConfigChange } from '../../src/config/summarize-config-change.ts';
import type { SlaConfig } from '../../src/config/types.ts';

const EXAMPLE = readFileSync(new URL('../../config/sla.yaml', import.meta.url), 'utf8');

function load(text: string): SlaConfig {
  const result = loadSlaConfigText(text, 'config/sla.yaml');
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col}: ${p.message}`).join('\n'));
  return result.config;
}

/** The example with one exact piece of text replaced (fails loudly when the example changes). */
function edited(from: string, to: string): SlaConfig {
  expect(EXAMPLE, `config/sla.yaml no longer contains ${JSON.stringify(from)}`).toContain(from);
  return load(EXAMPLE.replace(from, to));
}

describe('summarizing a config change for hot reload', () => {
  const before = load(EXAMPLE);

  it('the same file says no changes', () => {
    expect(summarizeConfigChange(before, load(EXAMPLE))).toBe('no changes');
  });

  it('comments and moved lines are no change', () => {
    expect(summarizeConfigChange(before, load(`# a new first comment\n\n${EXAMPLE}`))).toBe('no changes');
  });

  it('names a changed policy', () => {
    const after = edited('      within: 2h # time to verify', '      within: 4h # time to verify');
    expect(summarizeConfigChange(before, after)).toBe('policies: changed sal-verify');
  });

  it('names added and removed policies and teams', () => {
    const after = edited('  - name: demo-requests\n', '  - name: demo-desk\n');
    expect(summarizeConfigChange(before, after)).toBe('policies: added demo-desk, removed demo-requests');
    const nordics = edited(
      '# People in no team',
      '  nordics:\n    manager: nina@example.com\n\n# People in no team',
    );
    expect(summarizeConfigChange(before, nordics)).toBe('teams: added nordics');
  });

  it('a new holiday is a calendar change, not a change of the policies on it', () => {
    const after = edited('2026-12-31..2027-01-01]', '2026-12-31..2027-01-01, 2027-04-27]');
    expect(summarizeConfigChange(before, after)).toBe('calendars: changed office');
  });

  it('longer opening hours also change the policies that count business days on that calendar', () => {
    const after = edited('      sat: "10:00-14:00"', '      sat: "10:00-15:00"');
    expect(summarizeConfigChange(before, after)).toBe(
      'policies: changed sal-verify; calendars: changed inside-sales',
    );
  });

  it('a stage with another HubSpot source is a stage change', () => {
    const after = edited('    equals: SALES_ACCEPTED', '    equals: IN_PROGRESS');
    expect(summarizeConfigChange(before, after)).toBe('stages: changed sal');
  });

  it('lists other settings that changed', () => {
    const after = edited('  every: auto', '  every: 10s');
    expect(summarizeConfigChange(before, after)).toBe('also changed: poll');
  });

  it('says when policies only changed order (the first match wins, so order matters)', () => {
    const sqlDefault = EXAMPLE.slice(
      EXAMPLE.indexOf('  - name: sql-default'),
      EXAMPLE.indexOf('  - name: sal-verify'),
    );
    const reordered = EXAMPLE.replace(sqlDefault, '').replace(
      '  - name: mql-paid-benelux',
      `${sqlDefault}  - name: mql-paid-benelux`,
    );
    expect(summarizeConfigChange(before, load(reordered))).toBe('policies: reordered');
  });
});
