import type { NotificationKind } from '../evaluation.ts';
import type { Keyed } from './breakdown.ts';
import type { MessageFacts } from './facts.ts';
import { type Figure, figure } from './figure.ts';
import type { InstanceRecord } from './instance-record.ts';
import { NO_TEAM } from './people.ts';

export const NOTIFICATION_KINDS = [
  'handoff',
  'reminder',
  'breach',
  'escalation',
  'attempts_shortfall',
  'overkill',
  'reassigned',
] as const satisfies readonly NotificationKind[];

/** What the bot actually sent (from the outbox): notifications, each counted once however many recipients. */
export interface MessageRow extends Keyed {
  readonly sent: Readonly<Record<NotificationKind, Figure>>;
  /** Messages (one per recipient) that failed for good. */
  readonly failed: Figure;
  /** Messages still waiting for delivery. */
  readonly pending: Figure;
}

export interface Messages {
  readonly total: MessageRow;
  readonly byTeam: readonly MessageRow[];
}

function row(group: Keyed, messages: readonly MessageFacts[]): MessageRow {
  const sent = new Map<NotificationKind, Map<string, string>>(NOTIFICATION_KINDS.map((k) => [k, new Map()]));
  const failed: MessageFacts[] = [];
  const pending: MessageFacts[] = [];
  for (const m of messages) {
    if (m.state === 'failed') failed.push(m);
    else if (m.state === 'pending') pending.push(m);
    else if (m.kind !== 'admin_alert') sent.get(m.kind)?.set(m.notificationKey, m.instanceId ?? '');
  }
  const sentOf = (kind: NotificationKind): Figure => {
    const keys = sent.get(kind) ?? new Map<string, string>();
    return figure(keys.size, [...new Set(keys.values())]);
  };
  const rows = (list: readonly MessageFacts[]): Figure =>
    figure(list.length, [...new Set(list.map((m) => m.instanceId ?? ''))]);
  return {
    key: group.key,
    label: group.label,
    sent: {
      handoff: sentOf('handoff'),
      reminder: sentOf('reminder'),
      breach: sentOf('breach'),
      escalation: sentOf('escalation'),
      attempts_shortfall: sentOf('attempts_shortfall'),
      overkill: sentOf('overkill'),
      reassigned: sentOf('reassigned'),
    },
    failed: rows(failed),
    pending: rows(pending),
  };
}

/** Messages about the given leads, in total and per team. Admin alerts are not about leads and are left out. */
export function messageCounts(
  records: readonly InstanceRecord[],
  messages: readonly MessageFacts[],
): Messages {
  const byId = new Map(records.map((r) => [r.id, r]));
  const mine = messages.filter((m) => m.instanceId !== null && byId.has(m.instanceId));
  const teams = new Map<string, MessageFacts[]>();
  for (const m of mine) {
    const team = byId.get(m.instanceId ?? '')?.owner.team ?? NO_TEAM;
    const list = teams.get(team);
    if (list) list.push(m);
    else teams.set(team, [m]);
  }
  return {
    total: row({ key: 'all', label: 'All leads' }, mine),
    byTeam: [...teams.entries()]
      .map(([key, list]) => row({ key, label: key === NO_TEAM ? '(no team)' : key }, list))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}
