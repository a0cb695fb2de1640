import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSlaConfigText } from '../../src/config/load-sla-config.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the Slack channels an SLA file names (SD-15)', () => {
  it('lists team channels, channel admins and channel escalation targets with file and line', () => {
    const result = loadSlaConfigText(read('config/sla.yaml'), 'config/sla.yaml');
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    const at = (line: number, col: number) => ({ file: 'config/sla.yaml', line, col });
    expect(result.config.channels).toEqual([
      { channel: '#sales-benelux', path: 'teams.benelux.channel', at: at(69, 5) },
      { channel: 'C0123ABCDE', path: 'teams.dach.channel', at: at(73, 5) },
      { channel: '#sales-ops', path: 'slack.admins[0]', at: at(170, 12) },
      { channel: '#demo-desk', path: 'policies[4].escalate[0].notify[0]', at: at(147, 18) },
    ]);
  });
});
