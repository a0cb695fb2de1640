import type { App } from '@slack/bolt';
import { byUrgencyThenScore } from '../lead-urgency.ts';
import { renderHome } from '../render/lead-list-message.ts';
import { emailOf } from './actor.ts';
import type { ListenerDeps } from './deps.ts';
import { readerOf } from './reader.ts';

/** The App Home tab: the rep's open leads, most urgent first, then by lead score. Re-published on every open. */
export function registerAppHomeOpened(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const now = deps.clock.now();
    const config = deps.config();
    const email = await emailOf(event.user, deps);
    const leads = email === null ? [] : await deps.interactions.openLeadsOf(email);
    const view = renderHome(byUrgencyThenScore(leads, now), {
      now,
      zone: config.timezone,
      t: await readerOf(event.user, deps),
      stageLabel: (key) => config.stages.find((s) => s.key === key)?.label ?? key,
    });
    await client.views.publish({ user_id: event.user, view });
  });
}
