import { describe, expect, it } from 'vitest';
import { startDigestSchedule } from '../../../src/reports/digest/digest-schedule.ts';
import { captureLogger } from '../../fakes/logger.ts';
import { NOW } from '../../fixtures/reports/hand-computed.ts';
import { FakeClock } from '../../support/fake-clock.ts';

describe('digest schedule', () => {
  it('runs on the YAML cron in its timezone, on the leader only, over the last week', async () => {
    const clock = new FakeClock(NOW);
    const cron: { job?: () => Promise<void> } = {};
    let scheduled: unknown[] = [];
    let leader = false;
    const windows: { since: number; until: number }[] = [];
    const stop = startDigestSchedule({
      digest: { cron: '0 9 * * MON', timezone: 'Europe/Amsterdam' },
      send: async (w) => {
        windows.push(w);
        return [];
      },
      isLeader: () => leader,
      clock,
      logger: captureLogger('silent').logger,
      schedule: (expression, job, options) => {
        scheduled = [expression, options];
        cron.job = job;
        return { stop: () => {} };
      },
    });
    expect(scheduled).toEqual(['0 9 * * MON', { timezone: 'Europe/Amsterdam', name: 'sla-bot-digest' }]);
    await cron.job?.();
    expect(windows).toEqual([]);
    leader = true;
    await cron.job?.();
    expect(windows).toEqual([{ since: NOW - 7 * 86_400_000, until: NOW }]);
    stop.stop();
  });

  it('keeps the schedule going after a failed run and logs why', async () => {
    const capture = captureLogger('info');
    const cron: { job?: () => Promise<void> } = {};
    startDigestSchedule({
      digest: { cron: '0 9 * * MON', timezone: 'UTC' },
      send: async () => {
        throw new Error('database is locked');
      },
      isLeader: () => true,
      clock: new FakeClock(NOW),
      logger: capture.logger,
      schedule: (_e, job) => {
        cron.job = job;
        return { stop: () => {} };
      },
    });
    await cron.job?.();
    expect(capture.lines().find((l) => l.msg === 'digest run failed')).toMatchObject({ level: 50 });
  });
});
