import type { Instant } from '../../../domain/time.ts';
import type { SandboxRequest, SandboxResponse } from '../../shared/http-types.ts';
import { validationError } from '../errors.ts';
import type { HubSpotState } from '../hubspot-state.ts';
import { type ObjectType, objectTypeOf } from '../object-types.ts';
import type { RequestClass } from '../rate-limits.ts';

/** A token the sandbox accepts: a private app's, or an OAuth access token, with its scopes. */
export interface SandboxToken {
  readonly kind: 'private_app' | 'oauth';
  readonly appId: number;
  readonly scopes: readonly string[];
}

export interface RouteContext {
  readonly state: HubSpotState;
  /** The token, if the sandbox accepts it (the token-info endpoints). */
  readonly tokens: (token: string) => SandboxToken | null;
  readonly now: Instant;
  /** Requests counted today against the daily limit (`null` limit = none configured). */
  readonly usage: () => { readonly used: number; readonly limit: number | null };
}

export type Params = Readonly<Record<string, string>>;

export interface Route {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path template; `:name` segments are parameters. */
  readonly path: string;
  readonly rateClass: RequestClass;
  /** The scope a write needs (checked only for tokens given `scopes`); reads are not checked. */
  readonly writeScope?: string;
  readonly handle: (req: SandboxRequest, params: Params, ctx: RouteContext) => SandboxResponse;
}

/** Resolves an object type path parameter, or answers HubSpot's 400 for an unknown one. */
export function withType(
  name: string | undefined,
  then: (type: ObjectType) => SandboxResponse,
): SandboxResponse {
  const type = objectTypeOf(name ?? '');
  return type ? then(type) : validationError(`Unable to infer object type from: ${name ?? ''}`);
}

export const flag = (query: URLSearchParams, name: string): boolean => query.get(name) === 'true';

/** Write source recorded in property history for API writes. */
export const API_SOURCE = { sourceType: 'INTEGRATION', sourceId: 'sla-bot' } as const;
