import type { Clock } from '../clock/clock.ts';
import { MINUTE } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import { DEFAULT_DISPOSITIONS } from './default-dispositions.ts';
import { HubSpotError } from './errors.ts';
import type { HubSpotApi } from './hubspot-api.ts';

/** Ask HubSpot for the outcome list at most this often (after a success or a failure). */
const LOOKUP_EVERY = 10 * MINUTE;

/**
 * Call outcome names by GUID. HubSpot's six default outcomes are known up front; the portal's own
 * come from `GET /calling/v1/dispositions`, a legacy endpoint HubSpot keeps available but no longer
 * supports. So the lookup is a convenience and never blocks: it runs at start-up and again when a
 * call carries a GUID we do not know (at most every 10 minutes, whether the last try worked or not),
 * and when it fails we warn and carry on with what we know.
 *
 * The rule for a GUID that stays unknown: the touch keeps the GUID as its outcome. It counts wherever
 * a rule names no call outcomes, or names that GUID; it does not count for a rule that names outcomes
 * by label (`call_outcomes: [Connected]`). The call still is a call: nothing stops, nothing is lost.
 */
export class DispositionNames {
  private readonly api: HubSpotApi;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private names = new Map(DEFAULT_DISPOSITIONS);
  private triedAt: number | null = null;
  private readonly warned = new Set<string>();

  constructor(api: HubSpotApi, clock: Clock, logger: Logger) {
    this.api = api;
    this.clock = clock;
    this.logger = logger;
  }

  /** Looks up the portal's outcomes when one of these GUIDs is unknown and the last try is old enough. */
  async prepare(guids: Iterable<string>): Promise<void> {
    const unknown = [...guids].some((g) => !this.names.has(g));
    if (!unknown) return;
    if (this.triedAt !== null && this.clock.now() - this.triedAt < LOOKUP_EVERY) return;
    await this.refresh();
  }

  /**
   * Reads the portal's outcomes now (labels the portal gives win over the defaults). A HubSpot failure
   * is logged and answered `false`: the defaults and earlier answers stay in use.
   */
  async refresh(): Promise<boolean> {
    this.triedAt = this.clock.now();
    try {
      const list = await this.api.dispositions();
      this.names = new Map([...DEFAULT_DISPOSITIONS, ...list.map((d): [string, string] => [d.id, d.label])]);
      return true;
    } catch (error) {
      if (!(error instanceof HubSpotError)) throw error;
      this.logger.warn(
        { code: error.code, error: error.message, retryInMinutes: LOOKUP_EVERY / MINUTE },
        'hubspot call outcome list unavailable, using the default outcomes',
      );
      return false;
    }
  }

  name = (guid: string): string => {
    const label = this.names.get(guid);
    if (label !== undefined) return label;
    if (!this.warned.has(guid)) {
      this.warned.add(guid);
      this.logger.warn(
        { disposition: guid },
        'hubspot call outcome unknown, kept as its id (counts only where no outcome or this id is required)',
      );
    }
    return guid;
  };
}
