import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewOutput,
  ViewResponseAction,
  ViewSubmitAction,
} from '@slack/bolt';

/**
 * Slack shows the person an error when an interaction is not answered within 3 seconds, and the
 * `trigger_id` for a modal dies 3 seconds after the click (docs/platform-contract.md, SI-1..SI-3).
 * Look-ups (Slack users, HubSpot owners, the store) can queue behind rate-limited sends for longer
 * than that. So every interactive listener is registered through these wrappers: they acknowledge
 * first and only then run the work, which never sees `ack` and so cannot acknowledge late.
 * A test (test/slack/listeners-ack-first.test.ts) fails when a listener registers with Bolt directly.
 */
type Work<Args> = (args: Omit<Args, 'ack'>) => Promise<void>;

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
export type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** A button click: acknowledged (empty answer) before `work` runs. */
export function onButton(app: App, actionId: string, work: Work<ButtonArgs>): void {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, ...rest }) => {
    await ack();
    await work(rest);
  });
}

/** A slash command: acknowledged (empty answer) before `work` runs; answer through `respond()`. */
export function onCommand(app: App, command: string, work: Work<CommandArgs>): void {
  app.command(command, async ({ ack, ...rest }) => {
    await ack();
    await work(rest);
  });
}

/** A modal answer other than field errors (those come from `Checked`). */
export type SubmitAction = Exclude<ViewResponseAction, { response_action: 'errors' }>;

/**
 * A modal submission checked from the payload alone (no I/O): field errors keep the form open and
 * `work` does not run; otherwise the form is answered with `answer` (none: it closes; e.g. `update`
 * to a "working on it" view) and `work` gets the parsed `value`. Slack reads a `response_action`
 * only in this answer, never later (SI-4).
 */
export type Checked<T> =
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> }
  | { readonly ok: true; readonly value: T; readonly answer?: SubmitAction };

export function onSubmit<T>(
  app: App,
  callbackId: string,
  check: (view: ViewOutput) => Checked<T>,
  work: (args: Omit<SubmitArgs, 'ack'>, value: T) => Promise<void>,
): void {
  app.view<ViewSubmitAction>(callbackId, async ({ ack, ...rest }) => {
    const checked = check(rest.view);
    if (!checked.ok) {
      await ack({ response_action: 'errors', errors: { ...checked.errors } });
      return;
    }
    await ack(checked.answer);
    await work(rest, checked.value);
  });
}
