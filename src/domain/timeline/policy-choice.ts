import type { SlaInstance } from '../model.ts';
import type { Condition, Policy } from '../policy.ts';
import { matchesCondition, selectPolicy } from '../sla/select-policy.ts';
import type { PolicyChoice, SegmentRef, TimelineConfig } from './types.ts';

/** The segment's name in the file (a named segment is the same object), else `null`: inline. */
function segmentRef(condition: Condition, segments: TimelineConfig['segments']): SegmentRef {
  for (const [name, c] of segments) if (c === condition) return { name, condition };
  return { name: null, condition };
}

/**
 * Which policy the current SLA file picks for the stored lead snapshot, with `selectPolicy` (the
 * function the worker opens instances with), and the stage's earlier policies it passed over.
 */
export function policyChoice(instance: SlaInstance, config: TimelineConfig): PolicyChoice {
  const properties = instance.lead.properties;
  const matched = selectPolicy(config.policies, instance.stage, properties);
  const skipped: { policy: string; segment: SegmentRef }[] = [];
  for (const p of config.policies) {
    if (p === matched) break;
    if (p.stage !== instance.stage || p.segment === null) continue;
    if (!matchesCondition(p.segment, properties))
      skipped.push({ policy: p.name, segment: segmentRef(p.segment, config.segments) });
  }
  return {
    matched: matched?.name ?? null,
    segment: matched?.segment ? segmentRef(matched.segment, config.segments) : null,
    skipped,
    storedGone: !config.policies.some((p) => p.name === instance.policyName && p.stage === instance.stage),
  };
}

/** The policy to judge the instance by: the one it was opened under, else the one chosen now. */
export function policyOf(instance: SlaInstance, config: TimelineConfig): Policy | null {
  return (
    config.policies.find((p) => p.name === instance.policyName && p.stage === instance.stage) ??
    selectPolicy(config.policies, instance.stage, instance.lead.properties)
  );
}
