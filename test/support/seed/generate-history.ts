import type { SlaConfig } from '../../../src/config/types.ts';
import type { Acknowledgement, Outage, Silence, SlaInstance, Touch } from '../../../src/domain/model.ts';
import { instanceId } from '../../../src/domain/model.ts';
import type { Policy } from '../../../src/domain/policy.ts';
import { selectPolicy } from '../../../src/domain/sla/index.ts';
import { DAY, HOUR, type Instant, MINUTE, SECOND } from '../../../src/domain/time.ts';
import type { Owner } from '../../../src/ports/crm-source.ts';
import type { Rejection } from '../../../src/ports/store.ts';
import { companyName, FIRST_NAMES, LAST_NAMES } from '../../../src/sandbox/hubspot/people-data.ts';
import { createRandom, type Random } from '../../../src/sandbox/shared/random.ts';
import { seedTouches } from './seed-touches.ts';

export interface SeedOptions {
  readonly config: SlaConfig;
  /** Handoffs to create (later stages opened by progressing leads included). */
  readonly count: number;
  readonly now: Instant;
  /** Handoffs are spread over the last `days` days. */
  readonly days: number;
  readonly seed?: number;
}

/** A plausible history: who got which lead when, what they did, what went wrong around it. */
export interface SeedHistory {
  readonly owners: readonly Owner[];
  readonly instances: readonly { readonly instance: SlaInstance; readonly policy: Policy }[];
  readonly touches: readonly Touch[];
  readonly acknowledgements: readonly Acknowledgement[];
  readonly rejections: readonly Rejection[];
  readonly silences: readonly Silence[];
  readonly outages: readonly Outage[];
}

export function ownersOf(config: SlaConfig): Owner[] {
  const emails = [...new Set(config.teams.flatMap((t) => t.members.map((m) => m.toLowerCase())))];
  return emails.map((email, n) => {
    const [first = 'Rep'] = email.split('@');
    return {
      id: `${9000 + n}`,
      email,
      firstName: first[0]?.toUpperCase() + first.slice(1),
      lastName: null,
      userId: null,
      active: true,
    };
  });
}

/** Deterministic for a seed: the same options always give the same history. */
export function generateHistory(o: SeedOptions): SeedHistory {
  const rnd = createRandom(o.seed ?? 42);
  const owners = ownersOf(o.config);
  const stages = [...o.config.stages]
    .filter((s) => o.config.policies.some((p) => p.stage === s.key))
    .sort((a, b) => a.order - b.order);
  if (stages.length === 0 || owners.length === 0)
    throw new RangeError('seeding needs a stage with a policy and a team member');
  const start = o.now - o.days * DAY;
  const h = {
    instances: [] as SeedHistory['instances'][number][],
    touches: [] as Touch[],
    acks: [] as Acknowledgement[],
    rejections: [] as Rejection[],
  };
  const reasons = o.config.slack.notAFitReasons.length > 0 ? o.config.slack.notAFitReasons : ['Not a fit'];
  let n = 0;
  while (h.instances.length < o.count) {
    n += 1;
    const contactId = `${100000 + n}`;
    const lead = leadSnapshot(contactId, rnd, o.config);
    let at = start + Math.floor(rnd.next() * (o.now - start - 10 * MINUTE));
    for (let s = rnd.int(0, stages.length - 1); s < stages.length && h.instances.length < o.count; s++) {
      const stage = stages[s];
      const policy = stage && selectPolicy(o.config.policies, stage.key, lead.properties);
      if (!stage || !policy || at >= o.now) break;
      const owner = rnd.chance(0.04) ? null : rnd.pick(owners);
      const base: SlaInstance = {
        id: instanceId({ lead, stage: stage.key, enteredAt: at }),
        lead,
        stage: stage.key,
        policyName: policy.name,
        enteredAt: at,
        ownerId: owner?.id ?? null,
        ownerAssignedAt: owner === null ? null : at,
        firstSeenAt: at + (rnd.chance(0.03) ? rnd.int(5, 20) * MINUTE : rnd.int(2, 45) * SECOND),
        closedAt: null,
        closeReason: null,
      };
      const touches = seedTouches(base, policy, rnd, o.now);
      h.touches.push(...touches);
      if (rnd.chance(0.3) && touches.length > 0)
        h.acks.push({
          instanceId: base.id,
          by: `U${owner?.id ?? '0'}`,
          at: base.firstSeenAt + rnd.int(20, 240) * SECOND,
        });
      const next = at + rnd.int(1, 6) * DAY + rnd.int(0, 8) * HOUR;
      const progresses = s + 1 < stages.length && next < o.now && rnd.chance(0.35);
      const rejected = !progresses && at + 2 * DAY < o.now && rnd.chance(0.06);
      const closedAt = progresses ? next : rejected ? at + rnd.int(1, 47) * HOUR : null;
      const instance: SlaInstance = {
        ...base,
        closedAt,
        closeReason: progresses ? 'progressed' : rejected ? 'not_a_fit' : null,
      };
      if (rejected && closedAt !== null)
        h.rejections.push({
          instanceId: instance.id,
          reason: rnd.pick(reasons),
          by: owner?.email ?? 'rep',
          at: closedAt,
        });
      h.instances.push({ instance, policy });
      if (!progresses) break;
      at = next;
    }
  }
  const teams = o.config.teams;
  return {
    owners,
    instances: h.instances,
    touches: h.touches,
    acknowledgements: h.acks,
    rejections: h.rejections,
    silences:
      teams.length === 0
        ? []
        : [
            {
              id: 'seed-silence',
              scope: { kind: 'team', team: rnd.pick(teams).name },
              from: o.now - 3 * DAY,
              until: o.now - 3 * DAY + 3 * HOUR,
              reason: 'team offsite',
              by: 'manager',
            },
          ],
    outages: [{ system: 'hubspot', from: o.now - 10 * DAY, until: o.now - 10 * DAY + 40 * MINUTE }],
  };
}

function leadSnapshot(contactId: string, rnd: Random, config: SlaConfig): SlaInstance['lead'] {
  const firstName = rnd.pick(FIRST_NAMES);
  const lastName = rnd.pick(LAST_NAMES);
  const portal = config.hubspot.portalId ?? '0';
  return {
    objectType: 'contact',
    objectId: contactId,
    contactId,
    firstName,
    lastName,
    company: companyName(rnd.pick),
    email: `${firstName}.${lastName}@example.com`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
    phone: `+31 20 ${rnd.int(100, 999)} ${rnd.int(1000, 9999)}`,
    jobTitle: null,
    score: rnd.int(10, 100),
    source: rnd.pick(['PAID_SEARCH', 'ORGANIC_SEARCH', 'EMAIL_MARKETING', 'REFERRALS']),
    recentConversion: null,
    recentConversionAt: null,
    country: 'NL',
    url: `${config.hubspot.appBaseUrl}/contacts/${portal}/record/0-1/${contactId}`,
    properties: {},
  };
}
