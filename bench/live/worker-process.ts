import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { type ProcSample, sampleProcess } from './proc-stats.ts';

/** One `cycle finished` line of the worker's log, with what the bench measured around it. */
export interface CycleLine {
  readonly cycle: number;
  /** When the cycle finished (the log line's time), epoch ms. */
  readonly at: number;
  readonly durationMs: number;
  readonly outcome: string;
  readonly handoffs: number;
  /** Settled instances the worker still has to judge in a changed world (0: caught up). */
  readonly judgingLeft: number;
  /** The worker process's CPU time and memory right after the line arrived. */
  readonly proc: ProcSample | null;
}

export interface WorkerProcess {
  readonly pid: number;
  readonly cycles: CycleLine[];
  /** Warnings and errors the worker logged (level ≥ 40), for the closing note. */
  readonly problems: string[];
  /** Resolves with the HTTP port once the server listens. */
  readonly port: Promise<number>;
  /** Called on every cycle line (the scenario snapshots request counts there). */
  onCycle(listener: (line: CycleLine) => void): void;
  /** Resolves on the first cycle line matching `match`. */
  nextCycle(match?: (line: CycleLine) => boolean): Promise<CycleLine>;
  /** SIGTERM, wait for exit; returns the last /proc sample taken before it. */
  stop(): Promise<ProcSample | null>;
}

interface LogLine {
  readonly level?: number;
  readonly time?: number;
  readonly msg?: string;
  readonly cycle?: number;
  readonly durationMs?: number;
  readonly outcome?: string;
  readonly handoffs?: number;
  readonly judgingLeft?: number;
  readonly port?: number;
  readonly err?: unknown;
}

const parse = (line: string): LogLine | null => {
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return null;
  }
};

/**
 * The V8 flags production runs the worker with (`npm start`, the Dockerfile, deploy/sla-bot.service;
 * docs/adr/0008), so the bench measures what is deployed. test/e2e/production-flags.test.ts keeps them
 * in step.
 */
export const PRODUCTION_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--optimize-for-size'];

/** `sla-bot run` as a child process (the same composition root as production), read through its log. */
export function startWorker(
  env: Readonly<Record<string, string>>,
  cwd: string,
  nodeArgs: readonly string[] = [],
): WorkerProcess {
  const child: ChildProcess = spawn(
    process.execPath,
    [...PRODUCTION_NODE_FLAGS, ...nodeArgs, 'bin/sla-bot.js', 'run'],
    {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const pid = child.pid ?? -1;
  const cycles: CycleLine[] = [];
  const problems: string[] = [];
  const listeners: ((line: CycleLine) => void)[] = [];
  let last: ProcSample | null = null;
  let resolvePort: (port: number) => void = () => {};
  let rejectPort: (err: Error) => void = () => {};
  const port = new Promise<number>((resolve, reject) => {
    resolvePort = resolve;
    rejectPort = reject;
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.once('exit', (code) => rejectPort(new Error(`worker exited (${code}) before listening: ${stderr}`)));
  const sampler = setInterval(() => {
    last = sampleProcess(pid) ?? last;
  }, 250);
  sampler.unref();

  if (!child.stdout) throw new Error('worker stdout is not piped');
  createInterface({ input: child.stdout }).on('line', (text) => {
    const line = parse(text);
    if (!line) return;
    if (line.msg === 'http server listening' && typeof line.port === 'number') resolvePort(line.port);
    if ((line.level ?? 0) >= 40 && problems.length < 200) problems.push(text.slice(0, 400));
    if (line.msg !== 'cycle finished') return;
    const proc = sampleProcess(pid);
    if (proc) last = proc;
    const cycle: CycleLine = {
      cycle: line.cycle ?? cycles.length + 1,
      at: line.time ?? 0,
      durationMs: line.durationMs ?? 0,
      outcome: line.outcome ?? 'unknown',
      handoffs: line.handoffs ?? 0,
      judgingLeft: line.judgingLeft ?? 0,
      proc,
    };
    cycles.push(cycle);
    for (const l of listeners) l(cycle);
  });

  return {
    pid,
    cycles,
    problems,
    port,
    onCycle: (listener) => {
      listeners.push(listener);
    },
    nextCycle: (match = () => true) =>
      new Promise((resolve) => {
        listeners.push(function once(line) {
          if (!match(line)) return;
          listeners.splice(listeners.indexOf(once), 1);
          resolve(line);
        });
      }),
    stop: async () => {
      clearInterval(sampler);
      last = sampleProcess(pid) ?? last;
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      return last;
    },
  };
}
