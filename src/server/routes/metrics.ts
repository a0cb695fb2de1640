import type { Registry } from 'prom-client';
import type { Route } from '../route.ts';

/** Prometheus text exposition of the given registry. */
export const metricsRoute = (registry: Registry): Route => ({
  method: 'GET',
  path: '/metrics',
  handle: async (_req, res) => {
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType });
    res.end(body);
  },
});
