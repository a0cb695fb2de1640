import type { App } from '@slack/bolt';
import { ACTION } from '../render/ids.ts';
import { onButton } from './ack-first.ts';

/** The HubSpot link button opens the record in the browser; Slack still posts an action, which must be acked. */
export function registerOpenHubspot(app: App): void {
  onButton(app, ACTION.openHubspot, async () => {});
}
