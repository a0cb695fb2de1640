/**
 * Runs async tasks one after another. `node:sqlite` is synchronous, but a transaction spans awaits:
 * without this, a call arriving from elsewhere (a Slack button) would run inside another caller's
 * open transaction and vanish with its rollback.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
