import { DAY, type Instant } from '../time.ts';
import type { Keyed } from './breakdown.ts';
import { countOf, type Figure, figure } from './figure.ts';
import { groupBy, type InstanceRecord } from './instance-record.ts';

/** Age of an open, uncontacted lead since it entered its stage (lower bound included). */
export const AGE_BUCKETS = [
  { key: 'under-1w', label: 'under a week', from: 0, below: 7 * DAY },
  { key: '1w-2w', label: '1–2 weeks', from: 7 * DAY, below: 14 * DAY },
  { key: '2w-1m', label: '2 weeks–1 month', from: 14 * DAY, below: 30 * DAY },
  { key: '1m+', label: 'a month or more', from: 30 * DAY, below: Number.POSITIVE_INFINITY },
] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number]['key'];

export interface UncontactedRow extends Keyed {
  readonly team: string | null;
  readonly total: Figure;
  readonly ages: Readonly<Record<AgeBucket, Figure>>;
  /** Age (ms) of the oldest one. */
  readonly oldest: Figure;
}

export interface Uncontacted {
  readonly total: UncontactedRow;
  readonly byOwner: readonly UncontactedRow[];
}

/** Open now and no contact at all (whatever the verdict on the deadline). */
export const isUncontacted = (r: InstanceRecord): boolean => r.closedAt === null && r.contactedAt === null;

function row(
  group: Keyed,
  team: string | null,
  records: readonly InstanceRecord[],
  now: Instant,
): UncontactedRow {
  const age = (r: InstanceRecord) => Math.max(0, now - r.enteredAt);
  const bucket = (key: AgeBucket): Figure => {
    const b = AGE_BUCKETS.find((x) => x.key === key) ?? AGE_BUCKETS[0];
    return countOf(records.filter((r) => age(r) >= b.from && age(r) < b.below).map((r) => r.id));
  };
  const oldest = records.reduce<InstanceRecord | null>(
    (o, r) => (o === null || r.enteredAt < o.enteredAt ? r : o),
    null,
  );
  return {
    key: group.key,
    label: group.label,
    team,
    total: countOf(records.map((r) => r.id)),
    ages: {
      'under-1w': bucket('under-1w'),
      '1w-2w': bucket('1w-2w'),
      '2w-1m': bucket('2w-1m'),
      '1m+': bucket('1m+'),
    },
    oldest: oldest === null ? figure(null, []) : figure(age(oldest), [oldest.id]),
  };
}

/** Open leads nobody has contacted yet, aged, per owner (most first). */
export function uncontacted(records: readonly InstanceRecord[], now: Instant): Uncontacted {
  const open = records.filter(isUncontacted);
  const owners = groupBy(open, (r) => r.owner.key);
  const byOwner = [...owners.values()]
    .map((list) => {
      const owner = (list[0] as InstanceRecord).owner;
      return row({ key: owner.key, label: owner.label }, owner.team, list, now);
    })
    .sort((a, b) => (b.total.value ?? 0) - (a.total.value ?? 0) || a.label.localeCompare(b.label));
  return { total: row({ key: 'all', label: 'All owners' }, null, open, now), byOwner };
}
