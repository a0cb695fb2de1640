import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  currentContent,
  type HubSpotSandbox,
  type RecordedMessage,
  type SlackSandbox,
  startSlackSandbox,
} from '../../src/sandbox/index.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';

export const HUBSPOT_TOKEN = 'pat-e2e-hubspot';
export const SLACK_TOKEN = 'xoxb-e2e-slack';

/**
 * Waits until `probe` returns something truthy, checking every 50 ms, and fails with `what` at the
 * deadline. The only way these tests wait: on something observable, never a fixed sleep.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | null | undefined | false,
  timeoutMs: number,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A pino line of the worker, parsed. */
export interface LogLine {
  readonly msg: string;
  readonly time: number;
  readonly [key: string]: unknown;
}

/** `node bin/sla-bot.js run` as a child process, its log lines parsed as they come. */
export class WorkerProcess {
  readonly logs: LogLine[] = [];
  readonly child: ChildProcess;
  #stderr = '';
  #partial = '';

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ['bin/sla-bot.js', 'run'], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.#read(chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.#stderr += chunk.toString();
    });
  }

  #read(text: string): void {
    const lines = (this.#partial + text).split('\n');
    this.#partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() === '') continue;
      try {
        this.logs.push(JSON.parse(line) as LogLine);
      } catch {
        this.logs.push({ msg: `(not JSON) ${line}`, time: 0 });
      }
    }
  }

  get stderr(): string {
    return this.#stderr;
  }

  /** The last log lines and stderr, for a failing test's output. */
  tail(lines = 40): string {
    const logs = this.logs.slice(-lines).map((l) => JSON.stringify(l));
    return [`exit: ${this.child.exitCode ?? this.child.signalCode ?? 'running'}`, ...logs, this.#stderr].join(
      '\n',
    );
  }

  /** Log lines with this message. */
  logged(msg: string): LogLine[] {
    return this.logs.filter((l) => l.msg === msg);
  }

  /** Waits for a cycle that finished at or after `at` (the worker has looked at everything until then). */
  cycleDoneAfter(at: number, timeoutMs = 20_000): Promise<LogLine> {
    return waitFor(
      `a cycle finished after ${new Date(at).toISOString()}`,
      () => this.logged('cycle finished').find((l) => l.time - Number(l.durationMs ?? 0) >= at),
      timeoutMs,
    );
  }

  /** Stops the process with `signal` and resolves with its exit code (`null` when killed by a signal). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    const exited = once(this.child, 'exit');
    this.child.kill(signal);
    const [code] = await exited;
    return code as number | null;
  }
}

/** Classifies the bot's messages by their plain-text fallback (what a phone notification shows). */
export type MessageKind = 'ping' | 'reminder' | 'breach' | 'escalation' | 'admin' | 'other';

export function kindOf(message: RecordedMessage): MessageKind {
  const text = message.text ?? '';
  if (/^New \S+ lead: /.test(text)) return 'ping';
  if (/ left to contact /.test(text)) return 'reminder';
  if (/^First-contact deadline for .* missed by /.test(text)) return 'breach';
  if (/^SLA escalation: /.test(text)) return 'escalation';
  if (/^sla-bot admin alert: /.test(text)) return 'admin';
  return 'other';
}

/** The kinds of a list of messages, in order: `['ping', 'reminder', 'breach']`. */
export const kinds = (messages: readonly RecordedMessage[]): MessageKind[] => messages.map(kindOf);

/** A message's current text including its blocks, for `toContain` checks. */
export const shown = (message: RecordedMessage): string => JSON.stringify(currentContent(message));

/** Sandboxes, an SLA file and the environment for `sla-bot run` against them. */
export interface World extends AsyncDisposable {
  readonly hubspot: HubSpotSandbox;
  readonly slack: SlackSandbox;
  readonly dir: string;
  readonly slaFile: string;
  readonly env: Record<string, string>;
  /** HubSpot owner id of bram@example.com. */
  readonly bram: string;
  /** A contact that becomes an SQL now, owned by Bram; returns its id and the stage-entry time. */
  handoff(firstName: string): { id: string; enteredAt: number };
  /** Starts `sla-bot run`; stopped (SIGKILL if need be) when the world is disposed. */
  startWorker(extra?: Record<string, string>): WorkerProcess;
}

export async function startWorld(sla: string): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), 'sla-e2e-'));
  const slaFile = join(dir, 'sla.yaml');
  await writeFile(slaFile, sla);
  const hubspot = await startCheckedHubSpotSandbox({ tokens: [HUBSPOT_TOKEN] });
  const slack = await startSlackSandbox({ tokens: [SLACK_TOKEN] });
  const bram = hubspot.state.addOwner({
    email: 'bram@example.com',
    firstName: 'Bram',
    lastName: 'Bakker',
  }).id;
  for (const [email, realName] of [
    ['bram@example.com', 'Bram Bakker'],
    ['anna@example.com', 'Anna de Boer'],
    ['ops@example.com', 'Olga Ops'],
  ] as const)
    slack.state.addUser({ email, realName });
  slack.state.addChannel({ name: 'sales-benelux' });
  const env = {
    HUBSPOT_ACCESS_TOKEN: HUBSPOT_TOKEN,
    HUBSPOT_BASE_URL: hubspot.url,
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_API_URL: slack.url,
    SLA_CONFIG: slaFile,
    DATABASE_URL: join(dir, 'sla.sqlite'),
    LOG_LEVEL: 'info',
    PORT: '0',
  };
  const workers: WorkerProcess[] = [];
  return {
    hubspot,
    slack,
    dir,
    slaFile,
    env,
    bram,
    handoff(firstName) {
      const contact = hubspot.state.addContact({
        firstName,
        lastName: 'Lead',
        email: `${firstName.toLowerCase()}@lead.example`,
        phone: '+31 20 555 0100',
        company: `${firstName} BV`,
      });
      hubspot.state.assignOwner(contact.id, bram);
      const enteredAt = Date.now();
      hubspot.state.moveStage(contact.id, 'salesqualifiedlead', { at: enteredAt });
      return { id: contact.id, enteredAt };
    },
    startWorker(extra = {}) {
      const worker = new WorkerProcess({ ...env, ...extra });
      workers.push(worker);
      return worker;
    },
    async [Symbol.asyncDispose]() {
      for (const w of workers) await w.stop('SIGKILL');
      await hubspot.stop();
      await slack.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
