import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/domain/timeline/index.ts';
import { type SandboxWorld, sandboxWorld, sla } from './cli-harness.ts';

const SLA = `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
teams:
  benelux:
    manager: anna@example.com
    members: [bram@example.com]
segments:
  enterprise: { property: company, in: [Globex] }
policies:
  - name: sql-enterprise
    stage: sql
    segment: enterprise
    calendar: 24x7
    first_contact: { within: 1m }
  - name: sql-default
    stage: sql
    calendar: 24x7
    first_contact:
      within: 1h
      remind: [30m]
      counts: [call]
      call_outcomes: [Connected]
    attempts: { required: 2, within: 1d }
poll: { every: 5s }
`;

interface Json {
  readonly format: string;
  readonly timelines: readonly {
    readonly instanceId: string;
    readonly policy: string;
    readonly lead: { readonly contactId: string; readonly email: string };
    readonly events: readonly (TimelineEvent & { readonly time: string; readonly text: string })[];
  }[];
}

/**
 * `sla-bot explain` on a store two real worker cycles (`run --once`) wrote, against the loopback
 * HubSpot and Slack sandboxes: the handoff, the ping, a call that did not count and one that did.
 */
describe('sla-bot explain (worker cycles against the sandboxes)', () => {
  let world: SandboxWorld;
  let env: Record<string, string>;
  let contactId: string;

  beforeAll(async () => {
    world = await sandboxWorld(SLA, {
      firstName: 'Lena',
      lastName: 'Lead',
      email: 'Lena@Lead.example',
      company: 'Initech',
    });
    ({ env, contactId } = world);
    expect((await sla(['run', '--once'], env)).code).toBe(0);
    world.hubspot.state.logCall(contactId, { disposition: 'No answer', ownerId: world.ownerId });
    world.hubspot.state.logCall(contactId, { disposition: 'Connected', ownerId: world.ownerId });
    expect((await sla(['run', '--once'], env)).code).toBe(0);
  }, 60_000);

  afterAll(() => world?.stop());

  it('prints the whole story as text', async () => {
    const r = await sla(['explain', contactId], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('What happened to Lena Lead (Initech)');
    expect(out).toContain('Entered SQL in HubSpot');
    // The first cycle is sla-bot's first install: it imports the open handoff.
    expect(out).toContain('Imported by sla-bot at its first install');
    expect(out).toContain(
      'Policy sql-default: the first policy of the stage for every lead; passed over sql-enterprise (segment enterprise does not match) (recomputed from the stored lead with the current SLA file)',
    );
    expect(out).toContain('SLA clock started at the handoff, for Bram Jansen; deadline');
    expect(out).toContain('Handoff ping to the owner: delivered');
    expect(out).toContain(
      'Call by Bram Jansen (No answer): does not count as first contact (outcome No answer does not count); counts as an attempt',
    );
    expect(out).toContain('Call by Bram Jansen (Connected): counts as first contact; counts as an attempt');
    expect(out).toMatch(/First contact in time: \d+/);
    expect(out).toContain('Attempts met: 2 of 2');
  });

  it('finds the lead by e-mail (any case) and by its HubSpot URL, and speaks Dutch with --lang nl', async () => {
    const byMail = await sla(['explain', 'lena@lead.EXAMPLE', '--lang', 'nl'], env);
    expect(byMail.code).toBe(0);
    expect(byMail.stdout).toContain('Wat er met Lena Lead (Initech) gebeurde');
    expect(byMail.stdout).toContain('telt niet als eerste contact (uitkomst No answer telt niet)');
    const byUrl = await sla(['explain', `https://app.hubspot.com/contacts/123/record/0-1/${contactId}`], env);
    expect(byUrl.code).toBe(0);
    expect(byUrl.stdout).toContain('What happened to Lena Lead (Initech)');
  });

  it('prints typed events as JSON for scripts', async () => {
    const r = await sla(['explain', contactId, '--json'], env);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.format).toBe('sla-bot-timeline/1');
    expect(json.timelines).toHaveLength(1);
    const [tl] = json.timelines;
    expect(tl?.policy).toBe('sql-default');
    expect(tl?.lead.contactId).toBe(contactId);
    const kinds = tl?.events.map((e) => e.kind) ?? [];
    for (const k of ['stage_entered', 'first_seen', 'policy_chosen', 'clock_started', 'message', 'verdict'])
      expect(kinds).toContain(k);
    const touches = tl?.events.filter((e) => e.kind === 'touch') ?? [];
    expect(touches.map((e) => (e.kind === 'touch' ? e.firstContact : null))).toEqual([
      { counts: false, why: 'outcome' },
      { counts: true, first: true },
    ]);
    const times = tl?.events.map((e) => e.at) ?? [];
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(tl?.events[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('says so when nothing matches, and refuses an argument that names no lead', async () => {
    const none = await sla(['explain', 'nobody@example.com'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no handoff of 'nobody@example.com' in the store");
    const bad = await sla(['explain', 'Lena Lead'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a contact id, an e-mail, a HubSpot record URL or an instance id');
    expect((await sla(['explain', contactId, '--lang', 'fr'], env)).code).toBe(2);
  });
});
