/** A payload Slack would send the app, and how it travels (form `payload=`, form fields, or JSON). */
export interface SlackInteraction {
  readonly kind: 'interactivity' | 'command' | 'event';
  /** What Bolt's `app.processEvent({ body })` takes (the parsed payload). */
  readonly body: Readonly<Record<string, unknown>>;
}
