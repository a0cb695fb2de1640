import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { WRITE_BACK_PROPERTIES } from '../../src/hubspot/write-back-properties.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE } from './harness.ts';

function io(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env, cwd: '/tmp' },
    out,
    err,
  };
}

describe('sla-bot hubspot-setup', () => {
  const http = useStrictHttp();

  it('creates the property group and every write-back property', async () => {
    const groups: unknown[] = [];
    const props: { name: string; type: string; fieldType: string; groupName: string; options?: unknown[] }[] =
      [];
    http
      .scope(BASE, { reqheaders: { authorization: 'Bearer pat-setup' } })
      .post('/crm/v3/properties/contacts/groups', (b) => groups.push(b) > 0)
      .reply(201, { name: 'sla_bot', label: 'SLA bot', displayOrder: -1, archived: false })
      .post('/crm/v3/properties/contacts', (b) => props.push(b) > 0)
      .times(WRITE_BACK_PROPERTIES.length)
      .reply(201, {
        name: 'sla_bot_status',
        label: 'SLA first-contact status',
        type: 'enumeration',
        fieldType: 'select',
        groupName: 'sla_bot',
        options: [],
      });
    const t = io({ HUBSPOT_ACCESS_TOKEN: 'pat-setup', HUBSPOT_BASE_URL: BASE, LOG_LEVEL: 'silent' });
    expect(await main(['hubspot-setup'], t.io)).toBe(0);
    expect(groups).toEqual([{ name: 'sla_bot', label: 'SLA bot' }]);
    expect(props.map((p) => p.name)).toEqual(WRITE_BACK_PROPERTIES.map((p) => p.name));
    expect(props[0]).toMatchObject({
      name: 'sla_bot_status',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'sla_bot',
      options: expect.arrayContaining([
        { value: 'breached', label: 'Breached', displayOrder: 3, hidden: false },
      ]),
    });
    expect(t.out.join('')).toContain('Created: group sla_bot, sla_bot_status');
  });

  it('leaves what exists alone when run again', async () => {
    const conflict = {
      status: 'error',
      message: 'A property named sla_bot_status already exists.',
      category: 'OBJECT_ALREADY_EXISTS',
    };
    http
      .scope(BASE)
      .post('/crm/v3/properties/contacts/groups')
      .reply(409, { ...conflict, message: 'A group named sla_bot already exists.' })
      .post('/crm/v3/properties/contacts')
      .times(WRITE_BACK_PROPERTIES.length)
      .reply(409, conflict);
    const t = io({ HUBSPOT_ACCESS_TOKEN: 'pat-setup', HUBSPOT_BASE_URL: BASE, LOG_LEVEL: 'silent' });
    expect(await main(['hubspot-setup'], t.io)).toBe(0);
    expect(t.out.join('')).toContain('Created: nothing');
  });

  it('explains a missing scope and exits 1', async () => {
    http
      .scope(BASE)
      .post('/crm/v3/properties/contacts/groups')
      .reply(403, {
        status: 'error',
        message: "This app hasn't been granted all required scopes to make this call.",
        category: 'MISSING_SCOPES',
        errors: [
          {
            message: 'One or more of the following scopes are required.',
            context: { requiredGranularScopes: ['crm.schemas.contacts.write'] },
          },
        ],
      });
    const t = io({ HUBSPOT_ACCESS_TOKEN: 'pat-setup', HUBSPOT_BASE_URL: BASE, LOG_LEVEL: 'silent' });
    expect(await main(['hubspot-setup'], t.io)).toBe(1);
    expect(t.err.join('')).toContain("'crm.schemas.contacts.write'");
  });

  it('needs the token', async () => {
    const t = io({ HUBSPOT_BASE_URL: BASE });
    expect(await main(['hubspot-setup'], t.io)).toBe(1);
    expect(t.err.join('')).toContain('HUBSPOT_ACCESS_TOKEN is not set');
  });
});
