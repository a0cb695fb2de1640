import type { SlaConfig, Team } from '../../config/types.ts';
import type { SlaInstance } from '../../domain/model.ts';
import type { Policy } from '../../domain/policy.ts';
import type { Owner } from '../../ports/crm-source.ts';

/** The team an owner belongs to (member or manager, by e-mail, case-insensitive). */
export const teamOf = (config: SlaConfig, owner: Owner | null): Team | null => {
  const email = owner?.email?.toLowerCase();
  if (!email) return null;
  return (
    config.teams.find((t) => t.members.some((m) => m.toLowerCase() === email)) ??
    config.teams.find((t) => t.manager.toLowerCase() === email) ??
    null
  );
};

export const ownerById = (owners: readonly Owner[], id: string | null): Owner | null =>
  id === null ? null : (owners.find((o) => o.id === id) ?? null);

/** The policy an instance is judged under: its own by name, else its stage's default. */
export const policyFor = (config: SlaConfig, instance: SlaInstance): Policy | null =>
  config.policies.find((p) => p.name === instance.policyName) ??
  config.policies.find((p) => p.stage === instance.stage && p.segment === null) ??
  null;
