import cron from 'node-cron';
import { MINUTE, type Millis, SECOND } from '../domain/time.ts';

/** Something that calls `onTick` about every `every` until stopped. */
export type Ticker = (every: Millis, onTick: () => void) => { stop(): void };

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The cron expression node-cron ticks on for a poll interval: the interval itself when it divides
 * the minute or the hour (`*\/30 * * * * *`), otherwise the largest step that divides both (45 s →
 * every 15 s); the scheduler gates each tick on the interval, so the poll still runs every 45 s.
 * A coarse step also keeps node-cron's replay of missed slots short after a suspend. The ticks are
 * a backstop: the scheduler's own timer starts the poll an interval after the last start, whatever
 * the phase of the step.
 */
export function cronFor(every: Millis): string {
  const seconds = Math.max(1, Math.round(every / SECOND));
  if (seconds % 60 !== 0) return `*/${gcd(seconds, 60)} * * * * *`;
  const minutes = seconds / 60;
  if (minutes < 60 || minutes % 60 !== 0) return `0 */${gcd(minutes, 60)} * * * *`;
  return `0 0 */${gcd(minutes / 60, 24)} * * *`;
}

/** node-cron on `cronFor(every)`. */
export const cronTicker: Ticker = (every, onTick) => {
  const task = cron.schedule(cronFor(every), onTick, {
    name: 'sla-bot-poll',
    suppressMissedWarning: true,
    missedExecutionTolerance: Math.min(every, MINUTE),
  });
  return {
    stop: () => {
      void task.destroy();
    },
  };
};
