import type { SlaConfig } from '../../../config/types.ts';
import type { ReportScope } from '../../../domain/reports/index.ts';
import { isAdmin, teamOf, teamsManagedBy } from '../../../slack/listeners/team-of.ts';
import { normalizeEmail } from '../../../slack/slack-user.ts';

/** Who reads the dashboard and what they may see. */
export interface Viewer {
  readonly role: 'admin' | 'manager' | 'rep' | 'script';
  readonly scope: ReportScope;
  /** For the page header: `anna@example.com (manager of benelux)` (English; the page words it per language). */
  readonly label: string;
  /** The e-mail shown in the header (`''` for the token). */
  readonly email: string;
  /** The teams the filter form offers. */
  readonly teams: readonly string[] | 'all';
}

/** The DASHBOARD_TOKEN: scripts see everything. */
export const SCRIPT_VIEWER: Viewer = {
  role: 'script',
  scope: { kind: 'all' },
  label: 'token',
  email: '',
  teams: 'all',
};

/** The signed-in person's Slack identity. */
export interface Person {
  readonly email: string;
  readonly slackUserId: string;
}

/**
 * The e-mails a person goes by: their Slack e-mail, and the HubSpot e-mails `slack.user_overrides`
 * maps to their Slack user id (someone whose HubSpot and Slack addresses differ).
 */
export function emailsOf(p: Person, config: SlaConfig): string[] {
  const overrides = Object.entries(config.slack.userOverrides)
    .filter(([, id]) => id === p.slackUserId)
    .map(([email]) => normalizeEmail(email));
  return [...new Set([normalizeEmail(p.email), ...overrides])];
}

/**
 * The role the SLA file in force gives a person (read on every request: an edit takes effect at
 * once): `slack.admins` see everything; a team's manager sees the team's leads (and their own); a
 * rep — a team member or a HubSpot owner — sees their own leads. `null`: nobody the file knows.
 * `owners`: HubSpot owners' e-mails, or `null` when they could not be read.
 */
export function viewerOf(p: Person, config: SlaConfig, owners: ReadonlySet<string> | null): Viewer | null {
  const emails = emailsOf(p, config);
  const shown = normalizeEmail(p.email);
  // `slack.admins` also lists channels (`#sales-ops`, `C0123…`): only e-mail entries make admins.
  if (emails.some((e) => e.includes('@') && isAdmin(config, e)))
    return { role: 'admin', scope: { kind: 'all' }, label: `${shown} (admin)`, email: shown, teams: 'all' };
  const managed = [...new Set(emails.flatMap((e) => teamsManagedBy(config, e).map((t) => t.name)))];
  if (managed.length > 0)
    return {
      role: 'manager',
      scope: { kind: 'people', teams: managed, emails },
      label: `${shown} (manager of ${managed.join(', ')})`,
      email: shown,
      teams: managed,
    };
  const isRep = emails.some((e) => teamOf(config, e) !== null || owners?.has(e) === true);
  if (!isRep) return null;
  return {
    role: 'rep',
    scope: { kind: 'people', teams: [], emails },
    label: `${shown} (your leads)`,
    email: shown,
    teams: [],
  };
}

/** A cache key part for the scope (reports are cached per filters and scope). */
export const scopeKey = (scope: ReportScope): string =>
  scope.kind === 'all'
    ? 'all'
    : `teams=${[...scope.teams].sort().join(',')};emails=${[...scope.emails].sort().join(',')}`;
