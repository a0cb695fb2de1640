import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SandboxRequest, SandboxResponse } from './http-types.ts';

/** What a sandbox handler may answer: a response, or nothing at all (a simulated timeout). */
export type SandboxReply =
  | SandboxResponse
  | {
      readonly hang: true;
      /** Drop the connection after this long; `null` = hold it until the server stops. */
      readonly ms: number | null;
      /** Called when the client closes the held connection first (it timed out and aborted). */
      readonly onClientClose?: () => void;
    };

export type SandboxHandler = (request: SandboxRequest, signal: AbortSignal) => Promise<SandboxReply>;

export interface LoopbackServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  readonly origin: string;
  readonly port: number;
  /** Stops listening and drops every open connection, held ones included. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Starts a node:http server on 127.0.0.1 and a free port. */
export async function startLoopbackServer(handler: SandboxHandler): Promise<LoopbackServer> {
  const stopping = new AbortController();
  const server = createServer((req, res) => {
    void serve(req, res, handler, stopping.signal);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      stopping.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  handler: SandboxHandler,
  signal: AbortSignal,
): Promise<void> {
  try {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = await handler(
      {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
      },
      signal,
    );
    if ('hang' in reply) {
      let dropped = false;
      res.once('close', () => {
        if (!dropped && !signal.aborted) reply.onClientClose?.();
      });
      if (reply.ms !== null) {
        await sleep(reply.ms, undefined, { signal });
        dropped = true;
        req.socket.destroy();
      }
      return;
    }
    write(res, reply);
  } catch (error) {
    if (signal.aborted) return;
    if (error instanceof BodyTooLargeError) {
      write(res, { status: 413, body: { status: 'error', message: error.message } });
      return;
    }
    // A bug in a sandbox route: answer like a server error, and say which.
    write(res, { status: 500, body: { status: 'error', message: `sandbox failure: ${String(error)}` } });
  }
}

function write(res: ServerResponse, reply: SandboxResponse): void {
  if (res.destroyed) return;
  const headers: Record<string, string> = { ...reply.headers };
  let text = '';
  if (reply.raw) {
    headers['content-type'] = reply.raw.contentType;
    text = reply.raw.text;
  } else if (reply.body !== undefined) {
    headers['content-type'] = 'application/json;charset=utf-8';
    text = JSON.stringify(reply.body);
  }
  res.writeHead(reply.status, headers);
  res.end(text);
}

class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
