/** Request counts of a sandbox server, per endpoint, for benchmarks and tests. */
export interface EndpointStats {
  count: number;
  /** Count per HTTP status, e.g. `{ "200": 12, "429": 1 }`. */
  statuses: Record<string, number>;
  rateLimited: number;
  /** Slack: `ok:false` answers by error code, e.g. `{ "channel_not_found": 2 }`. */
  errors: Record<string, number>;
}

export interface StatsSnapshot {
  readonly total: number;
  /** Keyed by route, e.g. `POST /crm/v3/objects/contacts/search` or `chat.postMessage`. */
  readonly byEndpoint: Readonly<Record<string, Readonly<EndpointStats>>>;
  readonly rateLimited: { readonly total: number; readonly byPolicy: Readonly<Record<string, number>> };
  /** Requests answered by fault injection (5xx, timeouts, malformed bodies). */
  readonly faults: number;
}

export class RequestStats {
  private total = 0;
  private faults = 0;
  private byEndpoint = new Map<string, EndpointStats>();
  private byPolicy = new Map<string, number>();

  record(
    endpoint: string,
    status: number,
    extra: { rateLimitPolicy?: string; fault?: boolean; error?: string | null } = {},
  ): void {
    this.total += 1;
    const entry = this.byEndpoint.get(endpoint) ?? { count: 0, statuses: {}, rateLimited: 0, errors: {} };
    if (extra.error) entry.errors[extra.error] = (entry.errors[extra.error] ?? 0) + 1;
    entry.count += 1;
    entry.statuses[String(status)] = (entry.statuses[String(status)] ?? 0) + 1;
    if (extra.rateLimitPolicy !== undefined) {
      entry.rateLimited += 1;
      this.byPolicy.set(extra.rateLimitPolicy, (this.byPolicy.get(extra.rateLimitPolicy) ?? 0) + 1);
    }
    if (extra.fault) this.faults += 1;
    this.byEndpoint.set(endpoint, entry);
  }

  /** Requests to one endpoint so far. */
  count(endpoint: string): number {
    return this.byEndpoint.get(endpoint)?.count ?? 0;
  }

  snapshot(): StatsSnapshot {
    const byEndpoint: Record<string, EndpointStats> = {};
    for (const [key, value] of [...this.byEndpoint].sort(([a], [b]) => a.localeCompare(b))) {
      byEndpoint[key] = { ...value, statuses: { ...value.statuses }, errors: { ...value.errors } };
    }
    const byPolicy = Object.fromEntries(this.byPolicy);
    const rateLimitedTotal = [...this.byPolicy.values()].reduce((a, b) => a + b, 0);
    return {
      total: this.total,
      byEndpoint,
      rateLimited: { total: rateLimitedTotal, byPolicy },
      faults: this.faults,
    };
  }

  reset(): void {
    this.total = 0;
    this.faults = 0;
    this.byEndpoint.clear();
    this.byPolicy.clear();
  }
}
