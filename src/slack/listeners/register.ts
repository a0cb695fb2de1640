import type { App } from '@slack/bolt';
import { registerAppHomeOpened } from './app-home-opened.ts';
import type { ListenerDeps } from './deps.ts';
import { registerNotAFitButton } from './not-a-fit-button.ts';
import { registerNotAFitSubmit } from './not-a-fit-submit.ts';
import { registerOnIt } from './on-it.ts';
import { registerOpenHubspot } from './open-hubspot.ts';
import { registerSlaCommand } from './sla-command.ts';
import { registerSnoozeButton } from './snooze-button.ts';
import { registerSnoozeSubmit } from './snooze-submit.ts';
import { registerTakeIt } from './take-it.ts';

/** Every listener, one per file. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerOnIt(app, deps);
  registerNotAFitButton(app, deps);
  registerNotAFitSubmit(app, deps);
  registerOpenHubspot(app);
  registerSnoozeButton(app, deps);
  registerSnoozeSubmit(app, deps);
  registerTakeIt(app, deps);
  registerSlaCommand(app, deps);
  registerAppHomeOpened(app, deps);
}
