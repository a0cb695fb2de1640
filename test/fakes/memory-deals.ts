import type { Instant } from '../../src/domain/time.ts';
import type { Deal, Owner } from '../../src/ports/crm-source.ts';
import type { DealCandidate, DealRefresh, StoredInstance } from '../../src/ports/store.ts';

/** The Store port's deals and owners, in memory, with the SQL adapters' semantics (FakeStore delegates here). */
export class MemoryDeals {
  readonly deals = new Map<string, Deal>();
  readonly links = new Map<string, Set<string>>();
  readonly refreshedAt = new Map<string, Instant>();
  readonly ownerRows = new Map<string, Owner>();
  readonly saves: DealRefresh[] = [];

  saveDeals(refresh: DealRefresh): void {
    this.saves.push(refresh);
    const asked = new Set(refresh.contactIds);
    for (const c of asked) this.links.set(c, new Set());
    for (const d of refresh.deals) {
      this.deals.set(d.id, { ...d, contactIds: [] });
      for (const c of d.contactIds) if (asked.has(c)) this.links.get(c)?.add(d.id);
    }
    for (const c of asked) this.refreshedAt.set(c, refresh.at);
  }

  dealsOf(contactIds: readonly string[]): Deal[] {
    const contacts = new Map<string, Set<string>>();
    for (const c of new Set(contactIds))
      for (const id of this.links.get(c) ?? []) contacts.set(id, (contacts.get(id) ?? new Set()).add(c));
    return [...contacts.entries()]
      .flatMap(([id, cs]) => {
        const d = this.deals.get(id);
        return d === undefined ? [] : [{ ...d, contactIds: [...cs].sort() }];
      })
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  dealCandidates(
    instances: Iterable<StoredInstance>,
    stages: readonly string[],
    enteredSince: Instant,
  ): DealCandidate[] {
    const latest = new Map<string, Instant>();
    for (const { instance: i } of instances) {
      if (!stages.includes(i.stage) || i.enteredAt < enteredSince) continue;
      latest.set(i.lead.contactId, Math.max(latest.get(i.lead.contactId) ?? 0, i.enteredAt));
    }
    return [...latest.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([contactId, enteredAt]) => ({
        contactId,
        enteredAt,
        refreshedAt: this.refreshedAt.get(contactId) ?? null,
      }));
  }

  saveOwners(owners: readonly Owner[]): void {
    for (const o of owners) this.ownerRows.set(o.id, o);
  }

  owners(): Owner[] {
    return [...this.ownerRows.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  }
}
