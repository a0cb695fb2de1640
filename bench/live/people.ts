/** The sales organisation of the bench: five teams of ten reps, a manager and a channel each. */
export interface BenchTeam {
  readonly name: string;
  readonly manager: string;
  readonly members: readonly string[];
  readonly channel: string;
}

const TEAM_NAMES = ['benelux', 'dach', 'nordics', 'france', 'iberia'] as const;
export const REPS_PER_TEAM = 10;

export const TEAMS: readonly BenchTeam[] = TEAM_NAMES.map((name) => ({
  name,
  manager: `${name}.manager@example.com`,
  members: Array.from({ length: REPS_PER_TEAM }, (_, i) => `${name}.rep${i + 1}@example.com`),
  channel: `sales-${name}`,
}));

export const REPS: readonly string[] = TEAMS.flatMap((t) => t.members);
export const MANAGERS: readonly string[] = TEAMS.map((t) => t.manager);
export const ADMIN = 'ops@example.com';
