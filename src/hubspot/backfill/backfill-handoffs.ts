import { z } from 'zod';
import type { StageDefinition } from '../../config/types.ts';
import type { Handoff } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import type { BackfillChunk, BackfillWindow, Rejected } from '../../ports/crm-source.ts';
import { batchRead } from '../batch-read.ts';
import { leadHandoffs } from '../history-handoffs.ts';
import { snapshotProperties, toLeadSnapshot } from '../lead-snapshot.ts';
import { dateEntered, type PollContext } from '../poll-context.ts';
import { entryTime } from '../property-history.ts';
import type { CrmRecord } from '../schemas.ts';
import { parseInstant, text } from '../values.ts';
import { BackfillPosition } from './backfill-keyset.ts';
import {
  type BackfillScanSpec,
  type BackfillScanState,
  readBackfillPage,
  startScan,
} from './backfill-scan.ts';

const ScanState = z.object({
  position: BackfillPosition.nullable(),
  read: z.number(),
  total: z.number().nullable(),
});
const Stored = z.object({ v: z.literal(1), scans: z.record(z.string(), ScanState) });

/** Each configured stage's scan, keyed by stage and source (a changed source starts over). */
const scanKey = (stage: StageDefinition): string => {
  const s = stage.source;
  const what =
    s.kind === 'lifecycle_stage'
      ? s.value
      : s.kind === 'property'
        ? `${s.property}=${s.equals}`
        : `${s.pipeline}/${s.stage}`;
  return `${stage.key}|${s.kind}|${what}`;
};

/**
 * The search that finds a stage's open handoffs of the window: records in the stage now that entered
 * it (lifecycle stages: `hs_v2_date_entered_<stage>`, newest first) or changed (property and Leads
 * stages, dated from history afterwards) since the window's start.
 */
function scanSpec(ctx: PollContext, stage: StageDefinition, since: Instant): BackfillScanSpec {
  const s = stage.source;
  const from = String(since);
  switch (s.kind) {
    case 'lifecycle_stage': {
      const entered = dateEntered(s.value);
      return {
        objectType: 'contacts',
        order: 'date',
        dateProperty: entered,
        filters: [
          { propertyName: 'lifecyclestage', operator: 'EQ', value: s.value },
          { propertyName: entered, operator: 'GTE', value: from },
        ],
        properties: snapshotProperties(ctx.config, [entered]),
        what: 'contact',
      };
    }
    case 'property':
      return {
        objectType: 'contacts',
        order: 'id',
        dateProperty: 'lastmodifieddate',
        filters: [
          { propertyName: s.property, operator: 'EQ', value: s.equals },
          { propertyName: 'lastmodifieddate', operator: 'GTE', value: from },
        ],
        properties: [s.property],
        what: 'contact',
      };
    case 'lead_pipeline':
      return {
        objectType: 'leads',
        order: 'id',
        dateProperty: 'hs_lastmodifieddate',
        filters: [
          { propertyName: 'hs_pipeline', operator: 'EQ', value: s.pipeline },
          { propertyName: 'hs_pipeline_stage', operator: 'EQ', value: s.stage },
          { propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: from },
        ],
        properties: ['hs_pipeline_stage'],
        what: 'lead',
      };
  }
}

const inWindow = (w: BackfillWindow, at: Instant): boolean => at >= w.since && at < w.until;

/** The handoffs a page of one stage's scan holds (property and Leads stages read their history first). */
async function handoffsOf(
  ctx: PollContext,
  stage: StageDefinition,
  records: readonly CrmRecord[],
  w: BackfillWindow,
): Promise<{ handoffs: Handoff[]; rejected: Rejected[] }> {
  const s = stage.source;
  if (records.length === 0) return { handoffs: [], rejected: [] };
  if (s.kind === 'lead_pipeline')
    return leadHandoffs(
      ctx,
      stage,
      s,
      records.map((r) => r.id),
      (_id, at) => inWindow(w, at),
    );
  if (s.kind === 'lifecycle_stage') {
    const entered = dateEntered(s.value);
    const handoffs = records.flatMap((r) => {
      const at = parseInstant(r.properties[entered]);
      return at !== null && inWindow(w, at) ? [handoff(ctx, stage, r, at)] : [];
    });
    return { handoffs, rejected: [] };
  }
  const read = await batchRead(
    ctx.api,
    'contacts',
    records.map((r) => r.id),
    snapshotProperties(ctx.config, [s.property]),
    [s.property],
  );
  const rejected: Rejected[] = [...read.rejected];
  const handoffs: Handoff[] = [];
  for (const record of read.records.values()) {
    const entry = entryTime(record.propertiesWithHistory?.[s.property], s.equals);
    if (!entry.ok) rejected.push({ what: 'contact', id: record.id, reason: entry.reason });
    else if (inWindow(w, entry.at)) handoffs.push(handoff(ctx, stage, record, entry.at));
  }
  return { handoffs, rejected };
}

const handoff = (ctx: PollContext, stage: StageDefinition, record: CrmRecord, at: Instant): Handoff => ({
  lead: toLeadSnapshot(record.id, record.properties, ctx.links),
  stage: stage.key,
  enteredAt: at,
  ownerId: text(record.properties.hubspot_owner_id),
  ownerAssignedAt: parseInstant(record.properties.hubspot_owner_assigneddate),
});

function decode(position: string | null): Record<string, BackfillScanState> {
  if (position === null) return {};
  try {
    const parsed = Stored.safeParse(JSON.parse(position));
    return parsed.success ? parsed.data.scans : {};
  } catch {
    return {};
  }
}

/**
 * One chunk of the first-install import: `pages` pages (200 records each) of every stage's scan not
 * yet read to its end, from `position` (`null`: the start). Stages take turns chunk by chunk, each
 * newest first where it can, so the leads still inside their window come in the first chunk.
 */
export async function backfillChunk(
  ctx: PollContext,
  position: string | null,
  w: BackfillWindow,
  pages: number,
): Promise<BackfillChunk> {
  const before = decode(position);
  const scans: Record<string, BackfillScanState> = {};
  const handoffs: Handoff[] = [];
  const rejected: Rejected[] = [];
  for (const stage of ctx.config.stages) {
    const key = scanKey(stage);
    const spec = scanSpec(ctx, stage, w.since);
    let state = before[key] ?? startScan(spec, w.until);
    for (let page = 0; page < pages && state.position !== null; page++) {
      const read = await readBackfillPage(ctx.api, spec, state);
      const found = await handoffsOf(ctx, stage, read.records, w);
      handoffs.push(...found.handoffs);
      rejected.push(...read.rejected, ...found.rejected);
      state = read.next;
    }
    scans[key] = state;
  }
  const states = Object.values(scans);
  const totals = states.map((s) => s.total);
  return {
    handoffs,
    rejected,
    position: JSON.stringify({ v: 1, scans }),
    done: states.every((s) => s.position === null),
    read: states.reduce((sum, s) => sum + s.read, 0),
    total: totals.every((t) => t !== null) ? totals.reduce((sum: number, t) => sum + (t ?? 0), 0) : null,
  };
}
