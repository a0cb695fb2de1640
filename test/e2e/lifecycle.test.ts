import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { kinds, shown, startWorld, type WorkerProcess, type World, waitFor } from './harness.ts';
import { E2E_SLA, LAST_ESCALATION, TIMES } from './sla-files.ts';

/** Late delivery tolerance: a cycle (≈1 s at four searches a second), Slack pacing, a busy CI machine. */
const LATE = 4_000;

/**
 * A broken SLA file saved over the running one. Were it applied, leads would get 10 minutes instead
 * of 8 s; it is rejected for its poll interval.
 */
const BROKEN = E2E_SLA.replace('within: 8s', 'within: 10m').replace(
  'poll: { every: 2s',
  'poll: { every: soon',
);

/**
 * `sla-bot run` as a child process against the loopback HubSpot and Slack: what reps, the manager,
 * the team channel and the admins see, and when — for a lead called in time, a lead never called,
 * and a lead handed off after a broken SLA file was saved. The tests share one worker and run side
 * by side, each looking only at its own lead's messages.
 */
describe.concurrent('leads through the SLA clock (worker process, sandboxes)', () => {
  let world: World;
  let worker: WorkerProcess;

  beforeAll(async () => {
    world = await startWorld(E2E_SLA);
    worker = world.startWorker();
    await waitFor('the first cycle', () => worker.logged('cycle finished')[0], 20_000);
  });
  afterAll(async () => {
    await world?.[Symbol.asyncDispose]();
  });

  const tellOnFailure = () => onTestFailed(() => console.error(`worker log:\n${worker.tail()}`));

  const dmsAbout = (email: string, lead: string) =>
    world.slack.state.dmsTo(email).filter((m) => shown(m).includes(lead));
  const channelAbout = (lead: string) =>
    world.slack.state.messagesIn('#sales-benelux').filter((m) => shown(m).includes(lead));

  it('pings the owner within one poll interval of the handoff, and turns the ping to met when a call is logged', async () => {
    tellOnFailure();
    const lead = world.handoff('Sanne');
    const ping = await waitFor('the ping', () => dmsAbout('bram@example.com', 'Sanne')[0], 15_000);
    // Bram calls as soon as the ping arrives (before the reminder is due).
    const calledAfter = Date.now() - lead.enteredAt;
    world.hubspot.state.logCall(lead.id, { disposition: 'Connected', ownerId: world.bram });
    expect(calledAfter).toBeLessThan(TIMES.remind - 1_000);
    expect(shown(ping)).toContain('Contact them within 8s');

    // The cycle that recorded the handoff and delivered the ping started within one poll interval of
    // it (cron ticks on whole seconds: allow half a second). It may have started a moment before the
    // handoff and found it in its search: the first cycle starting after the handoff is then the next
    // poll, which proves nothing about this lead.
    const cycle = await waitFor(
      'the cycle that recorded the handoff',
      () =>
        worker
          .logged('cycle finished')
          .find((l) => Number(l.time) >= lead.enteredAt && Number(l.recorded) >= 1),
      20_000,
    );
    const start = Number(cycle?.time) - Number(cycle?.durationMs);
    expect(start - lead.enteredAt).toBeLessThanOrEqual(TIMES.poll + 500);
    expect(ping.postedAt).toBeGreaterThanOrEqual(start);
    expect(ping.postedAt).toBeLessThanOrEqual(Number(cycle?.time));

    await waitFor('the ping updated to met', () => shown(ping).includes('Contacted in'), 15_000);
    expect(ping.updates.length).toBeGreaterThan(0);
    expect(shown(ping)).not.toContain('Waiting for first contact');

    // Past the deadline and every escalation: contact stopped the clock, nothing else went out.
    await worker.cycleDoneAfter(lead.enteredAt + LAST_ESCALATION + TIMES.every);
    expect(kinds(dmsAbout('bram@example.com', 'Sanne'))).toEqual(['ping']);
    expect(dmsAbout('anna@example.com', 'Sanne')).toEqual([]);
    expect(channelAbout('Sanne')).toEqual([]);
  }, 60_000);

  it('without a call: reminder, breach, manager escalation, then the team channel until its repeat cap', async () => {
    tellOnFailure();
    const lead = world.handoff('Lotte');
    await waitFor('the third channel escalation', () => channelAbout('Lotte').length >= 3, 40_000);
    // One more repeat would be due at LAST_ESCALATION + every; wait until a cycle has looked past it.
    await worker.cycleDoneAfter(lead.enteredAt + LAST_ESCALATION + 2 * TIMES.every);

    const rep = dmsAbout('bram@example.com', 'Lotte');
    const manager = dmsAbout('anna@example.com', 'Lotte');
    const channel = channelAbout('Lotte');
    expect(kinds(rep)).toEqual(['ping', 'reminder', 'breach']);
    expect(kinds(manager)).toEqual(['escalation']);
    expect(kinds(channel)).toEqual(['escalation', 'escalation', 'escalation']);

    const at = (m: { postedAt: number }) => m.postedAt - lead.enteredAt;
    const due = [
      ['reminder', rep[1], TIMES.remind],
      ['breach', rep[2], TIMES.within],
      ['manager escalation', manager[0], TIMES.within + TIMES.manager],
      ['channel escalation', channel[0], TIMES.within + TIMES.channel],
      ['channel repeat 1', channel[1], TIMES.within + TIMES.channel + TIMES.every],
      ['channel repeat 2', channel[2], TIMES.within + TIMES.channel + 2 * TIMES.every],
    ] as const;
    const offTime = due
      .filter(([, m, when]) => !m || at(m) < when || at(m) > when + LATE)
      .map(([what, m, when]) => `${what}: due at +${when} ms, posted ${m ? `at +${at(m)} ms` : 'never'}`);
    expect(offTime).toEqual([]);
    const [ping] = rep;
    expect(ping && shown(ping)).toContain('Breached: deadline');
    expect(channel.map(shown).map((text) => /Escalation level 2(, reminder \d)?/.exec(text)?.[0])).toEqual([
      'Escalation level 2',
      'Escalation level 2, reminder 1',
      'Escalation level 2, reminder 2',
    ]);
  }, 60_000);

  it('rejects an invalid SLA file saved while running, tells the admins in Slack, and keeps applying the previous policy', async () => {
    tellOnFailure();
    await writeFile(world.slaFile, BROKEN);
    const alert = await waitFor(
      'the admin alert',
      () => world.slack.state.dmsTo('ops@example.com')[0],
      20_000,
    );
    expect(shown(alert)).toContain('sla.yaml');
    expect(shown(alert)).toMatch(/sla\.yaml:\d+:\d+/);
    expect(worker.logged('sla config rejected; keeping the previous one')).toHaveLength(1);
    expect(worker.logged('sla config reloaded')).toHaveLength(0);

    const lead = world.handoff('Jonas');
    const about = () => world.slack.state.dmsTo('bram@example.com').filter((m) => shown(m).includes('Jonas'));
    const breach = await waitFor(
      'the breach under the previous policy',
      () => about().find((m) => kinds([m])[0] === 'breach'),
      30_000,
    );
    const [ping] = about();
    expect(ping && shown(ping)).toContain('Contact them within 8s');
    expect(breach.postedAt - lead.enteredAt).toBeGreaterThanOrEqual(TIMES.within);
    expect(breach.postedAt - lead.enteredAt).toBeLessThan(TIMES.within + LATE);
    // One alert per broken version, however many cycles ran since.
    expect(world.slack.state.dmsTo('ops@example.com')).toHaveLength(1);
  }, 60_000);
});
