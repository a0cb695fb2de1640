import type { SlaConfig } from './types.ts';

interface Named {
  readonly name: string;
  readonly value: unknown;
}

/** JSON with calendars by name, maps as entries, and source positions left out (moving a line is no change). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (key, v: unknown) => {
    if (v instanceof Map) return [...v.entries()];
    if (key === 'calendar' && typeof v === 'object' && v !== null && 'name' in v) return v.name;
    if (key === 'at' || key === 'file') return undefined;
    return v;
  });

function diff(before: readonly Named[], after: readonly Named[]): string | null {
  const old = new Map(before.map((n) => [n.name, canonical(n.value)]));
  const now = new Map(after.map((n) => [n.name, canonical(n.value)]));
  const added = [...now.keys()].filter((n) => !old.has(n));
  const removed = [...old.keys()].filter((n) => !now.has(n));
  const changed = [...now.keys()].filter((n) => old.has(n) && old.get(n) !== now.get(n));
  const parts = [
    added.length > 0 ? `added ${added.join(', ')}` : '',
    removed.length > 0 ? `removed ${removed.join(', ')}` : '',
    changed.length > 0 ? `changed ${changed.join(', ')}` : '',
  ].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(', ') : null;
}

const calendars = (c: SlaConfig): Named[] =>
  [...c.calendars.keys()].map((name) => ({ name, value: c.calendarSpecs?.get(name) ?? name }));

/**
 * One line saying what changed between two configs, for hot reload logs and admin messages:
 * `policies: added sql-vip, changed sql-default; calendars: changed office; also changed: poll`.
 */
export function summarizeConfigChange(before: SlaConfig, after: SlaConfig): string {
  const sections = [
    [
      'stages',
      diff(
        before.stages.map((s) => ({ name: s.key, value: s })),
        after.stages.map((s) => ({ name: s.key, value: s })),
      ),
    ],
    [
      'policies',
      diff(
        before.policies.map((p) => ({ name: p.name, value: p })),
        after.policies.map((p) => ({ name: p.name, value: p })),
      ),
    ],
    [
      'teams',
      diff(
        before.teams.map((t) => ({ name: t.name, value: t })),
        after.teams.map((t) => ({ name: t.name, value: t })),
      ),
    ],
    ['calendars', diff(calendars(before), calendars(after))],
  ] as const;
  const parts = sections.flatMap(([what, change]) => (change === null ? [] : [`${what}: ${change}`]));
  const kept = (c: SlaConfig, other: SlaConfig) =>
    c.policies.filter((p) => other.policies.some((o) => o.name === p.name)).map((p) => p.name);
  const settings = (
    ['timezone', 'recycleStages', 'segments', 'poll', 'hubspot', 'slack', 'reports'] as const
  ).filter((key) => canonical(before[key]) !== canonical(after[key]));
  if (kept(before, after).join('\n') !== kept(after, before).join('\n')) parts.push('policies: reordered');
  if (settings.length > 0) parts.push(`also changed: ${settings.join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : 'no changes';
}
