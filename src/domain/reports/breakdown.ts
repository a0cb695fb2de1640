import type { InstanceRecord } from './instance-record.ts';
import { NO_TEAM } from './people.ts';
import type { Period } from './periods.ts';

/** A row of a table: a group of leads under a key and a label. */
export interface Keyed {
  readonly key: string;
  readonly label: string;
}

/** The same figures for everything, per team, per rep, per stage and per period. */
export interface Breakdown<Row> {
  readonly total: Row;
  readonly byTeam: readonly Row[];
  readonly byRep: readonly Row[];
  readonly byStage: readonly Row[];
  readonly byPeriod: readonly Row[];
}

export interface Dimensions {
  readonly stageLabels: ReadonlyMap<string, string>;
  /** Periods of the window, oldest first; every one gets a row (empty ones too, for charts). */
  readonly periods: readonly Period[];
  readonly periodOf: (r: InstanceRecord) => string;
}

const byLabel = <T extends Keyed>(a: T, b: T): number => a.label.localeCompare(b.label);

function groups(
  records: readonly InstanceRecord[],
  keyOf: (r: InstanceRecord) => string,
): Map<string, InstanceRecord[]> {
  const map = new Map<string, InstanceRecord[]>();
  for (const r of records) {
    const key = keyOf(r);
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  }
  return map;
}

/** Applies `row` to all records and to each group. Teams, reps and stages appear only when they have leads. */
export function breakdown<Row>(
  records: readonly InstanceRecord[],
  d: Dimensions,
  row: (group: Keyed, records: readonly InstanceRecord[]) => Row,
): Breakdown<Row> {
  const teams = groups(records, (r) => r.owner.team ?? NO_TEAM);
  const reps = groups(records, (r) => r.owner.key);
  const stages = groups(records, (r) => r.stage);
  const periods = groups(records, d.periodOf);
  const labelled = (keys: Iterable<string>, label: (k: string) => string) =>
    [...keys].map((key) => ({ key, label: label(key) }));
  const repLabel = (k: string) => reps.get(k)?.[0]?.owner.label ?? k;
  const stageOrder = [...d.stageLabels.keys()];
  return {
    total: row({ key: 'all', label: 'All leads' }, records),
    byTeam: labelled(teams.keys(), (k) => (k === NO_TEAM ? '(no team)' : k))
      .sort(byLabel)
      .map((g) => row(g, teams.get(g.key) ?? [])),
    byRep: labelled(reps.keys(), repLabel)
      .sort(byLabel)
      .map((g) => row(g, reps.get(g.key) ?? [])),
    byStage: labelled(stages.keys(), (k) => d.stageLabels.get(k) ?? k)
      .sort((a, b) => rank(stageOrder, a.key) - rank(stageOrder, b.key))
      .map((g) => row(g, stages.get(g.key) ?? [])),
    byPeriod: d.periods.map((p) => row({ key: p.key, label: p.label }, periods.get(p.key) ?? [])),
  };
}

const rank = (order: readonly string[], key: string): number => {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
};
