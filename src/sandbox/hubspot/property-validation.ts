import type { SandboxResponse } from '../shared/http-types.ts';
import { isRecord } from '../shared/http-types.ts';
import type { PropertyInput } from './crm-data.ts';
import { validationError } from './errors.ts';
import type { HubSpotState } from './hubspot-state.ts';
import type { ObjectType } from './object-types.ts';

interface PropertyProblem {
  readonly isValid: false;
  readonly message: string;
  readonly error: string;
  readonly name: string;
}

/**
 * Checks property values of an API write like HubSpot does: unknown properties, read-only values,
 * invalid enumeration options and unknown owners are a 400 listing each problem.
 */
export function checkWrite(
  state: HubSpotState,
  type: ObjectType,
  raw: unknown,
): { ok: true; properties: PropertyInput } | { ok: false; response: SandboxResponse } {
  if (!isRecord(raw))
    return { ok: false, response: validationError('Invalid input JSON: properties must be an object') };
  const problems: PropertyProblem[] = [];
  const properties: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(raw)) {
    const definition = state.data.catalog.get(type, name);
    const text = value === null || value === undefined ? null : String(value);
    properties[name] = text;
    if (!definition) {
      problems.push(problem(name, `Property "${name}" does not exist`, 'PROPERTY_DOESNT_EXIST'));
    } else if (definition.readOnlyValue || name === 'hs_object_id') {
      problems.push(
        problem(name, `"${name}" is a read only property; its value cannot be set.`, 'READ_ONLY_VALUE'),
      );
    } else if (name === 'hubspot_owner_id' && text !== null && text !== '' && !state.owners.get(text)) {
      problems.push(problem(name, `${text} is not a valid owner id`, 'INVALID_OWNER_ID'));
    } else if (
      definition.type === 'enumeration' &&
      definition.options.length > 0 &&
      text !== null &&
      text !== ''
    ) {
      const allowed = definition.options.map((o) => o.value);
      const chosen = definition.fieldType === 'checkbox' ? text.split(';') : [text];
      for (const v of chosen.filter((c) => !allowed.includes(c)))
        problems.push(
          problem(name, `${v} was not one of the allowed options: ${allowed.join(', ')}`, 'INVALID_OPTION'),
        );
    }
  }
  if (problems.length === 0) return { ok: true, properties };
  return {
    ok: false,
    response: validationError(`Property values were not valid: ${JSON.stringify(problems)}`, {
      errors: problems.map((p) => ({
        message: p.message,
        code: p.error,
        context: { propertyName: [p.name] },
      })),
    }),
  };
}

const problem = (name: string, message: string, error: string): PropertyProblem => ({
  isValid: false,
  message,
  error,
  name,
});
