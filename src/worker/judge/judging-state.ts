import type { Instant } from '../../domain/time.ts';

/** What the judge stage remembers between cycles, to judge again only what may have changed. */
export class JudgingState {
  /**
   * What the instances were last judged against (config, silences, outages, owners); see
   * `worldFingerprint`. Loaded from the store (`JUDGED_WORLD_CURSOR`) at start.
   */
  judgedWorld: string | null = null;
  /** When acknowledgements were last checked for new ones (`null`: not since this state was loaded). */
  acksCheckedAt: Instant | null = null;
  /** The config in force (`configIdentity`): settled instances are judged again under a new one. */
  config = '';
}

/** The cursor that keeps the world the stored verdicts were judged in (written with them). */
export const JUDGED_WORLD_CURSOR = 'worker:judged-world';
