import type { Instant } from '../../domain/time.ts';

/** What the judge stage remembers between cycles, to judge again only what may have changed. */
export class JudgingState {
  /** What the instances were last judged against (config, silences, outages, owners); see `worldFingerprint`. */
  judgedWorld: string | null = null;
  /** When acknowledgements were last checked for new ones (`null`: not since this state was loaded). */
  acksCheckedAt: Instant | null = null;
  /** Bumped on every config swap: settled instances are re-evaluated under a new config. */
  configVersion = 0;
}
