import type { Instant } from '../../domain/time.ts';
import { isoOf } from './crm-data.ts';

export interface SandboxOwner {
  readonly id: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly userId: number;
  readonly type: 'PERSON' | 'QUEUE';
  readonly teams: readonly { readonly id: string; readonly name: string; readonly primary: boolean }[];
  readonly createdAt: Instant;
  archived: boolean;
  updatedAt: Instant;
}

export interface OwnerInput {
  readonly email: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly archived?: boolean;
  /** Team names; the first is primary. */
  readonly teams?: readonly string[];
  readonly type?: 'PERSON' | 'QUEUE';
}

/** HubSpot owners (users who can own records), active and archived. */
export class OwnerDirectory {
  private readonly owners = new Map<string, SandboxOwner>();
  private readonly teamIds = new Map<string, string>();
  private next = 600_001;

  add(input: OwnerInput, at: Instant): SandboxOwner {
    const n = this.next++;
    const [first, last] = namesFrom(input);
    const owner: SandboxOwner = {
      id: String(n),
      email: input.email,
      firstName: input.firstName ?? first,
      lastName: input.lastName ?? last,
      userId: 9_000_000 + n,
      type: input.type ?? 'PERSON',
      teams: (input.teams ?? []).map((name, i) => ({ id: this.teamId(name), name, primary: i === 0 })),
      createdAt: at,
      archived: input.archived ?? false,
      updatedAt: at,
    };
    this.owners.set(owner.id, owner);
    return owner;
  }

  setArchived(id: string, archived: boolean, at: Instant): SandboxOwner {
    const owner = this.owners.get(id);
    if (!owner) throw new RangeError(`sandbox: no owner with id ${id}`);
    owner.archived = archived;
    owner.updatedAt = at;
    return owner;
  }

  get(id: string): SandboxOwner | null {
    return this.owners.get(id) ?? null;
  }

  byEmail(email: string): SandboxOwner | null {
    return [...this.owners.values()].find((o) => o.email.toLowerCase() === email.toLowerCase()) ?? null;
  }

  /** Active owners, or archived ones only (as `archived=true` lists them), in id order. */
  list(archived: boolean): SandboxOwner[] {
    return [...this.owners.values()].filter((o) => o.archived === archived);
  }

  private teamId(name: string): string {
    const known = this.teamIds.get(name);
    if (known) return known;
    const id = String(178_588 + this.teamIds.size);
    this.teamIds.set(name, id);
    return id;
  }
}

/** An owner as the owners API returns it. */
export function ownerJson(owner: SandboxOwner) {
  return {
    id: owner.id,
    email: owner.email,
    type: owner.type,
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.archived ? null : owner.userId,
    userIdIncludingInactive: owner.userId,
    createdAt: isoOf(owner.createdAt),
    updatedAt: isoOf(owner.updatedAt),
    archived: owner.archived,
    ...(owner.teams.length > 0 ? { teams: owner.teams } : {}),
  };
}

function namesFrom(input: OwnerInput): [string, string] {
  const local = input.email.split('@')[0] ?? input.email;
  const [first = local, last = ''] = local.split(/[._-]/);
  const cap = (s: string) => (s === '' ? s : `${s[0]?.toUpperCase()}${s.slice(1)}`);
  return [cap(first), cap(last)];
}
