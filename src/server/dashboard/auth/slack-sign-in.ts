import { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Instant } from '../../../domain/time.ts';
import type { MessageValues } from '../../../i18n/message-format.ts';
import { type MessageKey, translator } from '../../../i18n/translate.ts';
import type { Logger } from '../../../log/logger.ts';
import { slackLogger } from '../../../slack/bolt-logger.ts';
import { classifySlackError } from '../../../slack/errors.ts';
import { slackClientOptions } from '../../../slack/web-client.ts';
import { checkIdToken } from './id-token.ts';
import type { SignInSettings } from './sign-in-settings.ts';

/** Who signed in, as Slack says. */
export interface SlackIdentity {
  readonly userId: string;
  readonly teamId: string;
  readonly email: string;
  readonly name: string | null;
  /** Slack's `locale` claim (`nl-NL`), when Slack sends it (scope `profile`). */
  readonly locale?: string;
}

/** A catalogue text and its values: why a sign-in failed, rendered in the page's language. */
export interface SignInFailure {
  readonly key: MessageKey;
  readonly values?: MessageValues;
}

/**
 * Why a sign-in failed, for the page the person sees; `status` is the HTTP status of that page,
 * `failure` its text in any language (`message` is the English one, for logs).
 */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  readonly status: 400 | 403 | 502;
  readonly failure: SignInFailure;
  constructor(status: SignInError['status'], key: MessageKey, values: MessageValues = {}) {
    super(translator().t(key, values));
    this.status = status;
    this.failure = { key, values };
  }
}

export interface SlackSignIn {
  /** Exchanges the callback's code (server to server) and returns who signed in. */
  identify(code: string, nonce: string, now: Instant): Promise<SlackIdentity>;
}

const TokenAnswer = z.object({ access_token: z.string().min(1), id_token: z.string().min(1) });

const UserInfo = z.object({
  sub: z.string(),
  email: z.string().min(3).optional(),
  email_verified: z.boolean().optional(),
  name: z.string().optional(),
  locale: z.string().optional(),
  'https://slack.com/team_id': z.string().optional(),
  'https://slack.com/enterprise_id': z.string().optional(),
});

/** The workspace (or Enterprise org) the bot is installed in: only its people may sign in. */
interface Workspace {
  readonly teamId: string;
  readonly enterpriseId: string | null;
}

const AuthTest = z.object({
  team_id: z.string(),
  enterprise_id: z.string().optional(),
  is_enterprise_install: z.boolean().optional(),
});

export interface SlackSignInDeps {
  readonly settings: SignInSettings;
  /** `SLACK_API_URL`. */
  readonly apiUrl: string;
  /** The bot token: its `auth.test` names the workspace people must belong to (`null`: not checked). */
  readonly botToken: string | null;
  readonly logger: Logger;
  readonly fetch?: typeof fetch;
}

/** Slack's side of the sign-in: `openid.connect.token`, then `openid.connect.userInfo`. Built by the composition root. */
export function createSlackSignIn(deps: SlackSignInDeps): SlackSignIn {
  const { settings } = deps;
  const options = slackClientOptions({
    apiUrl: deps.apiUrl,
    logger: deps.logger,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  // The SDK logs request bodies at debug level; these carry the client secret and the code.
  const sdk = slackLogger(deps.logger, 'slack-sign-in');
  const client = new WebClient(undefined, { ...options, logger: { ...sdk, debug: () => {} } });
  let workspace: Promise<Workspace | null> | null = null;

  const call = async <T>(method: string, run: () => Promise<unknown>, schema: z.ZodType<T>): Promise<T> => {
    let answer: unknown;
    try {
      answer = await run();
    } catch (err) {
      const failure = classifySlackError(err);
      deps.logger.warn({ method, code: failure.code, kind: failure.kind }, 'sign in with slack: call failed');
      if (failure.kind === 'permanent')
        throw new SignInError(400, 'dash.auth.failed.refused', { method, code: failure.code });
      throw new SignInError(502, 'dash.auth.failed.unreachable', { code: failure.code });
    }
    const parsed = schema.safeParse(answer);
    if (!parsed.success) throw new SignInError(502, 'dash.auth.failed.badAnswer', { method });
    return parsed.data;
  };

  const botWorkspace = (): Promise<Workspace | null> => {
    if (deps.botToken === null) return Promise.resolve(null);
    const token = deps.botToken;
    workspace ??= call('auth.test', () => client.auth.test({ token }), AuthTest).then(
      (a) => ({
        teamId: a.team_id,
        enterpriseId: a.is_enterprise_install ? (a.enterprise_id ?? null) : null,
      }),
      (err: unknown) => {
        workspace = null; // asked again on the next sign-in
        throw err;
      },
    );
    return workspace;
  };

  return {
    async identify(code, nonce, now) {
      const tokens = await call(
        'openid.connect.token',
        () =>
          client.openid.connect.token({
            client_id: settings.clientId,
            client_secret: settings.clientSecret,
            code,
            redirect_uri: settings.redirectUri,
            grant_type: 'authorization_code',
          }),
        TokenAnswer,
      );
      const claims = checkIdToken(tokens.id_token, { clientId: settings.clientId, nonce, now });
      if (!claims.ok) {
        deps.logger.warn({ why: claims.why }, 'sign in with slack: id_token refused');
        throw new SignInError(400, 'dash.auth.failed.idToken', { why: claims.why });
      }
      const info = await call(
        'openid.connect.userInfo',
        () => client.openid.connect.userInfo({ token: tokens.access_token }),
        UserInfo,
      );
      if (info.sub !== claims.sub) throw new SignInError(400, 'dash.auth.failed.twoPeople');
      if (info.email === undefined || info.email_verified !== true)
        throw new SignInError(403, 'dash.auth.failed.noEmail');
      const home = await botWorkspace();
      const team = info['https://slack.com/team_id'] ?? '';
      if (home !== null) {
        const same =
          home.enterpriseId !== null
            ? info['https://slack.com/enterprise_id'] === home.enterpriseId
            : team === home.teamId;
        if (!same) throw new SignInError(403, 'dash.auth.failed.otherWorkspace');
      }
      return {
        userId: info.sub,
        teamId: team,
        email: info.email,
        name: info.name ?? null,
        ...(info.locale === undefined ? {} : { locale: info.locale }),
      };
    },
  };
}
