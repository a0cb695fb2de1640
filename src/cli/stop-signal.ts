/** SIGTERM/SIGINT, heard from before start-up on: start-up retries end early, the worker stops. */
export interface StopSignal {
  /** Aborted on the first SIGTERM or SIGINT (`AppInput.signal`). */
  readonly signal: AbortSignal;
  /** Resolves with that signal. */
  readonly received: Promise<NodeJS.Signals>;
  /** Stops listening: Node's default handling (exit at once) applies again. */
  cancel(): void;
}

export function listenForStop(): StopSignal {
  const controller = new AbortController();
  let resolve: (signal: NodeJS.Signals) => void = () => {};
  const received = new Promise<NodeJS.Signals>((r) => {
    resolve = r;
  });
  const cancel = () => {
    process.off('SIGTERM', on);
    process.off('SIGINT', on);
  };
  function on(signal: NodeJS.Signals) {
    cancel();
    controller.abort();
    resolve(signal);
  }
  process.on('SIGTERM', on);
  process.on('SIGINT', on);
  return { signal: controller.signal, received, cancel };
}
