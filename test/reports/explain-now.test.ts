import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainCommandWith } from '../../src/cli/explain-command.ts';
import { MINUTE } from '../../src/domain/time.ts';
import type { TimelineEvent } from '../../src/domain/timeline/index.ts';
import { captureIo } from '../config/cli-io.ts';
import { type SandboxWorld, sandboxWorld, sla } from './cli-harness.ts';

const SLA = `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
teams:
  benelux:
    manager: anna@example.com
    members: [bram@example.com]
policies:
  - name: sql-default
    stage: sql
    calendar: 24x7
    first_contact: { within: 1h, remind: [30m] }
poll: { every: 5s }
`;

type Json = { readonly timelines: readonly { readonly events: readonly TimelineEvent[] }[] };

/**
 * `sla-bot explain` after the worker stopped: one real cycle (`run --once`, against the loopback
 * sandboxes) pinged the rep and stored the lead as waiting; nobody called and the worker never ran
 * again. Asked after the deadline (the command's clock), "Now" says the deadline was missed and that
 * the store does not have the breach yet — not "waiting for first contact".
 */
describe('sla-bot explain after the deadline, with the worker stopped', () => {
  let world: SandboxWorld;
  let env: Record<string, string>;
  let contactId: string;
  let deadline: number;

  beforeAll(async () => {
    world = await sandboxWorld(SLA, { firstName: 'Noor', lastName: 'Lead', email: 'noor@lead.example' });
    ({ env, contactId } = world);
    expect((await sla(['run', '--once'], env)).code).toBe(0);
    // Asked right away, it is waiting: the deadline the worker stored.
    const json = JSON.parse((await sla(['explain', contactId, '--json'], env)).stdout) as Json;
    const now = json.timelines[0]?.events.at(-1);
    if (now?.kind !== 'now' || now.deadline === null) throw new Error('no deadline to wait for');
    expect(now).toMatchObject({ firstContact: 'pending' });
    deadline = now.deadline;
  }, 60_000);

  afterAll(() => world?.stop());

  const explainAt = async (at: number, ...args: string[]) => {
    const cap = captureIo(env);
    const code = await explainCommandWith({ now: () => at }).run([contactId, ...args], cap.io);
    return { code, out: cap.stdout(), err: cap.stderr() };
  };

  it('shows the deadline missed, and that the worker has not recorded it', async () => {
    const r = await explainAt(deadline + 15 * MINUTE);
    expect(r).toMatchObject({ code: 0, err: '' });
    const last = r.out.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toMatch(
      /^ {2}.+ {2}Now: deadline .+ passed 15m ago without contact; the worker has not recorded the breach yet \(it has not run since\)$/,
    );
    expect(r.out).not.toContain('waiting for first contact');
    expect(r.out).toContain('Handoff ping to the owner: delivered');

    const json = JSON.parse((await explainAt(deadline + 15 * MINUTE, '--json')).out) as Json;
    expect(json.timelines[0]?.events.at(-1)).toMatchObject({
      kind: 'now',
      at: deadline + 15 * MINUTE,
      firstContact: 'breached',
      deadline,
      overdueBy: 15 * MINUTE,
      breachRecorded: false,
    });
  });

  it('still waits a minute before the deadline', async () => {
    const r = await explainAt(deadline - MINUTE);
    expect(r.out.trimEnd().split('\n').at(-1)).toMatch(/Now: waiting for first contact, deadline /);
  });
});
