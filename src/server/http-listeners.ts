import type { Logger } from '../log/logger.ts';
import { HttpServer } from './http-server.ts';
import type { Route } from './route.ts';

export interface ListenerOptions {
  /** HOST and PORT: health, metrics and the dashboard (and the public routes without PUBLIC_PORT). */
  readonly host: string;
  readonly port: number;
  /** PUBLIC_PORT (and PUBLIC_HOST, default `host`): the public routes only; `undefined` = none. */
  readonly publicHost?: string | undefined;
  readonly publicPort?: number | undefined;
  readonly logger: Logger;
}

/**
 * The worker's HTTP listeners. Public routes (HubSpot webhooks, Slack events) are the ones the
 * internet must reach; with PUBLIC_PORT they get a listener of their own, so a proxy can expose that
 * one and keep the dashboard, health and metrics private. Without it, everything shares PORT.
 */
export class HttpListeners {
  readonly #main: HttpServer;
  readonly #public: HttpServer | null;
  #ports: { main: number; public: number | null } | null = null;

  constructor(
    o: ListenerOptions,
    routes: { readonly private: readonly Route[]; readonly public: readonly Route[] },
  ) {
    const split = o.publicPort !== undefined;
    this.#main = new HttpServer({ host: o.host, port: o.port, logger: o.logger }, [
      ...routes.private,
      ...(split ? [] : routes.public),
    ]);
    this.#public = split
      ? new HttpServer(
          {
            host: o.publicHost ?? o.host,
            port: o.publicPort ?? 0,
            logger: o.logger.child({ listener: 'public' }),
          },
          routes.public,
        )
      : null;
  }

  /** Starts both; resolves with the bound ports (useful with port 0). */
  async listen(): Promise<{ main: number; public: number | null }> {
    const main = await this.#main.listen();
    let pub: number | null = null;
    try {
      pub = this.#public === null ? null : await this.#public.listen();
    } catch (err) {
      await this.#main.close();
      throw err;
    }
    this.#ports = { main, public: pub };
    return this.#ports;
  }

  async close(): Promise<void> {
    await Promise.all([this.#main.close(), this.#public?.close()]);
  }
}
