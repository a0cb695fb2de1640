import type { SlaConfig } from '../../config/types.ts';
import type { Evaluation } from '../../domain/evaluation.ts';
import type { SlaInstance } from '../../domain/model.ts';
import type { Owner } from '../../ports/crm-source.ts';
import type { InstanceContext } from '../../ports/notifier.ts';
import { ownerById, policyFor, teamOf } from '../shared/teams.ts';

/** What a message about an instance is rendered from. */
export function instanceContext(
  config: SlaConfig,
  owners: readonly Owner[],
  instance: SlaInstance,
  evaluation: Evaluation,
): InstanceContext {
  const owner = ownerById(owners, instance.ownerId);
  const policy = policyFor(config, instance);
  return {
    instance,
    evaluation,
    owner,
    team: teamOf(config, owner),
    policyName: policy?.name ?? instance.policyName,
    attemptsRequired: evaluation.attempts?.required ?? policy?.attempts?.required ?? null,
  };
}
