import type { App } from '../assemble-app.ts';
import type { WorkerEvents } from '../events.ts';

/**
 * Checks the SLA file's Slack channels when the app starts and after every reload of the file
 * (`ChannelDirectory.check`: `#name` → id, admins told of unknown or renamed channels; SD-15).
 * Sends to a channel wait for a check under way, so the first escalation already goes to the id.
 */
export function withChannelChecks(
  app: App,
  channels: { check(): Promise<unknown> },
  events: WorkerEvents,
): App {
  let pending: Promise<unknown> = Promise.resolve();
  const run = () => {
    pending = channels.check();
  };
  let off: (() => void) | null = null;
  return {
    ...app,
    start: async () => {
      off = events.on('config:reloaded', run);
      run();
      await app.start();
    },
    close: async () => {
      off?.();
      await pending;
      await app.close();
    },
  };
}
