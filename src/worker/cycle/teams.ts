import type { SlaConfig, Team } from '../../config/types.ts';
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
