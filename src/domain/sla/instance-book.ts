import type { CloseReason, LeadObjectType, SlaInstance } from '../model.ts';
import type { Instant } from '../time.ts';

export interface ClosedInstance {
  readonly instanceId: string;
  readonly at: Instant;
  readonly reason: CloseReason;
  /** See `SlaInstance.closeDetail` (absent: none). */
  readonly detail?: string;
}

const leadKey = (objectType: LeadObjectType, objectId: string): string => `${objectType}:${objectId}`;

/**
 * The working set `applyLeadEvents` edits: open instances by lead, and what changed — which
 * instances were opened, which existing ones were updated, which were closed.
 */
export class InstanceBook {
  private readonly current = new Map<string, SlaInstance>();
  private readonly byLead = new Map<string, Set<string>>();
  private readonly existing = new Set<string>();
  private readonly openedIds: string[] = [];
  private readonly updatedIds = new Set<string>();
  private readonly closedList: ClosedInstance[] = [];

  constructor(open: readonly SlaInstance[]) {
    for (const instance of open) {
      if (instance.closedAt !== null) continue;
      this.existing.add(instance.id);
      this.index(instance);
    }
  }

  /** Known in this batch or before (open, opened, or closed by these events). */
  has(id: string): boolean {
    return this.current.has(id);
  }

  /** Open instances of one lead. */
  openOf(objectType: LeadObjectType, objectId: string): SlaInstance[] {
    const ids = this.byLead.get(leadKey(objectType, objectId));
    const out: SlaInstance[] = [];
    for (const id of ids ?? []) {
      const instance = this.current.get(id);
      if (instance !== undefined && instance.closedAt === null) out.push(instance);
    }
    return out;
  }

  open(instance: SlaInstance): void {
    this.index(instance);
    this.openedIds.push(instance.id);
  }

  update(instance: SlaInstance): void {
    this.current.set(instance.id, instance);
    if (this.existing.has(instance.id)) this.updatedIds.add(instance.id);
  }

  close(instance: SlaInstance, at: Instant, reason: CloseReason, detail: string | null = null): void {
    const closed = { ...instance, closedAt: at, closeReason: reason };
    this.current.set(instance.id, detail === null ? closed : { ...closed, closeDetail: detail });
    this.closedList.push({ instanceId: instance.id, at, reason, ...(detail === null ? {} : { detail }) });
  }

  result(): { opened: SlaInstance[]; updated: SlaInstance[]; closed: ClosedInstance[] } {
    const pick = (id: string): SlaInstance[] => {
      const instance = this.current.get(id);
      return instance === undefined ? [] : [instance];
    };
    return {
      opened: this.openedIds.flatMap(pick),
      updated: [...this.updatedIds].flatMap(pick),
      closed: this.closedList,
    };
  }

  private index(instance: SlaInstance): void {
    this.current.set(instance.id, instance);
    const key = leadKey(instance.lead.objectType, instance.lead.objectId);
    const ids = this.byLead.get(key);
    if (ids === undefined) this.byLead.set(key, new Set([instance.id]));
    else ids.add(instance.id);
  }
}
