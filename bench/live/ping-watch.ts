import type { Instant } from '../../src/domain/time.ts';
import type { SlackSandbox } from '../../src/sandbox/index.ts';

const RECORD = /\/record\/0-1\/(\d+)/;

export interface PingWatch {
  /** Contact id → when its first message (the handoff ping) was posted. */
  readonly firstPost: ReadonlyMap<string, Instant>;
  /** Every message posted while watching. */
  posted(): number;
  stop(): void;
}

/**
 * Watches what the worker posts to the Slack sandbox: the first message that links a contact's
 * HubSpot record is its handoff ping (leads handed off during the run have no earlier message).
 */
export function watchPings(slack: SlackSandbox): PingWatch {
  const firstPost = new Map<string, Instant>();
  let posted = 0;
  const off = slack.state.on((event) => {
    if (event.kind !== 'posted') return;
    posted += 1;
    const id = RECORD.exec(JSON.stringify(event.message.blocks ?? []))?.[1];
    if (id !== undefined && !firstPost.has(id)) firstPost.set(id, event.message.postedAt);
  });
  return { firstPost, posted: () => posted, stop: off };
}
