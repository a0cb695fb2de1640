import cron from 'node-cron';
import type { Clock } from '../../clock/clock.ts';
import { DAY, type Millis } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { DigestOutcome } from './send-digests.ts';

/** node-cron's `schedule`, injectable so tests fire the job themselves. */
export type CronSchedule = (
  expression: string,
  job: () => Promise<void>,
  options: { readonly timezone: string; readonly name: string },
) => { stop(): void };

const nodeCron: CronSchedule = (expression, job, options) => {
  const task = cron.schedule(expression, job, { ...options, noOverlap: true });
  return { stop: () => void task.destroy() };
};

export interface DigestScheduleDeps {
  /** `reports.digest` of the SLA file. */
  readonly digest: { readonly cron: string; readonly timezone: string };
  /** Sends the digests for [since, until); see `sendDigests`. */
  readonly send: (window: { since: number; until: number }, now: number) => Promise<readonly DigestOutcome[]>;
  /** Only the leader sends (several sla-bot processes may share PostgreSQL). */
  readonly isLeader: () => boolean;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The period each digest covers (default a week). */
  readonly period?: Millis;
  readonly schedule?: CronSchedule;
}

/**
 * Runs the digest on the SLA file's cron, in its timezone, on the leader only. A failed run is
 * logged as an error with its cause and does not stop the schedule.
 */
export function startDigestSchedule(deps: DigestScheduleDeps): { stop(): void } {
  const period = deps.period ?? 7 * DAY;
  const logger = deps.logger.child({ component: 'digest' });
  const job = async () => {
    if (!deps.isLeader()) {
      logger.debug({}, 'digest skipped: not the leader');
      return;
    }
    const now = deps.clock.now();
    try {
      const outcomes = await deps.send({ since: now - period, until: now }, now);
      logger.info(
        { sent: outcomes.filter((o) => o.result.status === 'sent').length, teams: outcomes.length },
        'digest run done',
      );
    } catch (err) {
      logger.error({ err }, 'digest run failed');
    }
  };
  return (deps.schedule ?? nodeCron)(deps.digest.cron, job, {
    timezone: deps.digest.timezone,
    name: 'sla-bot-digest',
  });
}
