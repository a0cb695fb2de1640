import { z } from 'zod';
import type { QueryParam, SpecOperation } from './spec-operation.ts';

/**
 * Compares the hand-written request schemas with HubSpot's spec files (read from a local mirror of
 * the collection; nothing of them is kept in the repository). For every operation: the path and
 * method exist with the noted operationId; our query parameters are declared by the spec with the
 * same type and enum, required where the spec requires them; our body has exactly the spec's
 * required fields at every level, only fields the spec declares, the same enums, the same types, no
 * larger `maxItems`, and is built from the schemas noted in the source. Places listed in
 * `deviations` are skipped and reported; a listed deviation that is not needed is a problem too.
 */

type Json = Record<string, unknown>;

export interface CrossCheckResult {
  readonly problems: string[];
  /** `name at: what` for each documented deviation met. */
  readonly deviations: string[];
}

/** Reads a spec file of the collection (at the pinned commit) as parsed JSON. */
export type ReadSpecFile = (file: string) => Json;

const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const sameSet = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));

interface Walk {
  readonly spec: Json;
  readonly op: SpecOperation;
  readonly problems: string[];
  readonly deviations: string[];
  readonly usedDeviations: Set<string>;
  readonly schemaNames: Set<string>;
}

function resolve(walk: Walk, schema: Json): Json {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.split('/').at(-1) ?? '';
  walk.schemaNames.add(name);
  const components = walk.spec.components as { schemas?: Record<string, Json> } | undefined;
  const target = components?.schemas?.[name];
  if (!target) {
    walk.problems.push(`${walk.op.name}: spec $ref ${ref} does not resolve`);
    return {};
  }
  return target;
}

function compareSchema(walk: Walk, specIn: Json, ours: Json, at: string): void {
  const problem = (what: string): void => {
    walk.problems.push(`${walk.op.name} body ${at || '(root)'}: ${what}`);
  };
  const deviation = walk.op.deviations?.find((d) => d.at === at);
  const spec = resolve(walk, specIn);
  if (deviation) {
    const strict: Walk = {
      ...walk,
      op: { ...walk.op, deviations: [] },
      problems: [],
      schemaNames: new Set(),
    };
    compareSchema(strict, specIn, ours, at);
    walk.usedDeviations.add(at);
    if (strict.problems.length === 0) problem('listed as a deviation, but the schemas agree here');
    else walk.deviations.push(`${walk.op.name} ${at}: ${deviation.what}`);
    return;
  }
  if (ours.anyOf !== undefined) {
    problem('a union where the spec has one shape (not a listed deviation)');
    return;
  }
  if (spec.type !== ours.type) {
    problem(`type ${String(ours.type)}, spec says ${String(spec.type)}`);
    return;
  }
  if (Array.isArray(spec.enum) || Array.isArray(ours.enum)) {
    const a = (ours.enum as unknown[] | undefined) ?? [];
    const b = (spec.enum as unknown[] | undefined) ?? [];
    if (!sameSet(a, b)) problem(`enum [${a.join(', ')}], spec has [${b.join(', ')}]`);
  }
  if (
    typeof spec.maxItems === 'number' &&
    !(typeof ours.maxItems === 'number' && ours.maxItems <= spec.maxItems)
  )
    problem(`maxItems ${String(ours.maxItems)}, spec allows at most ${spec.maxItems}`);
  if (
    typeof spec.maxLength === 'number' &&
    !(typeof ours.maxLength === 'number' && ours.maxLength <= spec.maxLength)
  )
    problem(`maxLength ${String(ours.maxLength)}, spec allows at most ${spec.maxLength}`);
  if (spec.type === 'array') {
    compareSchema(
      walk,
      (spec.items as Json | undefined) ?? {},
      (ours.items as Json | undefined) ?? {},
      join(at, 'items'),
    );
    return;
  }
  if (spec.type !== 'object') return;
  const specProps = (spec.properties as Record<string, Json> | undefined) ?? {};
  const ourProps = (ours.properties as Record<string, Json> | undefined) ?? {};
  const specRequired = (spec.required as string[] | undefined) ?? [];
  const ourRequired = (ours.required as string[] | undefined) ?? [];
  if (!sameSet(specRequired, ourRequired))
    problem(`required [${ourRequired.join(', ')}], spec requires [${specRequired.join(', ')}]`);
  for (const [key, schema] of Object.entries(ourProps)) {
    const specProp = specProps[key];
    if (specProp === undefined) problem(`field ${key} is not in the spec`);
    else compareSchema(walk, specProp, schema, join(at, key));
  }
  const specMap = spec.additionalProperties;
  const ourMap = ours.additionalProperties;
  if (isJson(specMap) && Object.keys(specProps).length === 0) {
    if (!isJson(ourMap)) problem('the spec has a map of values here');
    else compareSchema(walk, specMap, ourMap, join(at, '*'));
  } else if (isJson(ourMap)) problem('a map of values where the spec has fixed fields');
}

