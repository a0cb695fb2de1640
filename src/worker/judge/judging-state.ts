import type { Instant } from '../../domain/time.ts';

/** What the judge stage remembers between cycles, to judge again only what may have changed. */
export class JudgingState {
  /**
   * What the instances were last judged against (config, silences, outages, owners); see
   * `worldFingerprint`. Loaded from the store (`JUDGED_WORLD_CURSOR`) at start.
   */
  judgedWorld: string | null = null;
  /**
   * Settled instances still to judge in `judgedWorld` after it changed: a changed world is judged
   * `COLD_PER_CYCLE` settled instances a cycle (issue 20), so a config change at 100,000 open
   * neither holds every changed verdict in memory at once nor stops polling for half a minute.
   */
  coldLeft: readonly string[] = [];
  /** When acknowledgements were last checked for new ones (`null`: not since this state was loaded). */
  acksCheckedAt: Instant | null = null;
  /** The config in force (`configIdentity`): settled instances are judged again under a new one. */
  config = '';
}

/** Settled instances judged again per cycle in a changed world (the rest in the cycles after). */
export const COLD_PER_CYCLE = 2_000;

/** Stored instead of the world while settled instances are still to be judged in it. */
export const WORLD_PARTLY_JUDGED = 'partly-judged';

/** The cursor that keeps the world the stored verdicts were judged in (written with them). */
export const JUDGED_WORLD_CURSOR = 'worker:judged-world';
