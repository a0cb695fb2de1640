import { z } from 'zod';

/**
 * The one module that reads `process.env`. Everything else receives the parsed `Env`.
 * Each variable is documented in `.env.example` and README.md ("Configuration").
 */
const optionalSecret = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** An empty value counts as unset (`.env.example` lists every variable with an empty value). */
const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const port = (name: string) =>
  z.coerce
    .number({ message: `${name} must be a number between 0 and 65535` })
    .int({ message: `${name} must be a number between 0 and 65535` })
    .min(0, { message: `${name} must be a number between 0 and 65535` })
    .max(65535, { message: `${name} must be a number between 0 and 65535` });

/** The public origin the dashboard is reached at: scheme, host and port, no path. */
const publicOrigin = z.preprocess(
  unsetIfEmpty,
  z
    .url({
      protocol: /^https?$/,
      message: 'DASHBOARD_URL must be an absolute http(s) URL such as https://sla.example.com',
    })
    .refine((v) => new URL(v).pathname.replace(/\/+$/, '') === '' && !/[?#]/.test(v), {
      message:
        'DASHBOARD_URL must be the public base URL without a path, such as https://sla.example.com (the dashboard is at its /dashboard)',
    })
    .transform((v) => new URL(v).origin)
    .optional(),
);

const url = (name: string) =>
  z
    .url({ message: `${name} must be an absolute URL such as https://api.example.com` })
    .transform((v) => v.replace(/\/+$/, ''));

export const Env = z
  .object({
    /** HubSpot private app token (`pat-…`). Required by `run`, not by `validate`/`schema`. */
    HUBSPOT_ACCESS_TOKEN: optionalSecret,
    /** HubSpot API root: proxies, the sandbox, tests. */
    HUBSPOT_BASE_URL: url('HUBSPOT_BASE_URL').default('https://api.hubapi.com'),
    /** HubSpot app client secret, to verify webhook signatures (v3). Webhooks are off without it. */
    HUBSPOT_CLIENT_SECRET: optionalSecret,
    /** Slack bot token (`xoxb-…`). */
    SLACK_BOT_TOKEN: optionalSecret,
    /** Slack app-level token (`xapp-…`): enables Socket Mode for buttons, /sla and App Home. */
    SLACK_APP_TOKEN: optionalSecret,
    /** Slack signing secret, for HTTP mode (when there is no app token). */
    SLACK_SIGNING_SECRET: optionalSecret,
    /** Slack Web API root, ending in `/api/`. */
    SLACK_API_URL: z
      .url({ message: 'SLACK_API_URL must be an absolute URL such as https://slack.com/api/' })
      .transform((v) => (v.endsWith('/') ? v : `${v}/`))
      .default('https://slack.com/api/'),
    /** The SLA file. */
    SLA_CONFIG: z.string().min(1).default('config/sla.yaml'),
    /** `postgres://…` for PostgreSQL; otherwise SQLite (`file:PATH`, `sqlite:PATH` or a path). */
    DATABASE_URL: z.string().min(1).default('data/sla-bot.sqlite'),
    /** Address of health, metrics and dashboard (and of the public routes unless PUBLIC_PORT is set). */
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port('PORT').default(3000),
    /**
     * A second listener for the public routes only (HubSpot webhooks, Slack events in HTTP mode), so a
     * proxy can expose them without the dashboard, health and metrics. Unset: everything on PORT.
     */
    PUBLIC_PORT: z.preprocess(unsetIfEmpty, port('PUBLIC_PORT').optional()),
    /** Address of the PUBLIC_PORT listener. Default: HOST. */
    PUBLIC_HOST: z.preprocess(unsetIfEmpty, z.string().min(1).optional()),
    /** Static token for scripts reading the dashboard: `Authorization: Bearer …` only, never in URLs. */
    DASHBOARD_TOKEN: optionalSecret,
    /** Sign in with Slack (dashboard): the Slack app's Client ID (Basic Information → App Credentials). */
    SLACK_CLIENT_ID: optionalSecret,
    /** The Slack app's Client Secret; also derives the session key when SESSION_SECRET is unset. */
    SLACK_CLIENT_SECRET: optionalSecret,
    /** Public base URL of this server for people's browsers: the redirect URL is DASHBOARD_URL/dashboard/auth/callback. */
    DASHBOARD_URL: publicOrigin,
    /** Key of the dashboard's signed session cookies (32+ characters). Default: derived from SLACK_CLIENT_SECRET. */
    SESSION_SECRET: optionalSecret.refine((v) => v === undefined || v.length >= 32, {
      message: 'SESSION_SECRET must be at least 32 characters (e.g. openssl rand -hex 32)',
    }),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    const signIn = {
      SLACK_CLIENT_ID: env.SLACK_CLIENT_ID,
      SLACK_CLIENT_SECRET: env.SLACK_CLIENT_SECRET,
      DASHBOARD_URL: env.DASHBOARD_URL,
    };
    const set = Object.entries(signIn)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    if (set.length > 0 && set.length < 3)
      for (const [name, value] of Object.entries(signIn))
        if (value === undefined)
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: `${name} is not set, but ${set.join(' and ')} ${set.length === 1 ? 'is' : 'are'}: Sign in with Slack needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and DASHBOARD_URL`,
          });
    if (
      env.PUBLIC_PORT !== undefined &&
      env.PUBLIC_PORT !== 0 &&
      env.PUBLIC_PORT === env.PORT &&
      (env.PUBLIC_HOST ?? env.HOST) === env.HOST
    )
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_PORT'],
        message: `PUBLIC_PORT must differ from PORT (${env.PORT}): it is a second listener; unset it to serve everything on PORT`,
      });
  });
export type Env = z.infer<typeof Env>;

export class EnvError extends Error {
  override readonly name = 'EnvError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** Parses an environment (default: the process's). Throws `EnvError` naming each bad variable. */
export function loadEnv(source: Readonly<Record<string, string | undefined>> = process.env): Env {
  const result = Env.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
  );
}
