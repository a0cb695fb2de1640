import type { OpenContacts, WatchedInstance, WatchedInstances } from '../../ports/crm-source.ts';
import { InstanceOrder, type InstancePlace } from './instance-order.ts';

/** An open instance as `OpenInstanceIndex` files it: its lead, contact and stage entry. */
export type OpenPlace = InstancePlace & { readonly lead: Pick<WatchedInstance['lead'], 'contactId'> };

const samePlace = (a: OpenPlace, b: OpenPlace): boolean =>
  a.lead.objectType === b.lead.objectType &&
  a.lead.objectId === b.lead.objectId &&
  a.lead.contactId === b.lead.contactId &&
  a.enteredAt === b.enteredAt;

/**
 * Every open instance, whether the worker holds it whole or compact, as HubSpot polling asks about
 * them: the contacts whose new calls are read (`contacts`) and the leads in key order for the
 * read-back of open leads (`order`). Changes only when an instance opens, closes or moves to
 * another lead — not when the worker changes how it holds one.
 */
export class OpenInstanceIndex {
  /** Open instances per contact. */
  readonly #perContact = new Map<string, number>();
  readonly contacts: OpenContacts;
  readonly #order: InstanceOrder;
  /** Instances opened while loading, placed in order all at once by `endLoad`. */
  #loading: OpenPlace[] | null = null;

  /** @param resolve the open instance with this id, as the read-back sees it */
  constructor(resolve: (id: string) => WatchedInstance | undefined) {
    const perContact = this.#perContact;
    this.contacts = {
      has: (contactId) => perContact.has(contactId),
      get size() {
        return perContact.size;
      },
    };
    this.#order = new InstanceOrder(resolve);
  }

  /** The open leads in lead-key order. */
  get order(): WatchedInstances {
    return this.#order;
  }

  /** A start loading every open instance: they are put in order once, at `endLoad`. */
  startLoad(): void {
    this.#loading = [];
  }

  endLoad(): void {
    if (this.#loading !== null) this.#order.addAll(this.#loading);
    this.#loading = null;
  }

  opened(p: OpenPlace): void {
    this.#count(p.lead.contactId, 1);
    if (this.#loading !== null) this.#loading.push(p);
    else this.#order.add(p);
  }

  closed(p: OpenPlace): void {
    this.#count(p.lead.contactId, -1);
    this.#order.remove(p);
  }

  /** An open instance whose lead changed (a merge, say); nothing happens if it did not. */
  moved(before: OpenPlace, after: OpenPlace): void {
    if (samePlace(before, after)) return;
    this.closed(before);
    this.opened(after);
  }

  #count(contactId: string, delta: 1 | -1): void {
    const n = (this.#perContact.get(contactId) ?? 0) + delta;
    if (n > 0) this.#perContact.set(contactId, n);
    else this.#perContact.delete(contactId);
  }
}
