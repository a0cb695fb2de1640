import { createHash } from 'node:crypto';
import { watch as fsWatch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { setTimeout as sleepFor } from 'node:timers/promises';
import type { Clock } from '../clock/clock.ts';
import { configIdentity } from '../config/config-identity.ts';
import type { SlaConfig } from '../config/types.ts';
import type { Instant } from '../domain/time.ts';
import { adminMessage } from '../i18n/admin-message.ts';
import type { Logger } from '../log/logger.ts';
import type { Store } from '../ports/store.ts';
import { adminAlert } from './admin-alert.ts';
import { describeError } from './errors.ts';
import type { WorkerEvents } from './events.ts';

export type ConfigLoadResult =
  /** Warnings formatted as `validate` prints them (`FILE:LINE:COL: warning: message`). */
  | { readonly ok: true; readonly config: SlaConfig; readonly warnings?: readonly string[] }
  /** Problems formatted as `validate` prints them (`FILE:LINE:COL: message`). */
  | { readonly ok: false; readonly problems: readonly string[] };

export type ConfigLoader = (path: string) => Promise<ConfigLoadResult>;
export type ConfigSummarizer = (before: SlaConfig, after: SlaConfig) => string;
/** Calls `onChange` when the file may have changed; returns a closer. */
export type FileWatcher = (path: string, onChange: () => void) => { close(): void };

/** Logs what `validate` warns about a file that is (or is about to be) in force; nothing when none. */
export function logConfigWarnings(logger: Logger, file: string, warnings: readonly string[] = []): void {
  if (warnings.length > 0) logger.warn({ file, warnings }, 'sla config has warnings; it is in force');
}

/** The config in force. Swapped as a whole; a cycle reads it once at its start. */
export class ConfigHolder {
  #config: SlaConfig;
  #version = 0;
  #identity: string;
  constructor(config: SlaConfig) {
    this.#config = config;
    this.#identity = configIdentity(config);
  }
  get current(): SlaConfig {
    return this.#config;
  }
  /** How many times the config was swapped (a reload that took). */
  get version(): number {
    return this.#version;
  }
  /** The same in every process for the same config and sla-bot version (`configIdentity`). */
  get identity(): string {
    return this.#identity;
  }
  swap(config: SlaConfig): void {
    this.#config = config;
    this.#version += 1;
    this.#identity = configIdentity(config);
  }
}

/** Watches the directory (editors replace files by renaming), so a recreated file is seen too. */
export const fsFileWatcher: FileWatcher = (path, onChange) => {
  const name = basename(path);
  const watcher = fsWatch(dirname(path), (_event, file) => {
    if (file === null || file === name) onChange();
  });
  return { close: () => watcher.close() };
};

/**
 * The admins' alert about a rejected file, once per content (`hash`). The `validate` problems stay
 * English (ADR 0015); the sentence around them is in each admin's language.
 */
export const configRejectedAlert = (path: string, problems: readonly string[], hash: string, now: Instant) =>
  adminAlert(
    `admin:config-rejected:${hash.slice(0, 16)}`,
    adminMessage('alert.configRejected', { path, problems: problems.slice(0, 20) }),
    now,
  );

/** How long the file must stay unchanged before it is read (an editor's save in steps settles). */
export const QUIET_MS = 1_000;

/** Re-reads of a broken file that keeps changing before it is rejected anyway. */
const MAX_RECHECKS = 5;

const realSleep = (ms: number): Promise<void> => sleepFor(ms, undefined, { ref: false });

export interface ConfigReloaderOptions {
  readonly path: string;
  readonly holder: ConfigHolder;
  readonly load: ConfigLoader;
  readonly summarize: ConfigSummarizer;
  readonly store: Store;
  readonly clock: Clock;
  readonly events: WorkerEvents;
  readonly logger: Logger;
  readonly watch?: FileWatcher;
  /**
   * The quiet period (default `QUIET_MS`): the file is read once no change was seen for this long,
   * and a file that does not load is read again after another one before admins are told.
   */
  readonly debounceMs?: number;
  /** Waits out the quiet period (default: a real timer that does not keep the process alive). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Checks against the live systems (HubSpot stages exist); a throw rejects the file. */
  readonly check?: (config: SlaConfig) => Promise<void>;
}

export type ReloadOutcome = 'swapped' | 'unchanged' | 'rejected';

/**
 * Hot reload of the SLA file: a valid file is swapped in whole (with a one-line summary), an invalid
 * or missing one is rejected with the same problems `validate` prints, the old config stays, and
 * admins are told in Slack (once per distinct broken content). Saves are debounced: the file is read
 * once it has been quiet for a moment, and a broken read is looked at again after another quiet
 * moment, so an editor that empties the file before writing it in full raises no alert.
 */
export class ConfigReloader {
  readonly #o: ConfigReloaderOptions;
  #watcher: { close(): void } | null = null;
  #stopped = false;
  /** Change notices seen, and how many of them the last reload started from. */
  #changes = 0;
  #handled = 0;
  #settling: Promise<void> | null = null;
  #lastHash: string | null = null;
  #reloading: Promise<ReloadOutcome> | null = null;

  constructor(options: ConfigReloaderOptions) {
    this.#o = options;
  }

  get #quietMs(): number {
    return this.#o.debounceMs ?? QUIET_MS;
  }

  #sleep(ms: number): Promise<void> {
    return (this.#o.sleep ?? realSleep)(ms);
  }

  async start(): Promise<void> {
    this.#stopped = false;
    this.#lastHash = await this.#hash();
    this.#watcher = (this.#o.watch ?? fsFileWatcher)(this.#o.path, () => this.#schedule());
  }

  stop(): void {
    this.#stopped = true;
    this.#watcher?.close();
    this.#watcher = null;
  }

  #schedule(): void {
    this.#changes += 1;
    this.#settling ??= this.#settle().finally(() => {
      this.#settling = null;
      // Changed while it was being read: read it again once it is quiet.
      if (!this.#stopped && this.#changes !== this.#handled) this.#schedule();
    });
  }

  /** Waits until no change has been seen for a whole quiet period, then reloads. */
  async #settle(): Promise<void> {
    let seen: number;
    do {
      seen = this.#changes;
      await this.#sleep(this.#quietMs);
      if (this.#stopped) return;
    } while (seen !== this.#changes);
    this.#handled = seen;
    await this.reload();
  }

  /** Re-reads the file now; concurrent calls share one reload. */
  reload(): Promise<ReloadOutcome> {
    this.#reloading ??= this.#reload().finally(() => {
      this.#reloading = null;
    });
    return this.#reloading;
  }

  async #hash(): Promise<string> {
    try {
      return createHash('sha256')
        .update(await readFile(this.#o.path))
        .digest('hex');
    } catch (err) {
      return `unreadable:${describeError(err)}`;
    }
  }

  async #reload(): Promise<ReloadOutcome> {
    for (let recheck = 0; ; recheck++) {
      const hash = await this.#hash();
      if (hash === this.#lastHash) return 'unchanged';
      const result = await this.#load();
      // An empty or half-written file may be a save in progress: tell admins only when the same
      // content is still there after another quiet period.
      if (!result.ok && recheck < MAX_RECHECKS) {
        await this.#sleep(this.#quietMs);
        if (this.#stopped) return 'unchanged';
        if ((await this.#hash()) !== hash) continue;
      }
      this.#lastHash = hash;
      return this.#apply(result, hash);
    }
  }

  async #load(): Promise<ConfigLoadResult> {
    try {
      const result = await this.#o.load(this.#o.path);
      if (result.ok) await this.#o.check?.(result.config);
      return result;
    } catch (err) {
      return { ok: false, problems: [`${this.#o.path}: ${describeError(err)}`] };
    }
  }

  async #apply(result: ConfigLoadResult, hash: string): Promise<ReloadOutcome> {
    if (result.ok) {
      const summary = this.#o.summarize(this.#o.holder.current, result.config);
      this.#o.holder.swap(result.config);
      this.#o.logger.info({ file: this.#o.path, summary }, 'sla config reloaded');
      logConfigWarnings(this.#o.logger, this.#o.path, result.warnings);
      this.#o.events.emit('config:reloaded', { summary });
      return 'swapped';
    }
    this.#o.logger.error(
      { file: this.#o.path, problems: result.problems },
      'sla config rejected; keeping the previous one',
    );
    this.#o.events.emit('config:rejected', { problems: result.problems });
    const now = this.#o.clock.now();
    try {
      await this.#o.store.enqueue([configRejectedAlert(this.#o.path, result.problems, hash, now)], now);
    } catch (err) {
      this.#o.logger.error({ err: describeError(err) }, 'could not queue the config alert for admins');
    }
    return 'rejected';
  }
}
