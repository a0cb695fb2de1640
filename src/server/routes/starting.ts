import type { Instant } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { ExternalSystem } from '../../worker/events.ts';
import { HttpServer } from '../http-server.ts';
import { type Route, sendJson } from '../route.ts';

/** What start-up waits for, as the last failed check said (null while the first checks run). */
export interface StartingStatus {
  readonly system: ExternalSystem;
  readonly reason: string;
  readonly attempts: number;
  readonly since: Instant;
}

/**
 * Health while start-up tries HubSpot and Slack again (they are unreachable or failing): the process
 * is alive (`/healthz` 200, so an orchestrator does not restart it in a loop) and not ready
 * (`/readyz` 503, saying what it waits for). Served on PORT until the real server takes over.
 */
export function startingRoutes(status: () => StartingStatus | null): Route[] {
  return [
    {
      method: 'GET',
      path: '/healthz',
      handle: (_req, res) => sendJson(res, 200, { status: 'starting' }),
    },
    {
      method: 'GET',
      path: '/readyz',
      handle: (_req, res) => {
        const s = status();
        sendJson(res, 503, {
          status: 'starting',
          reason:
            s === null
              ? 'start-up checks of Slack and HubSpot under way'
              : `waiting for ${s.system === 'hubspot' ? 'HubSpot' : 'Slack'} at start-up: ${s.reason}`,
          attempts: s?.attempts ?? 0,
          failingSince: s === null ? null : new Date(s.since).toISOString(),
        });
      },
    },
  ];
}

/**
 * Serves `startingRoutes` on PORT from the first failed start-up check (`waiting`) until `stop`, so
 * a start that succeeds at once never binds the port twice.
 */
export function healthWhileStarting(o: { host: string; port: number; logger: Logger }) {
  let status: StartingStatus | null = null;
  let started: { readonly server: HttpServer; readonly listening: Promise<unknown> } | null = null;
  return {
    waiting(w: StartingStatus): void {
      status = w;
      if (started !== null) return;
      const server = new HttpServer(
        o,
        startingRoutes(() => status),
      );
      const listening = server.listen().catch((err: unknown) => {
        o.logger.warn({ err }, 'could not serve /healthz while starting');
      });
      started = { server, listening };
    },
    async stop(): Promise<void> {
      await started?.listening;
      await started?.server.close();
    },
  };
}
