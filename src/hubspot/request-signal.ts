import { AsyncLocalStorage } from 'node:async_hooks';
import { type ClientRequest, Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * The SDK (v14) takes no `AbortSignal`: its transport is `fetch` without a signal, or `node:http`
 * through the `httpAgent` it is given. So the SDK client gets an agent that ties every request it
 * carries to the signal of the gateway attempt that sent it (held here for the duration of the
 * attempt), and destroys the request when that signal aborts: a timed-out request closes its socket
 * instead of running on behind the gateway's back.
 */
const attemptSignal = new AsyncLocalStorage<AbortSignal>();

/** Runs an SDK call so that the requests it sends abort with `signal`. */
export const withRequestSignal = <T>(signal: AbortSignal, run: () => Promise<T>): Promise<T> =>
  attemptSignal.run(signal, run);

const reason = (signal: AbortSignal): Error =>
  signal.reason instanceof Error ? signal.reason : new Error('request aborted');

function bind(request: ClientRequest): void {
  const signal = attemptSignal.getStore();
  if (signal === undefined) return;
  if (signal.aborted) {
    request.destroy(reason(signal));
    return;
  }
  const abort = () => request.destroy(reason(signal));
  signal.addEventListener('abort', abort, { once: true });
  request.once('close', () => signal.removeEventListener('abort', abort));
}

/** `Agent#addRequest`: how every `node:http` request reaches its agent (undocumented, long stable). */
interface AgentInternals {
  addRequest(request: ClientRequest, options: unknown): void;
}

/** A keep-alive agent (the settings of Node's global agent) for `basePath`'s protocol, signal-aware. */
export function abortableAgent(basePath: string): HttpAgent {
  const Agent = new URL(basePath).protocol === 'https:' ? HttpsAgent : HttpAgent;
  const agent = new Agent({ keepAlive: true, timeout: 5_000, scheduling: 'lifo' });
  const internals = agent as unknown as AgentInternals;
  const addRequest = internals.addRequest.bind(agent);
  internals.addRequest = (request, options) => {
    bind(request);
    addRequest(request, options);
  };
  return agent;
}
