import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log/logger.ts';
import { type Route, sendJson } from './route.ts';

export interface HttpServerOptions {
  readonly host: string;
  readonly port: number;
  readonly logger: Logger;
}

/**
 * The health/metrics/dashboard server on node:http. A table of routes, one handler each; other
 * modules plug theirs in with `addRoute` (e.g. `/dashboard`, Slack HTTP events).
 */
export class HttpServer {
  readonly #o: HttpServerOptions;
  readonly #routes = new Map<string, Route>();
  #server: Server | null = null;

  constructor(options: HttpServerOptions, routes: readonly Route[] = []) {
    this.#o = options;
    for (const r of routes) this.addRoute(r);
  }

  addRoute(route: Route): void {
    const key = `${route.method} ${route.path}`;
    if (this.#routes.has(key)) throw new Error(`HTTP route ${key} is already registered`);
    this.#routes.set(key, route);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    const route = this.#routes.get(`${method} ${path}`);
    if (!route) {
      const known = [...this.#routes.values()].some((r) => r.path === path);
      sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
      return;
    }
    try {
      await route.handle(req, res);
    } catch (err) {
      this.#o.logger.error({ err, path }, 'http handler failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    }
  }

  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(): Promise<number> {
    const server = createServer((req, res) => void this.#handle(req, res));
    this.#server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#o.port, this.#o.host, () => {
        server.off('error', reject);
        const port = (server.address() as AddressInfo).port;
        this.#o.logger.info({ host: this.#o.host, port }, 'http server listening');
        resolve(port);
      });
    });
  }

  close(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
