import type { Clock } from '../../clock/clock.ts';
import type { SlaConfig } from '../../config/types.ts';
import type { Logger } from '../../log/logger.ts';
import type { Interactions } from '../../ports/interactions.ts';
import type { RecentKeys } from '../recent-keys.ts';
import type { UserDirectory } from '../user-directory.ts';

/** What every listener may use; passed in by `createSlackApp`. */
export interface ListenerDeps {
  readonly interactions: Interactions;
  readonly directory: UserDirectory;
  readonly config: () => SlaConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Duplicate deliveries (Slack retries, double clicks) are dropped here first. */
  readonly recent: RecentKeys;
}
