import type { Clock } from '../clock/clock.ts';
import type { SlaConfig } from '../config/types.ts';
import type { PersonFacts } from '../domain/reports/index.ts';
import type { Logger } from '../log/logger.ts';
import type { Store } from '../ports/store.ts';
import type { SignInSettings } from '../server/dashboard/auth/sign-in-settings.ts';
import type { SlackSignIn } from '../server/dashboard/auth/slack-sign-in.ts';
import { dashboardRoutes } from '../server/dashboard/dashboard-routes.ts';
import type { Route } from '../server/route.ts';
import type { UserDirectory } from '../slack/user-directory.ts';
import { startDigestSchedule } from './digest/digest-schedule.ts';
import { type DigestPoster, sendDigests } from './digest/send-digests.ts';

export interface WorkerReportsDeps {
  readonly store: Store;
  /** The config in force (hot reload). */
  readonly config: () => SlaConfig;
  readonly owners: () => Promise<readonly PersonFacts[]>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** DASHBOARD_TOKEN (scripts, `Authorization: Bearer` only), or null. */
  readonly dashboardToken: string | null;
  /** Sign in with Slack for people; `null`: not configured (only the token opens the dashboard). */
  readonly signIn: { readonly settings: SignInSettings; readonly slack: SlackSignIn } | null;
  /** Where digests go; `null` (dry run, --once) = no digest. */
  readonly digestPoster: DigestPoster | null;
  /** Only the leader sends digests. */
  readonly isLeader: () => boolean;
}

/** What the worker serves and schedules for reports: the dashboard routes and the weekly digest. */
export interface WorkerReports {
  readonly routes: readonly Route[];
  /** Starts the digest schedule of the config in force at start (a changed cron needs a restart). */
  start(): void;
  stop(): void;
}

export function workerReports(deps: WorkerReportsDeps): WorkerReports {
  let schedule: { stop(): void } | null = null;
  return {
    routes: dashboardRoutes({
      store: deps.store,
      config: deps.config,
      owners: deps.owners,
      clock: deps.clock,
      token: deps.dashboardToken,
      signIn: deps.signIn?.settings ?? null,
      slackSignIn: deps.signIn?.slack ?? null,
      logger: deps.logger,
    }),
    start() {
      const digest = deps.config().reports.digest;
      const poster = deps.digestPoster;
      if (digest === null || poster === null || schedule !== null) return;
      schedule = startDigestSchedule({
        digest,
        isLeader: deps.isLeader,
        clock: deps.clock,
        logger: deps.logger,
        send: async (window, now) =>
          sendDigests(
            {
              store: deps.store,
              config: deps.config(),
              owners: await deps.owners(),
              poster,
              logger: deps.logger,
            },
            window,
            now,
          ),
      });
    },
    stop() {
      schedule?.stop();
      schedule = null;
    },
  };
}

/** The Slack user id behind an e-mail, through the Slack adapter's directory (`null`: not in Slack). */
export const userIdFrom =
  (directory: Pick<UserDirectory, 'byEmail'>) =>
  async (email: string): Promise<string | null> => {
    const found = await directory.byEmail(email);
    return found.kind === 'found' ? found.user.id : null;
  };
