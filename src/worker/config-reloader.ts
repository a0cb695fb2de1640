import { createHash } from 'node:crypto';
import { watch as fsWatch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Clock } from '../clock/clock.ts';
import type { SlaConfig } from '../config/types.ts';
import type { Logger } from '../log/logger.ts';
import type { Store } from '../ports/store.ts';
import { adminAlert } from './admin-alert.ts';
import { describeError } from './errors.ts';
import type { WorkerEvents } from './events.ts';

export type ConfigLoadResult =
  | { readonly ok: true; readonly config: SlaConfig }
  /** Problems formatted as `validate` prints them (`FILE:LINE:COL: message`). */
  | { readonly ok: false; readonly problems: readonly string[] };

export type ConfigLoader = (path: string) => Promise<ConfigLoadResult>;
export type ConfigSummarizer = (before: SlaConfig, after: SlaConfig) => string;
/** Calls `onChange` when the file may have changed; returns a closer. */
export type FileWatcher = (path: string, onChange: () => void) => { close(): void };

/** The config in force. Swapped as a whole; a cycle reads it once at its start. */
export class ConfigHolder {
  #config: SlaConfig;
  #version = 0;
  constructor(config: SlaConfig) {
    this.#config = config;
  }
  get current(): SlaConfig {
    return this.#config;
  }
  get version(): number {
    return this.#version;
  }
  swap(config: SlaConfig): void {
    this.#config = config;
    this.#version += 1;
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
  readonly debounceMs?: number;
  /** Checks against the live systems (HubSpot stages exist); a throw rejects the file. */
  readonly check?: (config: SlaConfig) => Promise<void>;
}

export type ReloadOutcome = 'swapped' | 'unchanged' | 'rejected';

/**
 * Hot reload of the SLA file: a valid file is swapped in whole (with a one-line summary), an invalid
 * or missing one is rejected with the same problems `validate` prints, the old config stays, and
 * admins are told in Slack (once per distinct broken content).
 */
export class ConfigReloader {
  readonly #o: ConfigReloaderOptions;
  #watcher: { close(): void } | null = null;
  #debounce: NodeJS.Timeout | null = null;
  #lastHash: string | null = null;
  #reloading: Promise<ReloadOutcome> | null = null;

  constructor(options: ConfigReloaderOptions) {
    this.#o = options;
  }

  async start(): Promise<void> {
    this.#lastHash = await this.#hash();
    this.#watcher = (this.#o.watch ?? fsFileWatcher)(this.#o.path, () => this.#schedule());
  }

  stop(): void {
    this.#watcher?.close();
    this.#watcher = null;
    if (this.#debounce) clearTimeout(this.#debounce);
    this.#debounce = null;
  }

  #schedule(): void {
    if (this.#debounce) clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => {
      this.#debounce = null;
      void this.reload();
    }, this.#o.debounceMs ?? 250);
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
    const hash = await this.#hash();
    if (hash === this.#lastHash) return 'unchanged';
    this.#lastHash = hash;
    let result: ConfigLoadResult;
    try {
      result = await this.#o.load(this.#o.path);
      if (result.ok) await this.#o.check?.(result.config);
    } catch (err) {
      result = { ok: false, problems: [`${this.#o.path}: ${describeError(err)}`] };
    }
    if (result.ok) {
      const summary = this.#o.summarize(this.#o.holder.current, result.config);
      this.#o.holder.swap(result.config);
      this.#o.logger.info({ file: this.#o.path, summary }, 'sla config reloaded');
      this.#o.events.emit('config:reloaded', { summary });
      return 'swapped';
    }
    this.#o.logger.error(
      { file: this.#o.path, problems: result.problems },
      'sla config rejected; keeping the previous one',
    );
    this.#o.events.emit('config:rejected', { problems: result.problems });
    const now = this.#o.clock.now();
    const text = [
      `:x: The SLA file ${this.#o.path} was changed but is invalid; the previous version stays in force.`,
      '```',
      ...result.problems.slice(0, 20),
      '```',
    ].join('\n');
    try {
      await this.#o.store.enqueue([adminAlert(`admin:config-rejected:${hash.slice(0, 16)}`, text, now)], now);
    } catch (err) {
      this.#o.logger.error({ err: describeError(err) }, 'could not queue the config alert for admins');
    }
    return 'rejected';
  }
}
