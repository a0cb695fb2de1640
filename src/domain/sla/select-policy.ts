import type { Condition, Policy } from '../policy.ts';

export type Properties = Readonly<Record<string, string | null>>;

/**
 * Whether lead properties satisfy a segment condition. Values compare exactly (HubSpot returns
 * enumeration values verbatim). A missing or empty property equals nothing and is in no list, so
 * `notIn` accepts it. `all` of nothing is true; `any` of nothing is false.
 */
export function matchesCondition(condition: Condition, properties: Properties): boolean {
  if ('all' in condition) return condition.all.every((c) => matchesCondition(c, properties));
  if ('any' in condition) return condition.any.some((c) => matchesCondition(c, properties));
  const raw = properties[condition.property];
  const value = raw === undefined || raw === '' ? null : raw;
  if ('equals' in condition) return value !== null && value === condition.equals;
  if ('in' in condition) return value !== null && condition.in.includes(value);
  return value === null || !condition.notIn.includes(value);
}

/** The first policy for the stage whose segment (if any) the lead matches; null when none does. */
export function selectPolicy(
  policies: readonly Policy[],
  stage: string,
  properties: Properties,
): Policy | null {
  for (const policy of policies) {
    if (policy.stage !== stage) continue;
    if (policy.segment === null || matchesCondition(policy.segment, properties)) return policy;
  }
  return null;
}
