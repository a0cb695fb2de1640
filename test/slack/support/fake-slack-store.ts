import type { Acknowledgement, CloseReason, Silence } from '../../../src/domain/model.ts';
import type { Reassignment } from '../../../src/domain/reassign/reassignment.ts';
import type { Instant } from '../../../src/domain/time.ts';
import type { MessageRef } from '../../../src/ports/notifier.ts';
import type {
  NewOutboxEntry,
  Rejection,
  SlackUserMapping,
  Store,
  StoredInstance,
} from '../../../src/ports/store.ts';

export type SlackStorePart = Pick<
  Store,
  | 'slackUser'
  | 'saveSlackUser'
  | 'enqueue'
  | 'instance'
  | 'openInstances'
  | 'openInstancesOfOwners'
  | 'acknowledge'
  | 'acknowledgements'
  | 'reject'
  | 'addSilence'
  | 'silencesBetween'
  | 'setPing'
  | 'closeInstance'
  | 'recordReassignment'
  | 'reassignmentsOf'
>;

/** The part of the Store the Slack adapter uses, in memory, with the port's idempotency semantics. */
export class FakeSlackStore implements SlackStorePart {
  readonly users = new Map<string, SlackUserMapping>();
  readonly outbox = new Map<string, NewOutboxEntry>();
  readonly instances = new Map<string, StoredInstance>();
  readonly acks: Acknowledgement[] = [];
  readonly rejections: Rejection[] = [];
  readonly silenceList: Silence[] = [];
  readonly pings: { instanceId: string; ref: MessageRef; state: string }[] = [];
  readonly closes: { instanceId: string; at: Instant; reason: CloseReason; detail: string | null }[] = [];
  readonly reassignments: Reassignment[] = [];
  enqueueCalls = 0;

  add(stored: StoredInstance): this {
    this.instances.set(stored.instance.id, stored);
    return this;
  }
  async slackUser(email: string) {
    return this.users.get(email) ?? null;
  }
  async saveSlackUser(m: SlackUserMapping) {
    this.users.set(m.email, m);
  }
  async enqueue(entries: readonly NewOutboxEntry[], _now: Instant) {
    this.enqueueCalls++;
    for (const e of entries) if (!this.outbox.has(e.key)) this.outbox.set(e.key, e);
  }
  async instance(id: string) {
    return this.instances.get(id) ?? null;
  }
  async openInstances() {
    return [...this.instances.values()].filter((s) => s.instance.closedAt === null);
  }
  async openInstancesOfOwners(ownerIds: readonly string[]) {
    return (await this.openInstances()).filter((s) => ownerIds.includes(s.instance.ownerId ?? ''));
  }
  async acknowledge(ack: Acknowledgement) {
    if (this.acks.some((a) => a.instanceId === ack.instanceId)) return false;
    this.acks.push(ack);
    return true;
  }
  async acknowledgements(ids: readonly string[]) {
    return this.acks.filter((a) => ids.includes(a.instanceId));
  }
  async reject(r: Rejection) {
    if (this.rejections.some((x) => x.instanceId === r.instanceId)) return false;
    this.rejections.push(r);
    return true;
  }
  async addSilence(s: Silence) {
    if (!this.silenceList.some((x) => x.id === s.id)) this.silenceList.push(s);
  }
  async silencesBetween(from: Instant, until: Instant) {
    return this.silenceList.filter((s) => s.from < until && s.until > from);
  }
  /** Closes an open instance once (the first close wins), as the SQL adapters do. */
  async closeInstance(instanceId: string, at: Instant, reason: CloseReason, detail: string | null = null) {
    const prev = this.instances.get(instanceId);
    if (!prev || prev.instance.closedAt !== null) return false;
    this.closes.push({ instanceId, at, reason, detail });
    this.instances.set(instanceId, {
      ...prev,
      instance: { ...prev.instance, closedAt: at, closeReason: reason, closeDetail: detail },
    });
    return true;
  }
  async setPing(instanceId: string, ref: MessageRef, state: string) {
    this.pings.push({ instanceId, ref, state });
  }
  /** One reassignment per instance and deadline, as the SQL adapters' unique index has it. */
  async recordReassignment(r: Reassignment) {
    if (this.reassignments.some((x) => x.instanceId === r.instanceId && x.deadline === r.deadline))
      return 'taken' as const;
    this.reassignments.push(r);
    return 'recorded' as const;
  }
  async reassignmentsOf(ids: readonly string[]) {
    return this.reassignments.filter((r) => ids.includes(r.instanceId));
  }
}
