import type { Env } from '../../../config/env.ts';
import type { Logger } from '../../../log/logger.ts';
import { type SignInSettings, signInSettings } from './sign-in-settings.ts';
import { createSlackSignIn, type SlackSignIn } from './slack-sign-in.ts';

/** Sign in with Slack for the dashboard, from the environment; `null` when it is not configured. */
export function dashboardSignIn(
  env: Env,
  logger: Logger,
): { readonly settings: SignInSettings; readonly slack: SlackSignIn } | null {
  const settings = signInSettings(env);
  if (settings === null) return null;
  logger.info({ redirectUri: settings.redirectUri }, 'dashboard: sign in with slack on');
  return {
    settings,
    slack: createSlackSignIn({
      settings,
      apiUrl: env.SLACK_API_URL,
      botToken: env.SLACK_BOT_TOKEN ?? null,
      logger,
    }),
  };
}