const join = (at: string, key: string) => (at === '' ? key : `${at}.${key}`);

const QUERY_TYPE: Record<string, QueryParam['type']> = {
  array: 'array',
  boolean: 'boolean',
  integer: 'integer',
  string: 'string',
};

function compareQuery(walk: Walk, parameters: Json[]): void {
  const ours = walk.op.query ?? {};
  const declared = new Map(parameters.filter((p) => p.in === 'query').map((p) => [String(p.name), p]));
  for (const [name, param] of Object.entries(ours)) {
    const spec = declared.get(name);
    if (!spec) {
      walk.problems.push(`${walk.op.name}: query parameter ${name} is not in the spec`);
      continue;
    }
    const schema = (spec.schema as Json | undefined) ?? {};
    if (QUERY_TYPE[String(schema.type)] !== param.type)
      walk.problems.push(`${walk.op.name}: query ${name} is ${param.type}, spec says ${String(schema.type)}`);
    if (!sameSet(param.enum ?? [], (schema.enum as unknown[] | undefined) ?? []))
      walk.problems.push(`${walk.op.name}: query ${name} enum differs from the spec`);
    if ((spec.required === true) !== (param.required === true))
      walk.problems.push(`${walk.op.name}: query ${name} required differs from the spec`);
  }
  for (const [name, spec] of declared)
    if (spec.required === true && ours[name] === undefined)
      walk.problems.push(`${walk.op.name}: spec-required query parameter ${name} is not modelled`);
}

function checkOperation(op: SpecOperation, read: ReadSpecFile, result: CrossCheckResult): void {
  if (op.source.kind !== 'collection') return;
  const spec = read(op.source.file);
  const pathItem = (spec.paths as Record<string, Json> | undefined)?.[op.specPath];
  const operation = pathItem?.[op.method.toLowerCase()];
  if (!isJson(pathItem) || !isJson(operation)) {
    result.problems.push(`${op.name}: ${op.method} ${op.specPath} is not in ${op.source.file}`);
    return;
  }
  const walk: Walk = {
    spec,
    op,
    problems: result.problems,
    deviations: result.deviations,
    usedDeviations: new Set(),
    schemaNames: new Set(),
  };
  if (operation.operationId !== op.source.operationId)
    walk.problems.push(
      `${op.name}: operationId is ${String(operation.operationId)}, noted ${op.source.operationId}`,
    );
  const parameters = [
    ...((pathItem.parameters as Json[] | undefined) ?? []),
    ...((operation.parameters as Json[] | undefined) ?? []),
  ];
  const specPathParams = parameters.filter((p) => p.in === 'path').map((p) => String(p.name));
  const ourPathParams = [...op.specPath.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
  if (!sameSet(specPathParams, ourPathParams))
    walk.problems.push(`${op.name}: path parameters [${ourPathParams}] vs spec [${specPathParams}]`);
  compareQuery(walk, parameters);
  const requestBody = operation.requestBody as Json | undefined;
  const bodySchema = (requestBody?.content as Record<string, Json> | undefined)?.['application/json']?.schema;
  if (op.body === undefined) {
    if (requestBody !== undefined)
      walk.problems.push(`${op.name}: the spec defines a request body; none modelled`);
  } else if (!isJson(bodySchema)) {
    walk.problems.push(`${op.name}: a body is modelled, the spec defines no JSON request body`);
  } else {
    compareSchema(walk, bodySchema, z.toJSONSchema(op.body) as Json, '');
  }
  for (const d of op.deviations ?? [])
    if (d.at !== 'path' && !walk.usedDeviations.has(d.at))
      walk.problems.push(`${op.name}: deviation at ${d.at} is listed, but the body has no such place`);
  const path = op.deviations?.find((d) => d.at === 'path');
  if (path) walk.deviations.push(`${op.name} path: ${path.what}`);
  if (!sameSet([...walk.schemaNames], op.source.schemas))
    walk.problems.push(
      `${op.name}: body schemas noted [${op.source.schemas}], the spec uses [${[...walk.schemaNames]}]`,
    );
}

/** Cross-checks every operation; `read` fails loudly on a missing file. */
export function crossCheck(operations: readonly SpecOperation[], read: ReadSpecFile): CrossCheckResult {
  const result: CrossCheckResult = { problems: [], deviations: [] };
  for (const op of operations) checkOperation(op, read, result);
  return result;
}
