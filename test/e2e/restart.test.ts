import { describe, expect, it } from 'vitest';
import { kinds, shown, startWorld, waitFor } from './harness.ts';
import { E2E_SLA, LAST_ESCALATION, TIMES } from './sla-files.ts';

/**
 * The worker killed mid-way through a lead's SLA clock (SIGKILL: no goodbye) and started again:
 * what was sent is not sent again, what fell due meanwhile is sent once, and a lead that arrived
 * while it was down is picked up.
 */
describe('restart mid-way (worker process killed and started again)', () => {
  it('sends every message once: none repeated, none lost', async () => {
    await using world = await startWorld(E2E_SLA);
    const first = world.startWorker();
    await waitFor('the first cycle', () => first.logged('cycle finished')[0], 20_000);
    world.handoff('Pieter');
    const about = (email: string, lead: string) =>
      world.slack.state.dmsTo(email).filter((m) => shown(m).includes(lead));
    const reminder = await waitFor(
      'the reminder',
      () => about('bram@example.com', 'Pieter').find((m) => kinds([m])[0] === 'reminder'),
      20_000,
    );
    // Kill only once a cycle has finished after the reminder went out, so the outbox has recorded it
    // (a crash between Slack accepting a message and the outbox recording it may resend that one).
    await first.cycleDoneAfter(reminder.postedAt);
    expect(await first.stop('SIGKILL')).toBeNull();

    const during = world.handoff('Mia');
    const second = world.startWorker();
    await waitFor('the restarted worker’s first cycle', () => second.logged('cycle finished')[0], 20_000);
    await waitFor(
      'both leads escalated to the team channel up to the cap',
      () =>
        ['Pieter', 'Mia'].every(
          (lead) =>
            world.slack.state.messagesIn('#sales-benelux').filter((m) => shown(m).includes(lead)).length >= 3,
        ),
      40_000,
    );
    await second.cycleDoneAfter(during.enteredAt + LAST_ESCALATION + 2 * TIMES.every);

    for (const lead of ['Pieter', 'Mia']) {
      expect({ lead, rep: kinds(about('bram@example.com', lead)) }).toEqual({
        lead,
        rep: ['ping', 'reminder', 'breach'],
      });
      expect({ lead, manager: kinds(about('anna@example.com', lead)) }).toEqual({
        lead,
        manager: ['escalation'],
      });
      const channel = world.slack.state.messagesIn('#sales-benelux').filter((m) => shown(m).includes(lead));
      expect({ lead, channel: kinds(channel) }).toEqual({
        lead,
        channel: ['escalation', 'escalation', 'escalation'],
      });
    }
    // The ping sent before the crash is the one the restarted worker keeps up to date.
    const [ping] = about('bram@example.com', 'Pieter');
    expect(ping && shown(ping)).toContain('Breached');
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 90_000);
});
