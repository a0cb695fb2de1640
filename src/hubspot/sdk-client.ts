import { Client } from '@hubspot/api-client';

export interface SdkClientOptions {
  readonly accessToken: string;
  /** `HUBSPOT_BASE_URL`: the API root (proxy, sandbox, tests). */
  readonly basePath: string;
}

/**
 * The official SDK client, with its own retry and limiter left off: the gateway does both, so a
 * request is never retried twice. The SDK keeps its decorators in a process-wide singleton that the
 * last `new Client()` overwrites and that typed APIs take when they are built: the API groups we use
 * are built here, right away, while the decorators are ours (none), so a client constructed later
 * elsewhere cannot reach them. Its `apiRequest` reads the decorators at call time, so the adapter
 * never uses it (see `json-get.ts`).
 */
export function createSdkClient(options: SdkClientOptions): Client {
  const client = new Client({ accessToken: options.accessToken, basePath: options.basePath });
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
