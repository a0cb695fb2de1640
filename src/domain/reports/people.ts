import type { PersonFacts, ReportSetup, TeamFacts } from './facts.ts';

/** Who owns a lead, as reports show it: a name or e-mail, and the team by e-mail. */
export interface OwnerView {
  /** Grouping key: the HubSpot owner id, or `unassigned`. */
  readonly key: string;
  readonly label: string;
  readonly email: string | null;
  readonly team: string | null;
}

export const UNASSIGNED = 'unassigned';
export const NO_TEAM = 'no-team';

const nameOf = (p: PersonFacts): string | null => {
  const name = [p.firstName, p.lastName].filter((s) => s !== null && s.trim() !== '').join(' ');
  return name === '' ? null : name;
};

export function teamOfEmail(teams: readonly TeamFacts[], email: string | null): string | null {
  const e = email?.toLowerCase();
  if (!e) return null;
  const member = teams.find((t) => t.members.some((m) => m.toLowerCase() === e));
  return (member ?? teams.find((t) => t.manager.toLowerCase() === e))?.name ?? null;
}

/** Builds the owner lookup once per report (owners by id; unknown owners show as their id). */
export function ownerViews(
  setup: Pick<ReportSetup, 'owners' | 'teams'>,
): (ownerId: string | null) => OwnerView {
  const byId = new Map((setup.owners ?? []).map((o) => [o.id, o]));
  const cache = new Map<string, OwnerView>();
  return (ownerId) => {
    if (ownerId === null) return { key: UNASSIGNED, label: 'Unassigned', email: null, team: null };
    const hit = cache.get(ownerId);
    if (hit) return hit;
    const person = byId.get(ownerId);
    const email = person?.email ?? null;
    const view: OwnerView = {
      key: ownerId,
      label: (person && (nameOf(person) ?? email)) ?? `owner ${ownerId}`,
      email,
      team: teamOfEmail(setup.teams, email),
    };
    cache.set(ownerId, view);
    return view;
  };
}
