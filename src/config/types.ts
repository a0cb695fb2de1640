import type { BusinessCalendar } from '../domain/calendar/business-calendar.ts';
import type { CalendarSpec } from '../domain/calendar/spec.ts';
import type { FunnelStage } from '../domain/model.ts';
import type { Condition, Policy } from '../domain/policy.ts';
import type { Instant, Millis } from '../domain/time.ts';
import type { Language } from '../i18n/language.ts';

/** Where a value came from in the SLA file, so later checks (e.g. HubSpot start-up) can point at it. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** How a configured stage is recognised in HubSpot. */
export type StageSource =
  /** Lifecycle stage internal value: `marketingqualifiedlead`, or a custom stage's numeric id. */
  | { readonly kind: 'lifecycle_stage'; readonly value: string }
  /** A contact property equal to a value, e.g. `hs_lead_status = SALES_ACCEPTED` (entry time from history). */
  | { readonly kind: 'property'; readonly property: string; readonly equals: string }
  /** A stage of a pipeline of the HubSpot Leads object. */
  | { readonly kind: 'lead_pipeline'; readonly pipeline: string; readonly stage: string };

/** A stage as configured: its place in the funnel (`key`, `order`), its label, and how HubSpot shows it. */
export interface StageDefinition extends FunnelStage {
  readonly label: string;
  readonly source: StageSource;
  readonly at: SourceLocation;
}

export interface Team {
  readonly name: string;
  /** Manager's e-mail (as in HubSpot and Slack). */
  readonly manager: string;
  readonly members: readonly string[];
  /** Slack channel name (`#sales-benelux`) or id (`C0123…`), or null. */
  readonly channel: string | null;
  /** The team's `language:` (its channel's, and its people's unless Slack says theirs); absent: the file's. */
  readonly language?: Language;
  /** The team's working hours (a calendar name); absent: the policy's calendar (reassignment, issue 18). */
  readonly calendar?: string;
}

/** An escalation level that reassigns (`reassign:`), and where, for start-up checks that name the line. */
export interface ReassignRef {
  readonly policy: string;
  /** YAML path, e.g. `policies[0].escalate[1].reassign`. */
  readonly path: string;
  readonly at: SourceLocation;
}

/** A Slack channel the SLA file names (`#sales-benelux` or `C0123…`), and where. */
export interface ChannelRef {
  readonly channel: string;
  /** YAML path, e.g. `teams.benelux.channel`. */
  readonly path: string;
  readonly at: SourceLocation;
}

export interface OutOfOffice {
  readonly email: string;
  readonly from: Instant;
  readonly until: Instant;
}

export interface SlaConfig {
  /** The file it was loaded from (for messages). */
  readonly file: string;
  /** Default zone for display and calendars without their own. */
  readonly timezone: string;
  /** The file's top-level `language:`; absent: English (src/slack/reader-language.ts). */
  readonly language?: Language;
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
  /** The specs the calendars were compiled from (by name), to tell what changed on reload. */
  readonly calendarSpecs?: ReadonlyMap<string, CalendarSpec>;
  readonly stages: readonly StageDefinition[];
  /** Lifecycle stage values that mean the lead left the funnel (recycled to nurture), e.g. `lead`, `other`. */
  readonly recycleStages: readonly string[];
  readonly teams: readonly Team[];
  /** Ordered: the first policy whose stage and segment match a lead wins. */
  readonly policies: readonly Policy[];
  readonly poll: {
    /** A fixed interval, or `auto`: from the portal's daily HubSpot limit (src/worker/poll/poll-pace.ts). */
    readonly every: Millis | 'auto';
    /** Look-back overlap for HubSpot search-index lag. */
    readonly overlap: Millis;
    /**
     * First install only: how far back the open handoffs are imported (`poll.backfill`, default 30 days;
     * src/worker/poll/backfill.ts). Absent (configs built in code): no first-install import at all.
     */
    readonly backfill?: Millis;
  };
  readonly hubspot: {
    /** Used for record links; optional (links then go through the generic app URL). */
    readonly portalId: string | null;
    readonly appBaseUrl: string;
    /** Share of the portal's burst limit (`X-HubSpot-RateLimit-Max`) sla-bot may use, in (0, 1]. */
    readonly budgetShare: number;
    /** Optional hard cap on sla-bot's requests per rolling 10 s (`null`: the share alone decides). */
    readonly requestsPerTenSeconds: number | null;
    /** Search requests per second (HubSpot allows 5 per account). */
    readonly searchPerSecond: number;
    readonly writeBack: {
      readonly enabled: boolean;
      /** Create a HubSpot task for the owner on breach. */
      readonly createTaskOnBreach: boolean;
      /** Lead status / lifecycle value set when a rep marks a lead "Not a fit". */
      readonly notAFitLeadStatus: string | null;
    };
  };
  readonly slack: {
    /** Admin recipients (e-mails or channels) for operational alerts. */
    readonly admins: readonly string[];
    /** HubSpot owner e-mail → Slack user id, when e-mails differ. */
    readonly userOverrides: Readonly<Record<string, string>>;
    readonly outOfOffice: readonly OutOfOffice[];
    /** Reasons offered by the "Not a fit" picker. */
    readonly notAFitReasons: readonly string[];
  };
  readonly reports: {
    /** Monthly commitment per stage key (marketing's side of the SLA). */
    readonly monthlyCommitment: Readonly<Record<string, number>>;
    /** Weekly digest schedule (cron expression in `timezone`), or null for none. */
    readonly digest: { readonly cron: string; readonly timezone: string } | null;
    readonly dashboardUrl: string | null;
  };
  /** Segment conditions are referenced by policies; exported for reports. */
  readonly segments: ReadonlyMap<string, Condition>;
  /** Every Slack channel the file names, with its place (resolved to ids at start-up; SD-15). */
  readonly channels?: readonly ChannelRef[];
  /** Every escalation level that reassigns, with its place (the write scope is checked at start-up). */
  readonly reassignments?: readonly ReassignRef[];
  /** Where `hubspot.write_back.enabled` is set, when it is (the write scope is checked at start-up). */
  readonly writeBackAt?: SourceLocation;
}
