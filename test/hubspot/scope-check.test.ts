import { describe, expect, it } from 'vitest';
import type { SlaConfig, StageDefinition } from '../../src/config/types.ts';
import { checkWriteScopes, writesToHubSpot } from '../../src/hubspot/scope-check.ts';
import { testConfig, testPolicy } from '../fakes/sla-fixtures.ts';

const at = (line: number) => ({ file: 'sla.yaml', line, col: 3 });
const CONTACTS_WRITE = 'crm.objects.contacts.write';
const LEADS_WRITE = 'crm.objects.leads.write';

const leadStage: StageDefinition = {
  key: 'lead',
  label: 'Lead',
  order: 0,
  source: { kind: 'lead_pipeline', pipeline: 'lead-pipeline-id', stage: 'new' },
  at: at(4),
};
const sqlStage: StageDefinition = {
  key: 'sql',
  label: 'SQL',
  order: 1,
  source: { kind: 'lifecycle_stage', value: 'salesqualifiedlead' },
  at: at(5),
};

const config = (overrides: Partial<SlaConfig> = {}): SlaConfig => {
  const base = testConfig({
    stages: [leadStage, sqlStage],
    policies: [testPolicy({ name: 'leads', stage: 'lead' }), testPolicy({ name: 'sql', stage: 'sql' })],
    teams: [{ name: 'benelux', manager: 'm@example.com', members: [], channel: null }],
  });
  return {
    ...base,
    hubspot: {
      ...base.hubspot,
      writeBack: { enabled: true, createTaskOnBreach: false, notAFitLeadStatus: null },
    },
    writeBackAt: at(30),
    reassignments: [
      { policy: 'sql', path: 'policies[1].escalate[0].reassign', at: at(20) },
      { policy: 'leads', path: 'policies[0].escalate[1].reassign', at: at(12) },
    ],
    ...overrides,
  };
};

describe('the write scopes an SLA file needs (pure)', () => {
  it('names every line that writes, in the file’s order, with the scope it lacks', () => {
    const problems = checkWriteScopes(config(), new Set(['crm.objects.contacts.read']));
    expect(problems.map((p) => [p.at?.line, p.message.match(/'(crm\.[a-z.]+)'/)?.[1]])).toEqual([
      [12, CONTACTS_WRITE],
      [12, LEADS_WRITE],
      [20, CONTACTS_WRITE],
      [30, CONTACTS_WRITE],
    ]);
  });

  it('a reassignment on a Leads-pipeline stage needs crm.objects.leads.write besides the contact scope', () => {
    const problems = checkWriteScopes(config(), new Set([CONTACTS_WRITE]));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.at?.line).toBe(12);
    expect(problems[0]?.message).toContain("policies[0].escalate[1].reassign (reassignment, policy 'leads')");
  });

  it('"Take it" in a team channel on a Leads-pipeline stage needs it too, at write_back’s line', () => {
    const base = config({ reassignments: [] });
    const withChannel: SlaConfig = {
      ...base,
      teams: [{ name: 'benelux', manager: 'm@example.com', members: [], channel: '#sales' }],
    };
    expect(checkWriteScopes(base, new Set([CONTACTS_WRITE]))).toEqual([]);
    expect(checkWriteScopes(withChannel, new Set([CONTACTS_WRITE])).map((p) => p.at?.line)).toEqual([30]);
  });

  it('needs nothing, and asks nothing, when nothing is written', () => {
    const off = config({ reassignments: [] });
    const readOnly: SlaConfig = {
      ...off,
      hubspot: { ...off.hubspot, writeBack: { ...off.hubspot.writeBack, enabled: false } },
    };
    expect(writesToHubSpot(readOnly)).toBe(false);
    expect(checkWriteScopes(readOnly, new Set())).toEqual([]);
    expect(writesToHubSpot(config())).toBe(true);
    expect(checkWriteScopes(config(), new Set([CONTACTS_WRITE, LEADS_WRITE]))).toEqual([]);
  });
});
