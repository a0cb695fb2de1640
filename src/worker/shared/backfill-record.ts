import { z } from 'zod';
import type { Instant } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { Cursors } from '../../ports/crm-source.ts';

/**
 * The first-install import (`poll.backfill`, src/worker/poll/backfill.ts). A first install is a store
 * without a HubSpot poll position — no cursor of any HubSpot scan — and without open SLA instances:
 * the very first cycle of sla-bot on a portal. That cycle fixes the install moment (`installedAt`, its
 * start) and begins to import the open handoffs of the `poll.backfill` period before it, newest first,
 * one bounded chunk a cycle (`CrmSource.backfill`); this record, stored with each cycle's commit under
 * `BACKFILL_CURSOR`, lets a restart resume. Every handoff that entered its stage before the install —
 * found by the import or by the first polls' look-back — opens an imported instance
 * (`SlaInstance.importedAt`): judged, recorded and shown, but a deadline that had passed by then is
 * "before sla-bot", and nothing whose moment passed before the install is messaged.
 */
export const BACKFILL_CURSOR = 'worker:backfill';

/** The import as stored: where it stands and how far it got. */
export interface Backfill {
  /** The install: handoffs that entered before it are imported. */
  readonly installedAt: Instant;
  /** The import window's start (`installedAt − poll.backfill`). */
  readonly since: Instant;
  /** The source's position (`null`: not started). */
  readonly position: string | null;
  readonly done: boolean;
  /** HubSpot records read so far. */
  readonly read: number;
  /** HubSpot's count of the records in the window (`null`: not known yet). */
  readonly total: number | null;
  /** SLA instances opened as imported so far. */
  readonly imported: number;
  /** The earliest stage entry imported so far. */
  readonly oldest: Instant | null;
  readonly finishedAt: Instant | null;
}

/** What the poll stage holds: the import's record, a first install not yet polled, or nothing. */
export type BackfillState = Backfill | 'first-install' | null;

const Stored = z.object({
  v: z.literal(1),
  installedAt: z.number(),
  since: z.number(),
  position: z.string().nullable(),
  done: z.boolean(),
  read: z.number(),
  total: z.number().nullable(),
  imported: z.number(),
  oldest: z.number().nullable(),
  finishedAt: z.number().nullable(),
});

export const encodeBackfill = (b: Backfill): string => JSON.stringify({ v: 1, ...b });

/** The stored import, or `null` when there is none (or it is unreadable: logged). */
export function decodeBackfill(text: string | undefined, logger?: Logger): Backfill | null {
  if (text === undefined) return null;
  let raw: unknown = null;
  try {
    raw = JSON.parse(text);
  } catch {
    // unreadable: logged below
  }
  const parsed = Stored.safeParse(raw);
  if (parsed.success) {
    const { v: _v, ...backfill } = parsed.data;
    return backfill;
  }
  logger?.error({ cursor: text.slice(0, 80) }, 'backfill record unreadable, not importing');
  return null;
}

/** The state a store loads into: its import, else a first install when nothing was polled or opened. */
export function loadedBackfill(
  stored: string | undefined,
  crmCursors: Cursors,
  openInstances: number,
  logger?: Logger,
): BackfillState {
  if (stored !== undefined) return decodeBackfill(stored, logger);
  return Object.keys(crmCursors).length === 0 && openInstances === 0 ? 'first-install' : null;
}

/** "4,000 of ~10,000 leads read, 3,950 imported, oldest 2026-11-07". */
export function backfillProgress(b: Backfill): string {
  const n = (v: number) => v.toLocaleString('en');
  const of = b.done ? n(b.read) : b.total === null ? '?' : `~${n(Math.max(b.total, b.read))}`;
  const oldest = b.oldest === null ? '' : `, oldest ${new Date(b.oldest).toISOString().slice(0, 10)}`;
  return `${n(b.read)} of ${of} leads read, ${n(b.imported)} imported${oldest}`;
}
