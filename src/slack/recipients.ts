import type { SlaConfig, Team } from '../config/types.ts';
import type { Target } from '../domain/policy.ts';
import type { Instant } from '../domain/time.ts';
import type { Language } from '../i18n/language.ts';
import type { Owner } from '../ports/crm-source.ts';
import type { ChannelDirectory } from './channel-directory.ts';
import { channelLanguage, personLanguage } from './reader-language.ts';
import { normalizeEmail } from './slack-user.ts';
import { type Unreachable, unreachable } from './unreachable.ts';
import type { UserDirectory } from './user-directory.ts';

/**
 * Someone or somewhere a message can be posted. A DM is posted to the user id itself; a channel to
 * its id when the SLA file's `#name` was resolved (`label` keeps the name people know). `language`:
 * what the reader reads (src/slack/reader-language.ts).
 */
export type Recipient =
  | {
      readonly kind: 'user';
      readonly id: string;
      readonly email: string;
      readonly zone: string;
      readonly language: Language;
    }
  | {
      readonly kind: 'channel';
      readonly channel: string;
      readonly zone: string;
      readonly language: Language;
      readonly label?: string;
    };

/** Which configured role a fallback recipient fills (to skip ones the notification already targets). */
export type FallbackRole = 'team_channel' | 'manager' | 'admin';
export interface Fallback {
  readonly role: FallbackRole;
  readonly recipient: Recipient;
}

export type Resolved =
  | { readonly ok: true; readonly recipient: Recipient }
  | { readonly ok: false; readonly unreachable: Unreachable };

export interface Plan {
  readonly primary: Resolved;
  /** Computed only when needed (it may look people up); `exclude` = target kinds already notified. */
  readonly fallbacks: (exclude: ReadonlySet<string>) => Promise<Fallback[]>;
}

export const recipientChannel = (r: Recipient): string => (r.kind === 'user' ? r.id : r.channel);
export const recipientLabel = (r: Recipient): string =>
  r.kind === 'user' ? r.email : (r.label ?? r.channel);

export interface ResolverDeps {
  readonly directory: UserDirectory;
  readonly config: () => SlaConfig;
  /** `#name` → channel id (SD-15); absent: channels are posted to as written. */
  readonly channels?: Pick<ChannelDirectory, 'idFor'>;
}

const TEAM_ROLES: readonly FallbackRole[] = ['team_channel', 'manager'];

const miss = (who: string, code: string): Resolved => ({ ok: false, unreachable: unreachable(who, code) });

/** Resolves targets to recipients; throws `SlackCallError` only when Slack itself fails (retry later). */
export function createRecipientResolver(deps: ResolverDeps) {
  const cfg = () => deps.config();
  async function channel(name: string): Promise<Recipient> {
    const id = deps.channels ? await deps.channels.idFor(name) : name;
    const zone = cfg().timezone;
    const language = channelLanguage(cfg(), name);
    return id === name
      ? { kind: 'channel', channel: name, zone, language }
      : { kind: 'channel', channel: id, zone, language, label: name };
  }

  async function person(rawEmail: string, now: Instant): Promise<Resolved> {
    const email = normalizeEmail(rawEmail);
    const away = cfg().slack.outOfOffice.find(
      (o) => normalizeEmail(o.email) === email && now >= o.from && now < o.until,
    );
    if (away) return miss(email, `out_of_office:${away.from}`);
    const found = await deps.directory.byEmail(email);
    if (found.kind === 'not_found') return miss(email, 'users_not_found');
    if (found.user.deleted) return miss(email, 'user_deactivated');
    const zone = found.user.zone ?? cfg().timezone;
    const language = personLanguage(cfg(), email, found.user.locale);
    return { ok: true, recipient: { kind: 'user', id: found.user.id, email, zone, language } };
  }

  async function owner(o: Owner | null, now: Instant): Promise<Resolved> {
    if (o === null) return miss('unassigned lead', 'no_owner');
    const who = o.email ?? `HubSpot owner ${o.id}`;
    if (!o.active) return miss(who, 'owner_inactive');
    if (!o.email) return miss(who, 'owner_without_email');
    return person(o.email, now);
  }

  async function admins(now: Instant): Promise<Fallback[]> {
    const out: Fallback[] = [];
    for (const entry of cfg().slack.admins) {
      if (!entry.includes('@')) {
        out.push({ role: 'admin', recipient: await channel(entry) });
        continue;
      }
      const r = await person(entry, now);
      if (r.ok) out.push({ role: 'admin', recipient: r.recipient });
    }
    return out;
  }

  /**
   * Team channel and manager, minus the role that already failed and, when something else remains,
   * minus the roles the notification already reaches directly; else the admins.
   */
  async function teamFallbacks(
    team: Team | null,
    failed: FallbackRole | null,
    exclude: ReadonlySet<string>,
    now: Instant,
  ): Promise<Fallback[]> {
    const roles = TEAM_ROLES.filter((r) => r !== failed && (r !== 'team_channel' || team?.channel));
    const wanted = roles.filter((r) => !exclude.has(r));
    const out: Fallback[] = [];
    for (const role of wanted.length > 0 ? wanted : roles) {
      if (role === 'team_channel' && team?.channel)
        out.push({ role, recipient: await channel(team.channel) });
      if (role === 'manager' && team) {
        const m = await person(team.manager, now);
        if (m.ok) out.push({ role, recipient: m.recipient });
      }
    }
    return out.length > 0 ? out : admins(now);
  }

  /** The intended recipient of `target` and, lazily, the fallbacks in order. */
  async function plan(
    target: Target,
    ctx: { readonly owner: Owner | null; readonly team: Team | null },
    now: Instant,
  ): Promise<Plan> {
    const { team } = ctx;
    switch (target.kind) {
      case 'owner':
        return {
          primary: await owner(ctx.owner, now),
          fallbacks: (ex) => teamFallbacks(team, null, ex, now),
        };
      case 'manager':
        return {
          primary: team ? await person(team.manager, now) : miss('manager', 'no_team'),
          fallbacks: (ex) => teamFallbacks(team, 'manager', ex, now),
        };
      case 'team_channel':
        return {
          primary: team?.channel
            ? { ok: true, recipient: await channel(team.channel) }
            : miss(team ? `team ${team.name}` : 'team channel', 'no_team_channel'),
          fallbacks: (ex) => teamFallbacks(team, 'team_channel', ex, now),
        };
      case 'user':
        return { primary: await person(target.email, now), fallbacks: () => admins(now) };
      case 'channel':
        return {
          primary: { ok: true, recipient: await channel(target.channel) },
          fallbacks: () => admins(now),
        };
    }
  }

  return { person, owner, plan, admins };
}

export type RecipientResolver = ReturnType<typeof createRecipientResolver>;
