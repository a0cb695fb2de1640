import type { Clock } from '../clock/clock.ts';
import { monotonicClock } from '../clock/system-clock.ts';
import type { SlaConfig } from '../config/types.ts';
import type { Logger } from '../log/logger.ts';
import { HubSpotGateway } from './gateway.ts';
import { HubSpotApi } from './hubspot-api.ts';
import { createJsonHttp, type Fetch } from './json-http.ts';
import { createLimiters, type Limiters } from './limiter.ts';
import { ops } from './operations.ts';
import type { HeaderMap } from './rate-limit-headers.ts';
import { withRequestSignal } from './request-signal.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, realTiming, type Timing } from './retry-policy.ts';
import { createSdkClient } from './sdk-client.ts';

/** What the portal told us about itself (`account-info`), filled in by `verify`. */
export class PortalInfo {
  portalId: string | null;
  timeZone: string;
  /**
   * Whether `timeZone` is settled: the start-up check read it (or, HubSpot refusing, chose the SLA
   * file's). Until then it is the SLA file's zone, which may name another day than the portal's.
   */
  zoneKnown = false;
  constructor(portalId: string | null, timeZone: string) {
    this.portalId = portalId;
    this.timeZone = timeZone;
  }
}

export interface HubSpotClientDeps {
  /** `HUBSPOT_ACCESS_TOKEN`. */
  readonly accessToken: string;
  /** `HUBSPOT_BASE_URL`. */
  readonly basePath: string;
  /** Budgets and zone; the setup command passes defaults, the source its whole SLA config. */
  readonly config: Pick<SlaConfig, 'hubspot' | 'timezone'>;
  readonly logger: Logger;
  readonly clock: Clock;
  /** Tests inject deterministic sleep/random; production uses real timers. */
  readonly timing?: Timing;
  readonly retry?: Partial<RetryPolicy>;
  /**
   * Default: limiters following an adaptive budget (`hubspot.budget_share` of the limit HubSpot
   * reports) on the monotonic clock and real timers. A caller passing its own feeds it through `onResponse`.
   */
  readonly limiters?: Limiters;
  /** Sees the status and headers of every HubSpot answer (the rate-limit headers feed the budget). */
  readonly onResponse?: (status: number, headers: HeaderMap) => void;
  /** For the few GETs the SDK has no method for; the platform's `fetch` by default. */
  readonly fetch?: Fetch;
}

export interface HubSpotClient {
  readonly api: HubSpotApi;
  readonly portal: PortalInfo;
}

/**
 * One SDK client, one gateway (limiter, retries, daily pause), shared by the CRM source and the lead
 * writer so they spend one budget.
 */
export function createHubSpotClient(deps: HubSpotClientDeps): HubSpotClient {
  const portal = new PortalInfo(deps.config.hubspot.portalId, deps.config.timezone);
  const { limiters, observe } = deps.limiters
    ? { limiters: deps.limiters, observe: null }
    : ownLimiters(deps.config);
  const onResponse = (status: number, headers: HeaderMap) => {
    observe?.(status, headers);
    deps.onResponse?.(status, headers);
  };
  const sdk = createSdkClient({ accessToken: deps.accessToken, basePath: deps.basePath, onResponse });
  const gateway = new HubSpotGateway({
    logger: deps.logger,
    clock: deps.clock,
    limiters,
    timing: deps.timing ?? realTiming,
    retry: { ...DEFAULT_RETRY_POLICY, ...deps.retry },
    dailyResetZone: () => portal.timeZone,
    dailyProbe: {
      op: ops.dailyProbe,
      request: (signal) =>
        withRequestSignal(signal, () => sdk.crm.owners.ownersApi.getPage(undefined, undefined, 1, false)),
    },
  });
  const http = createJsonHttp({
    accessToken: deps.accessToken,
    basePath: deps.basePath,
    onResponse,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  return { api: new HubSpotApi(sdk, gateway, http), portal };
}

/** The adaptive limiters on the monotonic clock and real timers, with the hook that feeds their budget. */
function ownLimiters(config: HubSpotClientDeps['config']) {
  const limiters = createLimiters(() => config.hubspot, {
    clock: monotonicClock,
    sleep: (ms) => realTiming.sleep(ms),
  });
  return { limiters, observe: limiters.observe };
}
