import type { Clock } from '../clock/clock.ts';
import { MINUTE, type Millis } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { Owner } from '../ports/crm-source.ts';
import type { HubSpotApi } from './hubspot-api.ts';
import { OwnerRecord } from './schemas.ts';

export const OWNERS_TTL: Millis = 15 * MINUTE;

/** Active owners first, then archived ones (so old owner ids still resolve, marked inactive). */
export async function fetchOwners(api: HubSpotApi, logger: Logger): Promise<Owner[]> {
  const byId = new Map<string, Owner>();
  for (const archived of [false, true]) {
    let after: string | undefined;
    do {
      const page = await api.ownersPage(after, archived);
      for (const raw of page.results) {
        const parsed = OwnerRecord.safeParse(raw);
        if (!parsed.success) {
          logger.warn({ reason: parsed.error.issues[0]?.message }, 'hubspot owner record rejected');
          continue;
        }
        if (!byId.has(parsed.data.id)) byId.set(parsed.data.id, toOwner(parsed.data, archived));
      }
      after = page.paging?.next?.after;
    } while (after !== undefined);
  }
  return [...byId.values()];
}

/**
 * Archived owners, and owners whose user was deactivated (HubSpot then keeps only
 * `userIdIncludingInactive`), are inactive: an open lead owned by one has nobody to work it.
 */
export function toOwner(record: OwnerRecord, listedAsArchived: boolean): Owner {
  const userId = record.userId ?? null;
  const deactivated = userId === null && record.userIdIncludingInactive != null;
  return {
    id: record.id,
    email: record.email ?? null,
    firstName: record.firstName ?? null,
    lastName: record.lastName ?? null,
    userId:
      userId === null
        ? record.userIdIncludingInactive == null
          ? null
          : String(record.userIdIncludingInactive)
        : String(userId),
    active: !(listedAsArchived || record.archived === true || deactivated),
  };
}

/** Owners, cached for `ttl`; concurrent callers share one fetch. */
export class OwnerCache {
  private readonly api: HubSpotApi;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly ttl: Millis;
  private cached: { at: number; owners: readonly Owner[] } | null = null;
  private inflight: Promise<readonly Owner[]> | null = null;

  constructor(api: HubSpotApi, clock: Clock, logger: Logger, ttl: Millis = OWNERS_TTL) {
    this.api = api;
    this.clock = clock;
    this.logger = logger;
    this.ttl = ttl;
  }

  async owners(): Promise<readonly Owner[]> {
    const now = this.clock.now();
    if (this.cached && now - this.cached.at < this.ttl) return this.cached.owners;
    this.inflight ??= fetchOwners(this.api, this.logger)
      .then((owners) => {
        this.cached = { at: now, owners };
        this.logger.debug(
          { owners: owners.length, inactive: owners.filter((o) => !o.active).length },
          'hubspot owners loaded',
        );
        return owners;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }
}
