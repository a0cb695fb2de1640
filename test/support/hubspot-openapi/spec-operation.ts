import type { z } from 'zod';

/**
 * The snapshot of HubSpot's OpenAPI spec collection the hand-written request schemas were read from.
 * The spec files are "proprietary to HubSpot and are not licensed for external use" (the collection's
 * README), so they are not copied here: each operation names its file, operationId and schemas, and
 * `spec-crosscheck.ts` compares the schemas with the files wherever a local mirror exists
 * (docs/adr/0009-hubspot-request-shapes-from-the-openapi-spec.md).
 */
export const SPEC_COLLECTION = {
  repo: 'HubSpot/HubSpot-public-api-spec-collection',
  commit: '99893791383254f52aa07662baeb98aad65cc710',
  date: '2026-08-21',
} as const;

/** Where an operation's shape comes from: a file of the collection, or (not in it) a docs page. */
export type SpecSource =
  | {
      readonly kind: 'collection';
      /** Path inside the collection at `SPEC_COLLECTION.commit`. */
      readonly file: string;
      readonly operationId: string;
      /** Component schemas the request body is built from, outermost first. */
      readonly schemas: readonly string[];
    }
  | {
      readonly kind: 'docs';
      /** Why the collection has no file for it. */
      readonly note: string;
      readonly url: string;
      readonly operationId: string;
    };

/** A query parameter as the spec declares it (values arrive as strings; `array` = repeated or comma-joined). */
export interface QueryParam {
  readonly type: 'array' | 'boolean' | 'integer' | 'string';
  readonly required?: true;
  readonly enum?: readonly string[];
}

/**
 * A place where the request we send differs from the spec file on purpose, with the public source that
 * shows HubSpot accepts it. `at` is a dotted path into the body schema (`sorts.items`), or `path`.
 * The cross-check skips exactly these places and prints them; nothing else may differ.
 */
export interface SpecDeviation {
  readonly at: string;
  readonly what: string;
  readonly source: string;
}

export interface SpecOperation {
  /** Short name used in messages and contract rows, e.g. `contacts.search`. */
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The path exactly as the spec file keys it, e.g. `/crm/v3/objects/{objectType}/search`. */
  readonly specPath: string;
  /** A schema per `{name}` in `specPath`; the request's segment must satisfy it. */
  readonly pathParams?: Readonly<Record<string, z.ZodType<string>>>;
  /** Query parameters we may send; any other name is a violation. */
  readonly query?: Readonly<Record<string, QueryParam>>;
  /** The JSON body; `undefined` = the request must have no body. */
  readonly body?: z.ZodType;
  /** The request path may end in `/` (documented per operation in `deviations`). */
  readonly trailingSlash?: true;
  readonly source: SpecSource;
  readonly deviations?: readonly SpecDeviation[];
}
