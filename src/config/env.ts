import { z } from 'zod';

/**
 * The one module that reads `process.env`. Everything else receives the parsed `Env`.
 * Each variable is documented in `.env.example` and DESIGN.md's table.
 */
const optionalSecret = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const url = (name: string) =>
  z
    .url({ message: `${name} must be an absolute URL such as https://api.example.com` })
    .transform((v) => v.replace(/\/+$/, ''));

export const Env = z.object({
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
  /** Address of health, metrics and dashboard. */
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce
    .number({ message: 'PORT must be a number between 0 and 65535' })
    .int()
    .min(0)
    .max(65535)
    .default(3000),
  /** Bearer token for the dashboard when it is bound beyond localhost. */
  DASHBOARD_TOKEN: optionalSecret,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
