import type { SlaConfig } from '../../config/types.ts';
import type { Handoff } from '../../domain/model.ts';
import type { LeadEventsResult } from '../../domain/sla/index.ts';
import type { Instant } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { CrmSource } from '../../ports/crm-source.ts';
import { type Backfill, type BackfillState, backfillProgress } from '../shared/backfill-record.ts';

/*
 * The poll stage's side of the first-install import (what a first install is, and the stored record:
 * `shared/backfill-record`): starting it, reading a chunk a cycle, counting what it imported.
 */

/**
 * The import in force at `now`: the stored one, or — on a first install — one starting now. `null`
 * when there is none, or the configuration has no `poll.backfill` (configs built in code).
 */
export function backfillAt(
  state: BackfillState,
  config: SlaConfig,
  crm: CrmSource,
  now: Instant,
): Backfill | null {
  if (state !== 'first-install') return state;
  const period = config.poll.backfill;
  if (period === undefined) return null;
  const nothing = period <= 0 || crm.backfill === undefined;
  return {
    installedAt: now,
    since: now - Math.max(0, period),
    position: null,
    done: nothing,
    read: 0,
    total: nothing ? 0 : null,
    imported: 0,
    oldest: null,
    finishedAt: nothing ? now : null,
  };
}

/** One chunk: the handoffs it found, and the record as it stands once they are stored. */
export async function readBackfill(
  crm: CrmSource,
  b: Backfill,
  now: Instant,
): Promise<{ readonly handoffs: readonly Handoff[]; readonly next: Backfill }> {
  if (b.done || crm.backfill === undefined) return { handoffs: [], next: b };
  const chunk = await crm.backfill(b.position, { since: b.since, until: b.installedAt }, now);
  return {
    handoffs: chunk.handoffs,
    next: {
      ...b,
      position: chunk.position,
      done: chunk.done,
      read: chunk.read,
      total: chunk.done ? chunk.read : chunk.total,
      finishedAt: chunk.done ? now : null,
    },
  };
}

/** The record with what this cycle's events imported counted in. */
export function countImported(b: Backfill, events: LeadEventsResult): Backfill {
  let imported = b.imported;
  let oldest = b.oldest;
  for (const i of events.opened) {
    if (i.importedAt === undefined || i.importedAt === null) continue;
    imported += 1;
    if (oldest === null || i.enteredAt < oldest) oldest = i.enteredAt;
  }
  return imported === b.imported ? b : { ...b, imported, oldest };
}

/** Logs the import's progress once a cycle's commit stored it (and once when it finishes). */
export function logBackfill(logger: Logger, before: BackfillState, after: Backfill): void {
  const was = before === 'first-install' ? null : before;
  if (was?.done) return;
  const fields = {
    progress: backfillProgress(after),
    read: after.read,
    total: after.total,
    imported: after.imported,
    oldest: after.oldest === null ? null : new Date(after.oldest).toISOString(),
    since: new Date(after.since).toISOString(),
    installedAt: new Date(after.installedAt).toISOString(),
  };
  if (was === null) logger.info(fields, 'backfill started: first install, importing open handoffs');
  if (after.done) logger.info(fields, 'backfill finished');
  else if (was !== null) logger.info(fields, 'backfill progress');
}
