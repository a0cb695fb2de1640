import type { App } from '@slack/bolt';
import { ACTION } from '../render/ids.ts';
import { onButton } from './ack-first.ts';

/**
 * The link buttons (HubSpot record, the lead's timeline on the dashboard) open in the browser; Slack
 * still posts an action, which must be acked.
 */
export function registerOpenHubspot(app: App): void {
  onButton(app, ACTION.openHubspot, async () => {});
  onButton(app, ACTION.openTimeline, async () => {});
}
