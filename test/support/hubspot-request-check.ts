import { SPEC_OPERATIONS, type SpecOperation } from './hubspot-openapi/index.ts';
import type { QueryParam } from './hubspot-openapi/spec-operation.ts';

/** A request as it left the product (the sandbox's view, or what nock received). */
export interface OutgoingRequest {
  readonly method: string;
  /** Path without the query string, relative to the API root. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly contentType: string | undefined;
  /** The raw body; `''` when there is none. */
  readonly body: string;
}

interface Matched {
  readonly operation: SpecOperation;
  readonly problems: string[];
}

/** `null` when the segments do not fit the template; otherwise the path-parameter problems found. */
function matchPath(operation: SpecOperation, path: string): string[] | null {
  const trimmed = operation.trailingSlash && path.length > 1 ? path.replace(/\/$/, '') : path;
  const template = operation.specPath.split('/');
  const segments = trimmed.split('/');
  if (template.length !== segments.length) return null;
  const problems: string[] = [];
  for (const [i, part] of template.entries()) {
    const actual = segments[i] ?? '';
    const param = /^\{(.+)\}$/.exec(part)?.[1];
    if (param === undefined) {
      if (part !== actual) return null;
      continue;
    }
    const schema = operation.pathParams?.[param];
    const value = decodeURIComponent(actual);
    if (value === '') problems.push(`path parameter ${param} is empty`);
    else if (schema && !schema.safeParse(value).success) problems.push(`path parameter ${param}=${value}`);
  }
  return problems;
}

const QUERY_VALUE: Record<QueryParam['type'], RegExp> = {
  array: /^/,
  boolean: /^(true|false)$/,
  integer: /^-?\d+$/,
  string: /^/,
};

function queryProblems(operation: SpecOperation, query: URLSearchParams): string[] {
  const declared = operation.query ?? {};
  const problems: string[] = [];
  for (const [name, value] of query) {
    const param = declared[name];
    if (param === undefined) problems.push(`query parameter ${name} is not in the spec`);
    else if (!QUERY_VALUE[param.type].test(value))
      problems.push(`query parameter ${name}=${value} is not ${param.type}`);
    else if (param.enum && !param.enum.includes(value))
      problems.push(`query parameter ${name}=${value} not in enum`);
  }
  for (const [name, param] of Object.entries(declared))
    if (param.required && !query.has(name)) problems.push(`query parameter ${name} is required`);
  return problems;
}

function bodyProblems(operation: SpecOperation, request: OutgoingRequest): string[] {
  if (operation.body === undefined)
    return request.body.trim() === '' ? [] : ['the spec defines no request body for this operation'];
  if (!/^application\/json\b/i.test(request.contentType ?? '')) return ['body not sent as application/json'];
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    return ['body is not JSON'];
  }
  const parsed = operation.body.safeParse(json);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `body ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/**
 * Checks one request against the hand-written request schemas of the HubSpot operations the product
 * uses (`hubspot-openapi/`): path, method, query parameters, JSON body (required fields, enums, no
 * unknown fields). Returns `null` when the spec allows it, otherwise one line naming every problem.
 */
export function checkHubSpotRequest(request: OutgoingRequest): string | null {
  const method = request.method.toUpperCase();
  const onPath: Matched[] = [];
  for (const operation of SPEC_OPERATIONS) {
    const problems = matchPath(operation, request.path);
    if (problems !== null) onPath.push({ operation, problems });
  }
  const what = `${method} ${request.path}`;
  if (onPath.length === 0) return `${what}: no operation of the HubSpot OpenAPI spec has this path`;
  const withMethod = onPath.filter((m) => m.operation.method === method);
  const matched = withMethod.find((m) => m.problems.length === 0) ?? withMethod[0];
  if (matched === undefined) {
    const allowed = [...new Set(onPath.map((m) => m.operation.method))].join(', ');
    return `${what}: the spec allows ${allowed} on this path, not ${method}`;
  }
  const problems = [
    ...matched.problems,
    ...queryProblems(matched.operation, request.query),
    ...bodyProblems(matched.operation, request),
  ];
  return problems.length === 0 ? null : `${what} (${matched.operation.name}): ${problems.join('; ')}`;
}
