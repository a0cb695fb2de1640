import type { IncomingMessage, ServerResponse } from 'node:http';

/** One HTTP route: a method, an exact path and its handler. Routes are added by whoever owns them. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'HEAD';
  readonly path: string;
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
};
