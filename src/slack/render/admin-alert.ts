import type { AdminAlert } from '../../ports/notifier.ts';
import type { Message } from './blocks.ts';
import { context, section } from './common-blocks.ts';
import { clip, escapeMrkdwn } from './text.ts';

/** An operational alert for admins (unreachable reps, failed deliveries, outages). */
export function renderAdminAlert(alert: AdminAlert): Message {
  const body = escapeMrkdwn(clip(alert.text, 2500));
  return {
    text: clip(`sla-bot admin alert: ${alert.text}`, 3000),
    blocks: [
      section(`:gear: *sla-bot admin alert*\n${body}`),
      context([`Alert key: ${escapeMrkdwn(clip(alert.key, 200))}`]),
    ],
  };
}
