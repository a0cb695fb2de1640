/** Why the worker could not start; the message is for people (stderr), exit status 1. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  readonly code:
    | 'sla_startup_config'
    | 'sla_startup_env'
    | 'sla_startup_store'
    | 'sla_startup_hubspot'
    | 'sla_startup_slack'
    /** SIGTERM/SIGINT while start-up was waiting to try again: a clean stop, not a failure. */
    | 'sla_startup_stopped';
  constructor(code: StartupError['code'], message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
  }
}
