import type { Instant } from '../domain/time.ts';
import type { OutboxEntry, StoredInstance } from '../ports/store.ts';
import { formatDuration } from '../slack/render/time-format.ts';

/** How one lead fared: what the bot sent about it and the first-contact verdict. */
export interface LeadOutcome {
  readonly lead: string;
  readonly stage: string;
  readonly owner: string;
  /** `owner`: DM to the rep; `fallback`: the rep was unreachable and someone else got it; `no`: not yet. */
  readonly pinged: 'owner' | 'fallback' | 'no';
  readonly verdict: 'met' | 'late' | 'breached' | 'pending' | 'waiting';
  /** `met in 15s`, `contacted 10s late`, `clock starts 14:27:00`, … */
  readonly detail: string;
  readonly reminders: number;
  readonly breaches: number;
  /** Escalation messages (one per person or channel reached). */
  readonly escalations: number;
}

export interface DemoTotals {
  readonly handedOff: number;
  readonly pinged: number;
  readonly viaFallback: number;
  readonly met: number;
  /** Breached, contacted late or not at all. */
  readonly breached: number;
  readonly pending: number;
  readonly reminders: number;
  readonly breachNotes: number;
  readonly escalations: number;
  readonly adminAlerts: number;
  /** Messages no longer worth sending (a reminder whose deadline passed before it could go out). */
  readonly skipped: number;
  /** Messages Slack refused for good. */
  readonly failed: number;
}

export interface DemoSummary {
  readonly leads: readonly LeadOutcome[];
  readonly totals: DemoTotals;
}

export interface SummaryInput {
  readonly instances: readonly StoredInstance[];
  readonly outbox: readonly OutboxEntry[];
  readonly ownerName: (ownerId: string | null) => string;
  readonly stageLabel: (stage: string) => string;
  readonly formatTime: (at: Instant) => string;
  readonly now: Instant;
}

/** The worker records a notification it decided not to send as failed with a `skipped:` reason. */
const isSkipped = (e: OutboxEntry): boolean =>
  e.state === 'failed' && (e.lastError ?? '').startsWith('skipped:');

function verdictOf(s: StoredInstance, now: Instant, formatTime: SummaryInput['formatTime']) {
  const fc = s.evaluation?.firstContact;
  if (!fc || !s.evaluation) return { verdict: 'pending', detail: 'not judged yet' } as const;
  switch (fc.state) {
    case 'met': {
      // The clock waited for office hours, or restarted for a new owner: say how long the lead
      // really waited too.
      const start = s.evaluation.clockStart;
      const how = start === s.instance.ownerChangedAt ? " on the new owner's clock" : ' of office time';
      const waited =
        start > s.instance.enteredAt
          ? `${how} (${formatDuration(fc.at - s.instance.enteredAt)} after it arrived)`
          : '';
      return { verdict: 'met', detail: `met in ${formatDuration(fc.took)}${waited}` } as const;
    }
    case 'breached':
      return fc.contactedAt === null
        ? ({ verdict: 'breached', detail: 'no contact logged' } as const)
        : ({
            verdict: 'late',
            detail: `${fc.contact === 'attempt' ? 'first attempt' : 'contacted'} ${formatDuration(fc.lateBy)} late`,
          } as const);
    case 'pending':
      if (s.evaluation.clockStart > now)
        return { verdict: 'waiting', detail: `clock starts ${formatTime(s.evaluation.clockStart)}` } as const;
      // The store holds the last cycle's verdict; a deadline passed since then is a breach all the same.
      if (fc.deadline < now) return { verdict: 'breached', detail: 'no contact logged' } as const;
      return { verdict: 'pending', detail: `deadline ${formatTime(fc.deadline)}` } as const;
  }
}

/** The closing summary, from what the store recorded: instances, verdicts and the outbox. */
export function summarize(input: SummaryInput): DemoSummary {
  const sent = input.outbox.filter((e) => e.state === 'sent');
  const leads = [...input.instances]
    .sort((a, b) => a.instance.enteredAt - b.instance.enteredAt)
    .map((s): LeadOutcome => {
      const { instance } = s;
      const mine = sent.filter((e) => e.instanceId === instance.id);
      const count = (kind: OutboxEntry['kind']) => mine.filter((e) => e.kind === kind).length;
      const ping = mine.find((e) => e.kind === 'handoff');
      const { lead } = instance;
      const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ') || lead.objectId;
      return {
        lead: lead.company ? `${name} (${lead.company})` : name,
        stage: input.stageLabel(instance.stage),
        owner: input.ownerName(instance.ownerId),
        pinged: ping === undefined ? 'no' : ping.fallback === null ? 'owner' : 'fallback',
        ...verdictOf(s, input.now, input.formatTime),
        reminders: count('reminder'),
        breaches: count('breach'),
        escalations: count('escalation'),
      };
    });
  const verdicts = (...vs: LeadOutcome['verdict'][]) => leads.filter((l) => vs.includes(l.verdict)).length;
  return {
    leads,
    totals: {
      handedOff: leads.length,
      pinged: leads.filter((l) => l.pinged !== 'no').length,
      viaFallback: leads.filter((l) => l.pinged === 'fallback').length,
      met: verdicts('met'),
      breached: verdicts('late', 'breached'),
      pending: verdicts('pending', 'waiting'),
      reminders: leads.reduce((n, l) => n + l.reminders, 0),
      breachNotes: leads.reduce((n, l) => n + l.breaches, 0),
      escalations: leads.reduce((n, l) => n + l.escalations, 0),
      adminAlerts: sent.filter((e) => e.kind === 'admin_alert').length,
      skipped: input.outbox.filter(isSkipped).length,
      failed: input.outbox.filter((e) => e.state === 'failed' && !isSkipped(e)).length,
    },
  };
}
