import type { Instant, Millis } from '../../domain/time.ts';
import { type CrmData, isoOf } from './crm-data.ts';
import { type Disposition, dispositionId } from './dispositions.ts';
import type { ChangeSource, CrmRecord } from './records.ts';

export interface TouchBase {
  /** Defaults to the contact's owner at logging time. */
  readonly ownerId?: string | null;
  /** `hs_timestamp`: when it happened; may be earlier than when it was logged. Default: now. */
  readonly at?: Instant;
  /**
   * When it was logged (its create and last-modified dates, and the contact's roll-up): history
   * seeded in the past, as a portal has it before sla-bot is installed. Default: now.
   */
  readonly loggedAt?: Instant;
}

export interface CallInput extends TouchBase {
  readonly direction?: 'OUTBOUND' | 'INBOUND';
  /** `COMPLETED` (default), `NO_ANSWER`, `BUSY`, `CANCELED`, `QUEUED`, … */
  readonly status?: string;
  /** A disposition GUID or label (`Connected`, `No answer`, …). */
  readonly disposition?: string | null;
  readonly durationMs?: Millis;
  readonly title?: string;
  readonly body?: string;
}

export interface EmailInput extends TouchBase {
  /** `EMAIL` = sent by the rep (default), `INCOMING_EMAIL`, `FORWARDED_EMAIL`. */
  readonly direction?: 'EMAIL' | 'INCOMING_EMAIL' | 'FORWARDED_EMAIL';
  readonly subject?: string;
  readonly status?: string;
}

export interface MeetingInput extends TouchBase {
  readonly title?: string;
  /** `SCHEDULED`, `COMPLETED` (default), `NO_SHOW`, `CANCELED`, `RESCHEDULED`. */
  readonly outcome?: string;
  readonly durationMs?: Millis;
}

interface Context {
  readonly data: CrmData;
  readonly dispositions: readonly Disposition[];
  /** Log time: the record's create date. */
  readonly now: Instant;
  readonly source: ChangeSource;
}

export function logCall(ctx: Context, contactId: string, input: CallInput): CrmRecord {
  const disposition = input.disposition === undefined ? 'Connected' : input.disposition;
  return logTouch(ctx, 'calls', contactId, input, {
    hs_call_direction: input.direction ?? 'OUTBOUND',
    hs_call_status: input.status ?? 'COMPLETED',
    hs_call_disposition: disposition === null ? null : dispositionId(ctx.dispositions, disposition),
    hs_call_duration: input.durationMs ?? 0,
    hs_call_title: input.title ?? 'Call',
    hs_call_body: input.body ?? null,
  });
}

export function logEmail(ctx: Context, contactId: string, input: EmailInput): CrmRecord {
  return logTouch(ctx, 'emails', contactId, input, {
    hs_email_direction: input.direction ?? 'EMAIL',
    hs_email_status: input.status ?? 'SENT',
    hs_email_subject: input.subject ?? 'Following up',
  });
}

export function logMeeting(ctx: Context, contactId: string, input: MeetingInput): CrmRecord {
  const start = input.at ?? ctx.now;
  return logTouch(ctx, 'meetings', contactId, input, {
    hs_meeting_title: input.title ?? 'Intro meeting',
    hs_meeting_outcome: input.outcome ?? 'COMPLETED',
    hs_meeting_start_time: isoOf(start),
    hs_meeting_end_time: isoOf(start + (input.durationMs ?? 30 * 60_000)),
  });
}

function logTouch(
  ctx: Context,
  type: 'calls' | 'emails' | 'meetings',
  contactId: string,
  input: TouchBase,
  specific: Record<string, string | number | null>,
): CrmRecord {
  const contact = ctx.data.require('contacts', contactId);
  const ownerId =
    input.ownerId === undefined ? (contact.properties.get('hubspot_owner_id') ?? null) : input.ownerId;
  const at = input.at ?? ctx.now;
  const logged = { ...ctx, now: input.loggedAt ?? ctx.now };
  const record = logged.data.create(
    type,
    { ...specific, hs_timestamp: isoOf(at), hubspot_owner_id: ownerId },
    logged.source,
    logged.now,
  );
  logged.data.associate(type, record.id, 'contacts', contactId, logged.now);
  rollUp(logged, contact, at, ownerId);
  return record;
}

/** HubSpot's contact roll-ups after an activity is logged (read-only, set by HubSpot). */
function rollUp(ctx: Context, contact: CrmRecord, at: Instant, ownerId: string | null): void {
  const last = Date.parse(contact.properties.get('notes_last_contacted') ?? '');
  const count = Number(contact.properties.get('num_contacted_notes') ?? '0');
  const byOwner = ownerId !== null && ownerId === contact.properties.get('hubspot_owner_id');
  ctx.data.update(
    'contacts',
    contact.id,
    {
      notes_last_contacted: Number.isFinite(last) && last > at ? isoOf(last) : isoOf(at),
      num_contacted_notes: count + 1,
      ...(byOwner ? { hs_is_unworked: 'false' } : {}),
    },
    { sourceType: 'CALCULATED' },
    ctx.now,
  );
}
