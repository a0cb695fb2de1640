import type { DueNotification, Evaluation, EvaluationInput } from '../../src/domain/evaluation.ts';
import { instanceId, type SlaInstance } from '../../src/domain/model.ts';
import type { LeadEventsResult } from '../../src/domain/sla/index.ts';
import { openedInstance } from '../../src/domain/sla/transitions.ts';
import type { Instant } from '../../src/domain/time.ts';
import type { Engine, LeadEventsInput } from '../../src/worker/engine.ts';

/**
 * A deliberately small stand-in for the SLA engine (src/domain/sla/), so worker tests do not
 * depend on its details: clock starts at `enteredAt`, deadline = start + `within` (business time of
 * the policy's calendar), handoff ping when first seen, reminders, one breach, escalation levels
 * without repeats. A breach whose deadline falls in an outage is excused.
 */
export const simpleEngine: Engine = {
  applyLeadEvents(input: LeadEventsInput): LeadEventsResult {
    const open = new Map(input.open.map((i) => [i.id, i]));
    const opened: SlaInstance[] = [];
    const updated = new Map<string, SlaInstance>();
    const closed: LeadEventsResult['closed'][number][] = [];
    for (const h of input.handoffs) {
      const id = instanceId(h);
      if (open.has(id)) continue;
      const policy = input.config.policies.find((p) => p.stage === h.stage);
      if (!policy) continue;
      const instance = openedInstance(h, policy.name, input.now);
      open.set(id, instance);
      opened.push(instance);
    }
    for (const c of input.changes) {
      for (const i of open.values()) {
        if (i.lead.objectId !== c.objectId || i.closedAt !== null) continue;
        if (c.kind === 'owner_changed') {
          const next = { ...i, ownerId: c.ownerId, ownerAssignedAt: c.at };
          open.set(i.id, next);
          if (opened.some((o) => o.id === i.id))
            opened.splice(
              opened.findIndex((o) => o.id === i.id),
              1,
              next,
            );
          else updated.set(i.id, next);
        } else {
          closed.push({ instanceId: i.id, at: c.at, reason: c.kind === 'deleted' ? 'deleted' : 'recycled' });
          open.set(i.id, { ...i, closedAt: c.at });
        }
      }
    }
    return { opened, updated: [...updated.values()], closed, unmatched: [] };
  },

  evaluate(input: EvaluationInput, now: Instant): Evaluation {
    const { instance, policy } = input;
    const start = instance.enteredAt;
    const deadline = policy.calendar.addBusinessTime(start, policy.firstContact.within);
    const counts = policy.firstContact.counts;
    const contact = input.touches
      .filter((t) => counts.kinds.includes(t.kind) && (counts.includeBeforeHandoff || t.at >= start))
      .sort((a, b) => a.at - b.at)[0];
    const contactAt = contact && contact.at <= now ? contact.at : null;
    const excused = input.outages.some((o) => deadline >= o.from && deadline < o.until);
    const ack = input.acknowledgements.find((a) => a.instanceId === instance.id) ?? null;
    const due: DueNotification[] = [];
    const future: Instant[] = [];
    const add = (n: Omit<DueNotification, 'instanceId'>) => {
      if (n.dueAt <= now) due.push({ ...n, instanceId: instance.id });
      else future.push(n.dueAt);
    };
    add({
      key: `${instance.id}:handoff`,
      kind: 'handoff',
      dueAt: instance.firstSeenAt,
      targets: [{ kind: 'owner' }],
      reason: { kind: 'handoff', deadline },
    });
    const uncontactedAt = (t: Instant) => contactAt === null || contactAt > t;
    policy.firstContact.remind.forEach((offset, index) => {
      const at = policy.calendar.addBusinessTime(start, offset);
      if (ack === null && uncontactedAt(at))
        add({
          key: `${instance.id}:reminder:${index}`,
          kind: 'reminder',
          dueAt: at,
          targets: [{ kind: 'owner' }],
          reason: { kind: 'reminder', index, deadline, left: Math.max(0, deadline - now) },
        });
    });
    if (uncontactedAt(deadline)) {
      add({
        key: `${instance.id}:breach`,
        kind: 'breach',
        dueAt: deadline,
        targets: [{ kind: 'owner' }],
        reason: { kind: 'breach', deadline, excused },
      });
      for (const level of policy.escalate) {
        const at = deadline + level.after;
        if (uncontactedAt(at))
          add({
            key: `${instance.id}:escalation:${level.level}:0`,
            kind: 'escalation',
            dueAt: at,
            targets: level.notify,
            reason: { kind: 'escalation', level: level.level, repeat: 0, deadline, excused },
          });
      }
    }
    const firstContact: Evaluation['firstContact'] =
      contactAt !== null && contactAt <= deadline
        ? { state: 'met', deadline, at: contactAt, touchId: contact?.id ?? '', took: contactAt - start }
        : now < deadline
          ? { state: 'pending', deadline, atRisk: deadline - now < 60_000, left: deadline - now }
          : {
              state: 'breached',
              deadline,
              lateBy: (contactAt ?? now) - deadline,
              contactedAt: contactAt,
              excused,
            };
    return {
      instanceId: instance.id,
      clockStart: start,
      firstContact,
      attempts: null,
      systemDelay: instance.firstSeenAt - instance.enteredAt,
      repDelay: contactAt === null ? null : contactAt - start,
      acknowledged: ack,
      silenced: [],
      nextDueAt: future.length > 0 ? Math.min(...future) : null,
      due,
      settled: contactAt !== null && future.length === 0,
    };
  },
};
