import { z } from 'zod';
import type { YamlPath } from './problems.ts';
import { SlaFile } from './schema/sla-file.ts';

/**
 * The JSON Schema of the SLA file, generated from the zod schema (input side: what admins write,
 * with defaults). Draft-07, which every YAML language server reads. `config/sla.schema.json` is this,
 * checked in; a test fails when it drifts.
 */
export const slaJsonSchema = (): Record<string, unknown> =>
  z.toJSONSchema(SlaFile, { io: 'input', target: 'draft-7' });

/** The schema as the checked-in file holds it. */
export const renderSlaJsonSchema = (): string => `${JSON.stringify(slaJsonSchema(), null, 2)}\n`;

type JsonSchema = { readonly [key: string]: unknown };
let schema: JsonSchema | null = null;

/**
 * The help text of the key at `path` (what an editor shows for it), e.g. for a key that is missing;
 * null when the path is not in the schema or has no description.
 */
export function describeField(path: YamlPath): string | null {
  schema ??= slaJsonSchema();
  const root = schema;
  const deref = (node: unknown): JsonSchema | null => {
    if (typeof node !== 'object' || node === null) return null;
    const ref = (node as JsonSchema).$ref;
    if (typeof ref !== 'string') return node as JsonSchema;
    const name = ref.replace(/^#\/definitions\//, '');
    return deref((root.definitions as JsonSchema | undefined)?.[name]);
  };
  const child = (node: JsonSchema, segment: string | number): JsonSchema | null => {
    const named =
      typeof segment === 'string' ? deref((node.properties as JsonSchema | undefined)?.[segment]) : null;
    if (named) return named;
    const next = deref(typeof segment === 'number' ? node.items : node.additionalProperties);
    if (next) return next;
    const options = [node.anyOf, node.oneOf, node.allOf].flatMap((o) => (Array.isArray(o) ? o : []));
    for (const option of options) {
      const found = deref(option);
      const inner = found ? child(found, segment) : null;
      if (inner) return inner;
    }
    return null;
  };
  let node: JsonSchema | null = root;
  for (const segment of path) {
    node = node ? child(node, segment) : null;
  }
  return typeof node?.description === 'string' ? node.description : null;
}
