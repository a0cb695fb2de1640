import type { App } from '@slack/bolt';
import { ACTION } from '../render/ids.ts';

/** The HubSpot link button opens the record in the browser; Slack still posts an action, which must be acked. */
export function registerOpenHubspot(app: App): void {
  app.action(ACTION.openHubspot, async ({ ack }) => {
    await ack();
  });
}
