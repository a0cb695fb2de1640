import { Client } from '@hubspot/api-client';
import { abortableAgent } from './request-signal.ts';

export interface SdkClientOptions {
  readonly accessToken: string;
  /** `HUBSPOT_BASE_URL`: the API root (proxy, sandbox, tests). */
  readonly basePath: string;
  /** Sees each answer's status and headers before the SDK parses it (2xx and errors alike). */
  readonly onResponse?: (status: number, headers: Readonly<Record<string, string>>) => void;
}

/** The SDK's response context, as far as we read it (its middleware types it `unknown`). */
const answerOf = (ctx: unknown): { status: number; headers: Record<string, string> } | null => {
  if (typeof ctx !== 'object' || ctx === null) return null;
  const { httpStatusCode, headers } = ctx as { httpStatusCode?: unknown; headers?: unknown };
  if (typeof httpStatusCode !== 'number' || typeof headers !== 'object' || headers === null) return null;
  return { status: httpStatusCode, headers: headers as Record<string, string> };
};

/**
 * The official SDK client, with its own retry and limiter left off: the gateway does both, so a
 * request is never retried twice. The SDK keeps its decorators in a process-wide singleton that the
 * last `new Client()` overwrites and that typed APIs take when they are built: the API groups we use
 * are built here, right away, while the decorators are ours (none), so a client constructed later
 * elsewhere cannot reach them. Its `apiRequest` reads the decorators at call time, so the adapter
 * never uses it (see `json-http.ts`). Its requests go through an agent that aborts them when the
 * gateway's time limit is up (`request-signal.ts`).
 */
export function createSdkClient(options: SdkClientOptions): Client {
  const { onResponse } = options;
  const client = new Client({
    accessToken: options.accessToken,
    basePath: options.basePath,
    httpAgent: abortableAgent(options.basePath),
    // Per-client middleware (not the process-wide decorators): the rate-limit headers of every answer.
    ...(onResponse ? { middleware: [{ pre: (ctx: unknown) => ctx, post: observe(onResponse) }] } : {}),
  });
  void client.crm.objects.searchApi;
  void client.crm.objects.batchApi;
  void client.crm.objects.basicApi;
  void client.crm.objects.tasks.basicApi;
  void client.crm.associations.v4.batchApi;
  void client.crm.owners.ownersApi;
  void client.crm.properties.coreApi;
  void client.crm.properties.groupsApi;
  void client.crm.pipelines.pipelinesApi;
  return client;
}

export type { Client as SdkClient };

const observe =
  (onResponse: NonNullable<SdkClientOptions['onResponse']>) =>
  (ctx: unknown): unknown => {
    const answer = answerOf(ctx);
    if (answer) onResponse(answer.status, answer.headers);
    return ctx;
  };
