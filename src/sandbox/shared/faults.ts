import { createRandom, type Random } from './random.ts';

export { type LatencyOptions, type LatencyTail, latencyFor } from './latency.ts';

/**
 * What can go wrong with a request, on purpose. The `accept_then_*` kinds are ambiguous failures: the
 * call is carried out (the message posted, the record created), then the answer is lost — held until
 * the connection drops, or replaced by a 5xx. They are never drawn at random (only scripted or named
 * in `kinds`), since a random one would change what existing fault runs expect.
 */
export type FaultKind =
  | 'server_error'
  | 'timeout'
  | 'malformed'
  | 'accept_then_timeout'
  | 'accept_then_server_error';

/** Faults that happen after the call took effect. */
export const isAfterEffect = (kind: FaultKind): boolean =>
  kind === 'accept_then_timeout' || kind === 'accept_then_server_error';

export interface FaultOptions {
  /** Share of requests (0–1) that fail at random. Default 0. */
  readonly rate?: number;
  /** Which faults the random share draws from. Default: all three. */
  readonly kinds?: readonly FaultKind[];
  /** Seed of the random draw (deterministic runs). Default 1. */
  readonly seed?: number;
  /** How long a `timeout` fault holds the request before dropping the connection; `null` = until stop. */
  readonly timeoutMs?: number | null;
}

interface ScriptedFault {
  readonly kind: FaultKind;
  remaining: number;
  readonly endpoint: string | null;
}

const ALL_KINDS: readonly FaultKind[] = ['server_error', 'timeout', 'malformed'];

/** Decides, per request, whether to inject a fault: scripted ones first, then the random share. */
export class FaultInjector {
  private readonly random: Random;
  private rate: number;
  private readonly kinds: readonly FaultKind[];
  private readonly scripted: ScriptedFault[] = [];
  private readonly closed = new Map<string, number>();
  readonly timeoutMs: number | null;

  constructor(options: FaultOptions = {}) {
    this.random = createRandom(options.seed ?? 1);
    this.rate = options.rate ?? 0;
    this.kinds = options.kinds && options.kinds.length > 0 ? options.kinds : ALL_KINDS;
    this.timeoutMs = options.timeoutMs === undefined ? null : options.timeoutMs;
  }

  /** The next `times` requests (to `endpoint`, if given) fail with `kind`. */
  inject(kind: FaultKind, options: { times?: number; endpoint?: string } = {}): void {
    this.scripted.push({ kind, remaining: options.times ?? 1, endpoint: options.endpoint ?? null });
  }

  setRate(rate: number): void {
    this.rate = rate;
  }

  clear(): void {
    this.scripted.length = 0;
    this.rate = 0;
  }

  /** A request held by a `timeout` fault was closed by its client (it gave up and aborted). */
  noteClientClosed(endpoint: string): void {
    this.closed.set(endpoint, (this.closed.get(endpoint) ?? 0) + 1);
  }

  /** Held requests their client closed, to one endpoint or to all. */
  clientClosed(endpoint?: string): number {
    if (endpoint !== undefined) return this.closed.get(endpoint) ?? 0;
    return [...this.closed.values()].reduce((a, b) => a + b, 0);
  }

  decide(endpoint: string): FaultKind | null {
    const scripted = this.scripted.find((f) => f.endpoint === null || f.endpoint === endpoint);
    if (scripted) {
      scripted.remaining -= 1;
      if (scripted.remaining <= 0) this.scripted.splice(this.scripted.indexOf(scripted), 1);
      return scripted.kind;
    }
    if (this.rate > 0 && this.random.chance(this.rate)) return this.random.pick(this.kinds);
    return null;
  }
}

/** A response body cut off in the middle, as a dropped proxy connection would leave it. */
export const MALFORMED_JSON = '{"status":"COMPLETE","results":[{"id":"1","properties":{"hs_object_id"';
