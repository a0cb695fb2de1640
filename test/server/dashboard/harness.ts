import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { SlaConfig } from '../../../src/config/types.ts';
import type { PersonFacts } from '../../../src/domain/reports/index.ts';
import type { Instant } from '../../../src/domain/time.ts';
import type { Store } from '../../../src/ports/store.ts';
import { dashboardRoutes } from '../../../src/server/dashboard/dashboard-routes.ts';
import { HttpServer } from '../../../src/server/http-server.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { captureLogger } from '../../fakes/logger.ts';
import { facts, NOW, setup } from '../../fixtures/reports/hand-computed.ts';
import { configFor, writeFacts } from '../../fixtures/reports/store-facts.ts';
import { FakeClock } from '../../support/fake-clock.ts';

export interface Dashboard {
  readonly base: string;
  readonly store: Store;
  readonly clock: FakeClock;
  close(): Promise<void>;
}

export interface DashboardOptions {
  readonly token?: string | null;
  readonly host?: string;
  readonly now?: Instant;
  readonly config?: SlaConfig;
  readonly owners?: () => Promise<readonly PersonFacts[] | null>;
  /** Fills the store; default: the hand-computed fixture. */
  readonly fill?: (store: Store) => Promise<void>;
}

/** A real SQLite store with the data, and the worker's HTTP server with the dashboard routes. */
export async function startDashboard(o: DashboardOptions = {}): Promise<Dashboard> {
  const dir = await mkdtemp(join(tmpdir(), 'sla-bot-dashboard-'));
  const store = await openStore(join(dir, 'store.sqlite'), { logger: captureLogger('silent').logger });
  const now = o.now ?? NOW;
  await (o.fill ?? ((s) => writeFacts(s, facts, now)))(store);
  const clock = new FakeClock(now);
  const { logger } = captureLogger('silent');
  const config = o.config ?? configFor(setup);
  const server = new HttpServer(
    { host: o.host ?? '127.0.0.1', port: 0, logger },
    dashboardRoutes({
      store,
      config: () => config,
      owners: o.owners ?? (async () => setup.owners),
      clock,
      token: o.token ?? null,
      logger,
    }),
  );
  const port = await server.listen();
  const host = o.host ?? '127.0.0.1';
  return {
    base: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    store,
    clock,
    close: async () => {
      await server.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** For a test file: starts a dashboard in a test, closed after it. */
export function startsDashboards(): (o?: DashboardOptions) => Promise<Dashboard> {
  let running: Dashboard | null = null;
  afterEach(async () => {
    await running?.close();
    running = null;
  });
  return async (o = {}) => {
    running = await startDashboard(o);
    return running;
  };
}

/** The March 2026 window of the hand-computed fixture. */
export const MARCH = 'since=2026-03-01&until=2026-03-31';
