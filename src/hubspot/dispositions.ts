import type { Clock } from '../clock/clock.ts';
import { MINUTE } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { HubSpotApi } from './hubspot-api.ts';

/** Refetch the list at most this often when an unknown GUID shows up. */
const REFRESH_AFTER = 10 * MINUTE;

/**
 * Call outcome names by GUID (`GET /calling/v1/dispositions`): fetched when first needed and again
 * when a call carries a GUID we do not know (a portal added an outcome), at most every 10 minutes.
 * An outcome still unknown after that is kept as its GUID.
 */
export class DispositionNames {
  private readonly api: HubSpotApi;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private names = new Map<string, string>();
  private loadedAt: number | null = null;
  private readonly warned = new Set<string>();

  constructor(api: HubSpotApi, clock: Clock, logger: Logger) {
    this.api = api;
    this.clock = clock;
    this.logger = logger;
  }

  /** Makes sure these GUIDs are known, fetching the list if needed and allowed. */
  async prepare(guids: Iterable<string>): Promise<void> {
    const unknown = [...guids].filter((g) => !this.names.has(g));
    if (unknown.length === 0) return;
    if (this.loadedAt !== null && this.clock.now() - this.loadedAt < REFRESH_AFTER) return;
    await this.refresh();
  }

  /** Fetches the portal's outcomes now. */
  async refresh(): Promise<void> {
    const list = await this.api.dispositions();
    this.names = new Map(list.map((d) => [d.id, d.label]));
    this.loadedAt = this.clock.now();
  }

  name = (guid: string): string => {
    const label = this.names.get(guid);
    if (label !== undefined) return label;
    if (!this.warned.has(guid)) {
      this.warned.add(guid);
      this.logger.warn({ disposition: guid }, 'hubspot call disposition unknown, kept as its id');
    }
    return guid;
  };
}
