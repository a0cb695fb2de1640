import type { Instant } from '../../src/domain/time.ts';
import { translator } from '../../src/i18n/translate.ts';
import type { InstanceView } from '../../src/ports/interactions.ts';
import type {
  AdminAlert,
  Delivery,
  EditResult,
  HomeRefresh,
  MessageEdit,
  MessageRef,
  Notifier,
  RetractResult,
  SendResult,
} from '../../src/ports/notifier.ts';
import { adminAlertText } from '../../src/slack/render/admin-alert-text.ts';

export type NotifierMode = 'ok' | 'down' | 'reject';

/**
 * Records every message. `mode`: `ok` accepts, `down` answers retry (Slack unreachable),
 * `reject` answers a permanent failure. `respond` overrides per delivery.
 */
export class FakeNotifier implements Notifier {
  readonly sent: Delivery[] = [];
  /** Messages updated in place, one entry per edit (all its copies). */
  readonly updates: MessageEdit[] = [];
  /** Overrides the answer to `update` per edit (e.g. a copy deleted meanwhile). */
  respondToEdit: ((edit: MessageEdit) => EditResult | undefined) | null = null;
  /** Admin alerts sent, with their text as the admins read it in English. */
  readonly alerts: (AdminAlert & { readonly text: string })[] = [];
  /** App Home publications: whose, with which open leads. */
  /** Homes published: the leads listed, and `more` counted without being listed. */
  readonly homes: { email: string; leadIds: string[]; now: Instant; more: number }[] = [];
  /** Overrides the answer to `refreshHome` (e.g. a failure). */
  homeResult: HomeRefresh | Error = { status: 'published' };
  mode: NotifierMode = 'ok';
  retryAfterMs = 1_000;
  respond: ((delivery: Delivery) => SendResult | undefined) | null = null;
  /** Called before each send resolves (e.g. to crash or advance a clock mid-delivery). */
  onSend: ((delivery: Delivery) => void | Promise<void>) | null = null;
  #ts: number;

  /** `firstTs`: where this notifier's message timestamps start (two replicas' copies differ). */
  constructor(firstTs = 0) {
    this.#ts = firstTs;
  }

  sentKeys(): string[] {
    return this.sent.map((d) => d.key);
  }

  #result(now: Instant): SendResult {
    switch (this.mode) {
      case 'ok':
        this.#ts += 1;
        return { status: 'sent', ref: { channel: 'D-FAKE', ts: `${this.#ts}.000` }, fallback: null };
      case 'down':
        return { status: 'retry', error: 'slack unreachable (fake)', retryAt: now + this.retryAfterMs };
      case 'reject':
        return { status: 'failed', error: 'channel_not_found (fake)' };
    }
  }

  async send(delivery: Delivery): Promise<SendResult> {
    await this.onSend?.(delivery);
    const custom = this.respond?.(delivery);
    const result = custom ?? this.#result(delivery.now);
    // As the Slack notifier: the row is claimed immediately before anything is posted (a clean retry
    // posted nothing). A refused claim throws, and nothing is recorded as sent.
    if (result.status !== 'retry' || result.inDoubt === true) await delivery.claim?.();
    if (result.status === 'sent') this.sent.push(delivery);
    return result;
  }

  async update(edit: MessageEdit): Promise<EditResult> {
    const custom = this.respondToEdit?.(edit);
    const result: EditResult =
      custom ??
      (this.mode === 'ok'
        ? { status: 'edited', skipped: [] }
        : this.mode === 'down'
          ? { status: 'retry', error: 'slack unreachable (fake)', retryAt: edit.now + this.retryAfterMs }
          : { status: 'failed', error: 'message_not_found (fake)' });
    // As the Slack notifier: the row is claimed immediately before each request.
    if (result.status !== 'retry') await edit.claim?.();
    if (result.status === 'edited') this.updates.push(edit);
    return result;
  }

  async alertAdmins(alert: AdminAlert): Promise<SendResult> {
    const result = this.#result(0);
    if (result.status !== 'retry') await alert.claim?.();
    if (result.status === 'sent') this.alerts.push({ ...alert, text: adminAlertText(alert, translator()) });
    return result;
  }

  /** Copies deleted as duplicates. */
  readonly retracted: MessageRef[] = [];
  async retract(ref: MessageRef): Promise<RetractResult> {
    this.retracted.push(ref);
    return { status: 'deleted' };
  }

  async refreshHome(
    email: string,
    leads: readonly InstanceView[],
    now: Instant,
    more = 0,
  ): Promise<HomeRefresh> {
    if (this.homeResult instanceof Error) throw this.homeResult;
    if (this.homeResult.status === 'published')
      this.homes.push({ email, leadIds: leads.map((l) => l.instance.id).sort(), now, more });
    return this.homeResult;
  }
}
