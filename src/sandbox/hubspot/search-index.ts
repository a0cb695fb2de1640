import type { Instant, Millis } from '../../domain/time.ts';
import type { ObjectType } from './object-types.ts';
import type { CrmRecord } from './records.ts';

/** What the search index knows about a record: a snapshot that may lag behind the record. */
export interface IndexedDoc {
  readonly id: string;
  readonly properties: ReadonlyMap<string, string>;
  /** Associated contact ids (for the `associations.contact` pseudo-property). */
  readonly contacts: ReadonlySet<string>;
}

interface PendingUpdate {
  readonly type: ObjectType;
  readonly id: string;
  /** `null` removes the record from the index (archived). */
  readonly doc: IndexedDoc | null;
  readonly visibleAt: Instant;
}

/**
 * HubSpot's search is eventually consistent: a created or changed record becomes searchable only after
 * the index lag. Reads by id see the live record; search sees this index.
 */
export class SearchIndex {
  private readonly docs = new Map<ObjectType, Map<string, IndexedDoc>>();
  private pending: PendingUpdate[] = [];
  lag: Millis;

  constructor(lag: Millis) {
    this.lag = lag;
  }

  /** Queues the record's current state; with no lag it is searchable at once. */
  stage(record: CrmRecord, contacts: ReadonlySet<string>, now: Instant): void {
    // The record's property map is never mutated after publication, so the index can share it.
    const doc =
      record.archivedAt === null ? { id: record.id, properties: record.properties, contacts } : null;
    const update = { type: record.objectType, id: record.id, doc, visibleAt: now + this.lag };
    if (this.lag <= 0 && this.pending.length === 0) this.apply(update);
    else this.pending.push(update);
  }

  /** The searchable documents of a type at `now`. */
  documents(type: ObjectType, now: Instant): Iterable<IndexedDoc> {
    this.flush(now);
    return this.table(type).values();
  }

  /** Updates not yet searchable (for tests and the demo). */
  pendingCount(now: Instant): number {
    this.flush(now);
    return this.pending.length;
  }

  private flush(now: Instant): void {
    if (this.pending.length === 0) return;
    const later: PendingUpdate[] = [];
    for (const update of this.pending) {
      if (update.visibleAt <= now) this.apply(update);
      else later.push(update);
    }
    this.pending = later;
  }

  private apply(update: PendingUpdate): void {
    if (update.doc) this.table(update.type).set(update.id, update.doc);
    else this.table(update.type).delete(update.id);
  }

  private table(type: ObjectType): Map<string, IndexedDoc> {
    let table = this.docs.get(type);
    if (!table) {
      table = new Map();
      this.docs.set(type, table);
    }
    return table;
  }
}
