import type { Evaluation } from '../../domain/evaluation.ts';
import type { SlaInstance } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import type { WatchedInstance } from '../../ports/crm-source.ts';
import type { VerdictFacts } from '../../ports/store.ts';
import { ownedSince } from '../shared/owner-problems.ts';

/**
 * The first-contact verdict of a judged instance as counted on `/metrics` (an excused breach
 * counted apart). Reports use `Verdict` (src/domain/reports/), which adds `unevaluated` for an
 * instance never judged: the worker counts only what it has judged.
 */
export type JudgedVerdict = 'pending' | 'met' | 'breached' | 'excused';

export type VerdictTally = Record<JudgedVerdict, number>;

export const verdictOf = (e: Pick<Evaluation, 'firstContact'> | VerdictFacts): JudgedVerdict => {
  const fc = e.firstContact;
  return fc.state === 'breached' && fc.excused ? 'excused' : fc.state;
};

/**
 * A settled open instance as the worker keeps it: enough to read it back (read-back of open leads),
 * to find it when its contact or lead changes, to count it and to spot an owner problem. About
 * 200 bytes instead of the ~1.5 KB of the instance with its lead snapshot and evaluation.
 */
export interface SettledInstance extends WatchedInstance {
  readonly id: string;
  readonly verdict: JudgedVerdict;
  readonly ownedSince: Instant;
}

/** The compact form of a settled instance (`evaluation` says it is settled). */
export const settledInstanceOf = (instance: SlaInstance, evaluation: Evaluation): SettledInstance => {
  const { objectType, objectId, contactId } = instance.lead;
  return {
    id: instance.id,
    lead: { objectType, objectId, contactId },
    stage: instance.stage,
    enteredAt: instance.enteredAt,
    ownerId: instance.ownerId,
    verdict: verdictOf(evaluation),
    ownedSince: ownedSince(instance),
  };
};

/** One id, or several, per key: most contacts and leads have one open instance. */
type Ids = string | string[];

function addId(index: Map<string, Ids>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids === undefined) index.set(key, id);
  else if (typeof ids === 'string') {
    if (ids !== id) index.set(key, [ids, id]);
  } else if (!ids.includes(id)) ids.push(id);
}

function removeId(index: Map<string, Ids>, key: string, id: string): void {
  const ids = index.get(key);
  if (ids === undefined) return;
  if (typeof ids === 'string') {
    if (ids === id) index.delete(key);
    return;
  }
  const rest = ids.filter((i) => i !== id);
  if (rest.length === 0) index.delete(key);
  else index.set(key, rest.length === 1 ? (rest[0] as string) : rest);
}

const idsOf = (ids: Ids | undefined): readonly string[] =>
  ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids;

/**
 * The settled open instances the worker does not keep whole (ADR 0007): they change only when
 * their contact has a new touch, their lead changes or the world changes, and are then read back
 * from the store. Indexed by id, by contact and by lead; counted by verdict as they come and go.
 */
export class SettledInstances {
  readonly #byId = new Map<string, SettledInstance>();
  readonly #byContact = new Map<string, Ids>();
  /** Leads-object records only: a contact lead's object id is its contact id. */
  readonly #byLeadObject = new Map<string, Ids>();
  /** Settled instances per owner (App Home counts them without reading them). */
  readonly #byOwner = new Map<string, number>();
  readonly #tally: VerdictTally = { pending: 0, met: 0, breached: 0, excused: 0 };

  get size(): number {
    return this.#byId.size;
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  get(id: string): SettledInstance | undefined {
    return this.#byId.get(id);
  }

  values(): IterableIterator<SettledInstance> {
    return this.#byId.values();
  }

  /** The ids of the settled instances, in the order they were added. */
  ids(): IterableIterator<string> {
    return this.#byId.keys();
  }

  /** Counts by verdict, added to `into`. */
  addTallyTo(into: VerdictTally): void {
    for (const verdict of Object.keys(this.#tally) as JudgedVerdict[]) into[verdict] += this.#tally[verdict];
  }

  /** Keeps a settled instance in its compact form, replacing an earlier one. */
  add(entry: SettledInstance): void {
    this.remove(entry.id);
    const { objectType, objectId, contactId } = entry.lead;
    this.#byId.set(entry.id, entry);
    if (entry.ownerId !== null) this.#byOwner.set(entry.ownerId, (this.#byOwner.get(entry.ownerId) ?? 0) + 1);
    addId(this.#byContact, contactId, entry.id);
    if (objectType !== 'contact') addId(this.#byLeadObject, objectId, entry.id);
    this.#tally[entry.verdict] += 1;
  }

  /** Takes an instance out (read back whole, or closed); returns what was kept. */
  remove(id: string): SettledInstance | undefined {
    const entry = this.#byId.get(id);
    if (entry === undefined) return undefined;
    this.#byId.delete(id);
    if (entry.ownerId !== null) {
      const left = (this.#byOwner.get(entry.ownerId) ?? 0) - 1;
      if (left > 0) this.#byOwner.set(entry.ownerId, left);
      else this.#byOwner.delete(entry.ownerId);
    }
    removeId(this.#byContact, entry.lead.contactId, id);
    if (entry.lead.objectType !== 'contact') removeId(this.#byLeadObject, entry.lead.objectId, id);
    this.#tally[entry.verdict] -= 1;
    return entry;
  }

  /** A judged-again instance that stayed settled: only its verdict can have changed. */
  setVerdict(id: string, verdict: JudgedVerdict): void {
    const entry = this.#byId.get(id);
    if (entry === undefined || entry.verdict === verdict) return;
    this.#tally[entry.verdict] -= 1;
    this.#tally[verdict] += 1;
    this.#byId.set(id, { ...entry, verdict });
  }

  /** The owners with settled instances (each once). */
  ownerIds(): IterableIterator<string> {
    return this.#byOwner.keys();
  }

  /** How many settled instances these owners have. */
  countOfOwners(ownerIds: Iterable<string>): number {
    let n = 0;
    for (const id of ownerIds) n += this.#byOwner.get(id) ?? 0;
    return n;
  }

  /** Ids of the settled instances of these contacts. */
  ofContacts(contactIds: Iterable<string>): string[] {
    const out: string[] = [];
    for (const c of contactIds) out.push(...idsOf(this.#byContact.get(c)));
    return out;
  }

  /** Ids of the settled instances of this lead (`contact` / `lead` record). */
  ofLead(objectType: string, objectId: string): readonly string[] {
    const ids = idsOf(
      objectType === 'contact' ? this.#byContact.get(objectId) : this.#byLeadObject.get(objectId),
    );
    return objectType === 'contact'
      ? ids.filter((id) => this.#byId.get(id)?.lead.objectType === 'contact')
      : ids;
  }
}
