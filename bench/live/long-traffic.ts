import { setTimeout as sleep } from 'node:timers/promises';
import { MINUTE, type Millis } from '../../src/domain/time.ts';
import { steadyTraffic, type TrafficLog, type TrafficOptions } from './traffic.ts';
import type { World } from './world.ts';

/** Calls logged with each new outcome, on leads picked in turn. */
const CALLS_PER_OUTCOME = 3;
/**
 * When the admin adds an outcome: at 1 minute (the worker read the list at its start, so it may not
 * ask again for 10 minutes and keeps the GUID as the outcome), and at 11 minutes (it asks).
 */
const OUTCOMES_AT: readonly Millis[] = [MINUTE, 11 * MINUTE];

/**
 * The steady traffic for a long run, plus what makes the worker's occasional work happen: a portal
 * admin adds a call outcome of its own (`OUTCOMES_AT`) and reps log calls with it at once, so the
 * worker looks the outcome list up again (at most every 10 minutes). Owners (every 15 minutes) and
 * deals (every 5 minutes) need nothing but time.
 */
export async function longTraffic(world: World, o: TrafficOptions, log: TrafficLog): Promise<void> {
  const state = world.hubspot.state;
  const start = state.clock.now();
  const outcomes = async () => {
    for (const [k, offset] of OUTCOMES_AT.filter((t) => t < o.duration).entries()) {
      const wait = start + offset - state.clock.now();
      if (wait > 0) await sleep(wait);
      const id = `0b5e7a11-bench-4000-8000-00000000000${k + 1}`;
      state.dispositions.push({ id, label: `Bench outcome ${k + 1}` });
      for (let i = 0; i < CALLS_PER_OUTCOME; i++) {
        const target = world.open[(k * CALLS_PER_OUTCOME + i) * 97] ?? world.open[0];
        if (!target) continue;
        const call = state.logCall(target.id, { disposition: id });
        const writtenAt = state.clock.now();
        log.touches.push({
          contactId: target.id,
          engagementId: call.id,
          writtenAt,
          searchableAt: writtenAt + state.indexLag,
        });
      }
    }
  };
  await Promise.all([steadyTraffic(world, o, log), outcomes()]);
}
