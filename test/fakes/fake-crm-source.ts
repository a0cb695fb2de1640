import type { SlaConfig } from '../../src/config/types.ts';
import type { Handoff, LeadChange, Touch } from '../../src/domain/model.ts';
import type { Instant } from '../../src/domain/time.ts';
import type {
  CrmSource,
  Cursors,
  HandoffPoll,
  OpenContacts,
  Owner,
  TouchPoll,
  WatchedInstance,
  WatchedInstances,
} from '../../src/ports/crm-source.ts';

type Method = 'pollHandoffs' | 'pollTouches' | 'touchesOf' | 'owners' | 'verify';

/**
 * A scripted CRM: tests append handoffs, lead changes and touches; polls return them in order from
 * a numeric cursor, `pageSize` at a time. Faults: `failNext(method, err, times)`.
 */
export class FakeCrmSource implements CrmSource {
  readonly events: ({ kind: 'handoff'; handoff: Handoff } | { kind: 'change'; change: LeadChange })[] = [];
  readonly touchLog: Touch[] = [];
  ownerList: Owner[] = [];
  pageSize = 100;
  readonly calls: Record<Method, number> = {
    pollHandoffs: 0,
    pollTouches: 0,
    touchesOf: 0,
    owners: 0,
    verify: 0,
  };
  readonly #failures = new Map<Method, unknown[]>();

  addHandoff(handoff: Handoff): void {
    this.events.push({ kind: 'handoff', handoff });
  }
  addChange(change: LeadChange): void {
    this.events.push({ kind: 'change', change });
  }
  addTouch(touch: Touch): void {
    this.touchLog.push(touch);
  }
  failNext(method: Method, error: unknown = new Error(`${method} failed (injected)`), times = 1): void {
    const list = this.#failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(error);
    this.#failures.set(method, list);
  }
  clearFailures(): void {
    this.#failures.clear();
  }
  #check(method: Method): void {
    this.calls[method] += 1;
    const list = this.#failures.get(method);
    if (list && list.length > 0) throw list.shift();
  }

  async verify(_config: SlaConfig): Promise<void> {
    this.#check('verify');
  }

  /** The open leads the last `pollHandoffs` was given to watch. */
  lastWatched: readonly WatchedInstance[] = [];

  async pollHandoffs(cursors: Cursors, _now: Instant, open?: WatchedInstances): Promise<HandoffPoll> {
    this.#check('pollHandoffs');
    this.lastWatched =
      open === undefined ? [] : open.next(null, open.size).flatMap((key) => open.get(key) ?? []);
    const start = Number(cursors.handoffs ?? 0);
    const page = this.events.slice(start, start + this.pageSize);
    const end = start + page.length;
    return {
      handoffs: page.flatMap((e) => (e.kind === 'handoff' ? [e.handoff] : [])),
      changes: page.flatMap((e) => (e.kind === 'change' ? [e.change] : [])),
      rejected: [],
      cursors: { handoffs: String(end) },
      more: end < this.events.length,
    };
  }

  async pollTouches(cursors: Cursors, openContactIds: OpenContacts, _now: Instant): Promise<TouchPoll> {
    this.#check('pollTouches');
    const start = Number(cursors.touches ?? 0);
    const page = this.touchLog.slice(start, start + this.pageSize);
    const end = start + page.length;
    return {
      touches: page.filter((t) => openContactIds.has(t.contactId)),
      rejected: [],
      cursors: { touches: String(end) },
      more: end < this.touchLog.length,
    };
  }

  async touchesOf(contactIds: readonly string[]): Promise<readonly Touch[]> {
    this.#check('touchesOf');
    const wanted = new Set(contactIds);
    return this.touchLog.filter((t) => wanted.has(t.contactId));
  }

  async owners(): Promise<readonly Owner[]> {
    this.#check('owners');
    return this.ownerList;
  }
}
