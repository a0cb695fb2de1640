import type { z } from 'zod';
import { isHttpFailure, isNetworkFailure } from './classify-error.ts';
import type { DailyPause } from './daily-pause.ts';
import { HubSpotMalformedResponseError } from './errors.ts';
import type { HubSpotGateway, Operation } from './gateway.ts';
import type { JsonHttp } from './json-http.ts';
import { type CrmObjectType, ops } from './operations.ts';
import { withRequestSignal } from './request-signal.ts';
import {
  AccountDetails,
  BatchResult,
  Dispositions,
  OAuthTokenInfo,
  OwnersPage,
  PipelineList,
  PrivateAppTokenInfo,
  PropertyList,
  SearchPage,
} from './schemas.ts';
import type { SdkClient } from './sdk-client.ts';
import { type SearchRequest, toSdkSearch } from './search-request.ts';

const check = <S extends z.ZodType>(schema: S, value: unknown, op: Operation): z.infer<S> => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new HubSpotMalformedResponseError(op.name, `${issue?.path.join('.') || '(body)'}: ${issue?.message}`);
};

/**
 * Runs one SDK call. Beyond HTTP statuses and network failures, anything the SDK throws comes from
 * reading the answer (its deserialiser chokes on unexpected shapes): a malformed response.
 */
const fromSdk = async <T>(op: Operation, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (isHttpFailure(error) || isNetworkFailure(error)) throw error;
    throw new HubSpotMalformedResponseError(
      op.name,
      error instanceof Error ? error.message : String(error),
      error,
    );
  }
};

/**
 * The HubSpot calls the adapter makes: the SDK's typed APIs (and our own GET where the SDK has no
 * method), each through the gateway and each answer checked against a permissive schema.
 */
export class HubSpotApi {
  private readonly client: SdkClient;
  private readonly gateway: HubSpotGateway;
  private readonly http: JsonHttp;

  constructor(client: SdkClient, gateway: HubSpotGateway, http: JsonHttp) {
    this.client = client;
    this.gateway = gateway;
    this.http = http;
  }

  get requestCount(): number {
    return this.gateway.requestCount;
  }

  /** The daily-limit pause in force, if any. */
  get dailyPause(): DailyPause | null {
    return this.gateway.dailyPause;
  }

  search(objectType: CrmObjectType, request: SearchRequest) {
    const op = ops.search(objectType);
    return this.send(op, async () =>
      check(
        SearchPage,
        await fromSdk(op, () => this.client.crm.objects.searchApi.doSearch(objectType, toSdkSearch(request))),
        op,
      ),
    );
  }

  /**
   * Up to 100 ids, 50 when `history` is not empty (`batchReadSize`; callers chunk through `batchRead`
   * in batch-read.ts). `archived` reads deleted records (in the recycle bin) instead of live ones.
   */
  batchRead(
    objectType: CrmObjectType,
    ids: readonly string[],
    properties: readonly string[],
    history: readonly string[] = [],
    archived = false,
  ) {
    const op = ops.batchRead(objectType);
    const body = {
      inputs: ids.map((id) => ({ id })),
      properties: [...properties],
      propertiesWithHistory: [...history],
    };
    return this.send(op, async () =>
      check(
        BatchResult,
        await fromSdk(op, () =>
          this.client.crm.objects.batchApi.read(objectType, body, archived ? true : undefined),
        ),
        op,
      ),
    );
  }

  /** Associations v4 batch read: up to 1,000 inputs, each with its own paging cursor. */
  associations(from: CrmObjectType, to: CrmObjectType, inputs: readonly { id: string; after?: string }[]) {
    const op = ops.associations(from, to);
    const body = {
      inputs: inputs.map((i) => (i.after === undefined ? { id: i.id } : { id: i.id, after: i.after })),
    };
    return this.send(op, async () =>
      check(
        BatchResult,
        await fromSdk(op, () => this.client.crm.associations.v4.batchApi.getPage(from, to, body)),
        op,
      ),
    );
  }

  ownersPage(after: string | undefined, archived: boolean) {
    return this.send(ops.owners, async () =>
      check(
        OwnersPage,
        await fromSdk(ops.owners, () =>
          this.client.crm.owners.ownersApi.getPage(undefined, after, 100, archived),
        ),
        ops.owners,
      ),
    );
  }

  properties(objectType: 'contacts') {
    return this.send(ops.properties, async () =>
      check(
        PropertyList,
        await fromSdk(ops.properties, () => this.client.crm.properties.coreApi.getAll(objectType)),
        ops.properties,
      ),
    );
  }

  pipelines(objectType: 'leads') {
    return this.send(ops.pipelines, async () =>
      check(
        PipelineList,
        await fromSdk(ops.pipelines, () => this.client.crm.pipelines.pipelinesApi.getAll(objectType)),
        ops.pipelines,
      ),
    );
  }

  /** Call outcomes (GUID → label). No SDK method: `GET /calling/v1/dispositions`. */
  dispositions() {
    return this.gateway.call(ops.dispositions, async (signal) =>
      check(Dispositions, await this.http.get('/calling/v1/dispositions', signal), ops.dispositions),
    );
  }

  /** Portal id, time zone and UI domain: `GET /account-info/v3/details`. */
  accountDetails() {
    return this.gateway.call(ops.account, async (signal) =>
      check(AccountDetails, await this.http.get('/account-info/v3/details', signal), ops.account),
    );
  }

  /**
   * The scopes of a private app's token: `POST /oauth/v2/private-apps/get/access-token-info` with the
   * token as `tokenKey` (HA-1). No SDK method.
   */
  privateAppTokenInfo() {
    const op = ops.privateAppTokenInfo;
    return this.gateway.call(op, async (signal) =>
      check(
        PrivateAppTokenInfo,
        await this.http.postWithToken(
          '/oauth/v2/private-apps/get/access-token-info',
          (token) => ({ tokenKey: token }),
          signal,
        ),
        op,
      ),
    );
  }

  /** The scopes of an OAuth access token: `GET /oauth/v1/access-tokens/{token}` (HA-2). */
  oauthTokenInfo() {
    const op = ops.oauthTokenInfo;
    return this.gateway.call(op, async (signal) =>
      check(
        OAuthTokenInfo,
        await this.http.getWithToken(
          (token) => `/oauth/v1/access-tokens/${encodeURIComponent(token)}`,
          signal,
        ),
        op,
      ),
    );
  }

  /** The SDK itself, for the write-back calls (see `lead-writer.ts`, `write-back-setup.ts`). */
  get sdk(): SdkClient {
    return this.client;
  }

  /** A call through the SDK (`this.sdk`): through the gateway, aborted when its time limit is up. */
  call<T>(op: Operation, request: () => Promise<T>): Promise<T> {
    return this.send(op, request);
  }

  private send<T>(op: Operation, request: () => Promise<T>): Promise<T> {
    return this.gateway.call(op, (signal) => withRequestSignal(signal, request));
  }
}
