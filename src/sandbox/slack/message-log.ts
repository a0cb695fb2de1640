import type { Instant } from '../../domain/time.ts';
import type { Markup } from './markup.ts';

export interface MessageContent {
  readonly text: string | null;
  readonly blocks: readonly unknown[] | null;
  readonly metadata: unknown;
  /** The mentions and links Slack found in `text` and `blocks` (set by every sandbox method). */
  readonly markup?: Markup;
}

export interface MessageUpdate extends MessageContent {
  readonly at: Instant;
  readonly via: 'chat.update' | 'response_url';
}

/** A message the bot posted, with every later change: what people saw, in order. */
export interface RecordedMessage extends MessageContent {
  readonly channel: string;
  readonly ts: string;
  readonly threadTs: string | null;
  readonly replyBroadcast: boolean;
  readonly postedAt: Instant;
  readonly updates: MessageUpdate[];
  deletedAt: Instant | null;
  /**
   * The person who posted it, for a message the app did not post (`SlackState.postAsPerson`: a rep
   * writing in the team channel); absent: the app's bot posted it. The bot may change or delete only
   * its own (`cant_update_message`, `cant_delete_message`, SD-28).
   */
  readonly author?: string;
}

export interface RecordedEphemeral extends MessageContent {
  readonly channel: string;
  readonly user: string;
  readonly ts: string;
  readonly at: Instant;
  readonly via: 'chat.postEphemeral' | 'response_url';
}

export interface RecordedView {
  readonly id: string;
  readonly type: 'home' | 'modal';
  /** The user whose Home tab it is, or who opened the modal. */
  readonly user: string;
  readonly hash: string;
  readonly at: Instant;
  readonly view: Readonly<Record<string, unknown>>;
  readonly externalId: string | null;
  /** The mentions and links Slack found in the view (set by every sandbox method). */
  readonly markup?: Markup;
  /** A view pushed onto a modal's stack: the id of the modal's first view. */
  readonly root?: string;
  closed: boolean;
}

export type SlackSandboxEvent =
  | { readonly kind: 'posted'; readonly message: RecordedMessage }
  | { readonly kind: 'updated'; readonly message: RecordedMessage; readonly update: MessageUpdate }
  | { readonly kind: 'deleted'; readonly message: RecordedMessage }
  | { readonly kind: 'ephemeral'; readonly message: RecordedEphemeral }
  | { readonly kind: 'view'; readonly view: RecordedView };

/** The current content of a message (its last update, or what was posted). */
export function currentContent(message: RecordedMessage): MessageContent {
  return message.updates.at(-1) ?? message;
}

/** Everything the bot put in front of people, for assertions and for the demo's terminal view. */
export class MessageLog {
  readonly messages: RecordedMessage[] = [];
  readonly ephemerals: RecordedEphemeral[] = [];
  readonly views: RecordedView[] = [];
  private readonly listeners = new Set<(event: SlackSandboxEvent) => void>();

  /** Subscribes to what happens; returns the unsubscribe function. */
  on(listener: (event: SlackSandboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: SlackSandboxEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  find(channel: string, ts: string): RecordedMessage | null {
    return this.messages.find((m) => m.channel === channel && m.ts === ts) ?? null;
  }

  post(message: RecordedMessage): void {
    this.messages.push(message);
    this.emit({ kind: 'posted', message });
  }

  update(message: RecordedMessage, update: MessageUpdate): void {
    message.updates.push(update);
    this.emit({ kind: 'updated', message, update });
  }

  remove(message: RecordedMessage, at: Instant): void {
    message.deletedAt = at;
    this.emit({ kind: 'deleted', message });
  }

  postEphemeral(message: RecordedEphemeral): void {
    this.ephemerals.push(message);
    this.emit({ kind: 'ephemeral', message });
  }

  putView(view: RecordedView): void {
    this.views.push(view);
    this.emit({ kind: 'view', view });
  }

  /** The latest version of a view by id. */
  view(id: string): RecordedView | null {
    return this.views.findLast((v) => v.id === id) ?? null;
  }

  homeOf(user: string): RecordedView | null {
    return this.views.findLast((v) => v.type === 'home' && v.user === user) ?? null;
  }
}
