/**
 * Micro-benchmark of the SLA engine: evaluates 100,000 open instances with a realistic mix (office
 * hours in Amsterdam with holidays, three stages, reminders, two escalation levels with repeats, an
 * attempts rule, zero to eight touches per lead, some acknowledgements, silences and an outage) and
 * prints wall time, CPU time, heap and RSS. Target: under one second for the 100,000.
 *
 *   node bench/engine.bench.ts [count]
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compileCalendar } from '../src/domain/calendar/compile.ts';
import type { EvaluationInput } from '../src/domain/evaluation.ts';
import type { Acknowledgement, Silence, SlaInstance, Touch } from '../src/domain/model.ts';
import { instanceId } from '../src/domain/model.ts';
import type { Policy, TouchKind, TouchRule } from '../src/domain/policy.ts';
import { evaluate } from '../src/domain/sla/evaluate.ts';
import { DAY, HOUR, MINUTE } from '../src/domain/time.ts';

// A full collection before each pass, so the pass is not billed for promoting the inputs built before it.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const COUNT = Number(process.argv[2] ?? 100_000);
const NOW = Date.UTC(2026, 2, 31, 10, 17); // Tuesday 12:17 in Amsterdam, just after the DST switch

/** Deterministic PRNG (mulberry32), so every run judges the same instances. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

const office = compileCalendar({
  kind: 'weekly',
  name: 'office',
  zone: 'Europe/Amsterdam',
  hours: ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, startMinute: 510, endMinute: 1050 })),
  holidays: ['2026-04-03', '2026-04-06', '2026-12-25'],
});
const anyTouch: TouchRule = {
  kinds: ['call', 'email', 'meeting'],
  callOutcomes: null,
  outboundOnly: true,
  ownerOnly: true,
  includeBeforeHandoff: false,
};
const dials: TouchRule = {
  ...anyTouch,
  kinds: ['call'],
  callOutcomes: ['Connected', 'No answer', 'Left voicemail', 'Busy'],
};

const policyFor = (stage: string, within: number): Policy => ({
  name: `${stage}-follow-up`,
  stage,
  segment: null,
  calendar: office,
  firstContact: { within, remind: [Math.floor(within * 0.4), Math.floor(within * 0.8)], counts: anyTouch },
  attempts: { required: 6, within: 5 * 9 * HOUR, atMost: 9, minGap: 10 * MINUTE, counts: dials },
  escalate: [
    { level: 0, after: 0, notify: [{ kind: 'owner' }, { kind: 'manager' }], repeat: null },
    {
      level: 1,
      after: 15 * MINUTE,
      notify: [{ kind: 'team_channel' }],
      repeat: { every: 30 * MINUTE, times: 3 },
    },
  ],
  clockStart: stage === 'sql' ? 'owner_assigned' : 'entered',
  restartOnOwnerChange: stage === 'sql',
});
const policies = [policyFor('mql', 4 * HOUR), policyFor('sal', 30 * MINUTE), policyFor('sql', 5 * MINUTE)];
const outages = [{ system: 'hubspot' as const, from: NOW - 2 * DAY, until: NOW - 2 * DAY + 20 * MINUTE }];
const silences: Silence[] = [
  {
    id: 's1',
    scope: { kind: 'owner', ownerId: 'owner-3' },
    from: NOW - HOUR,
    until: NOW + HOUR,
    reason: 'visit',
    by: 'm',
  },
  {
    id: 's2',
    scope: { kind: 'team', team: 'dach' },
    from: NOW - DAY,
    until: NOW + DAY,
    reason: 'offsite',
    by: 'm',
  },
];
const outcomes = ['Connected', 'No answer', 'Left voicemail', 'Busy', 'Wrong number'];
const kinds: TouchKind[] = ['call', 'call', 'call', 'email', 'meeting'];

function makeInput(n: number): EvaluationInput {
  const policy = pick(policies);
  const enteredAt = NOW - Math.floor(rnd() * 8 * DAY);
  const contactId = String(100_000 + n);
  const ownerId = rnd() < 0.05 ? null : `owner-${Math.floor(rnd() * 40)}`;
  const lead = {
    objectType: 'contact' as const,
    objectId: contactId,
    contactId,
    firstName: 'Ana',
    lastName: 'Díaz',
    company: 'Acme',
    email: 'ana@example.com',
    phone: null,
    jobTitle: null,
    score: 50,
    source: 'PAID_SEARCH',
    recentConversion: null,
    recentConversionAt: null,
    country: 'NL',
    url: `https://app.hubspot.com/contacts/1/record/0-1/${contactId}`,
    properties: {},
  };
  const changed = rnd() < 0.1 ? enteredAt + Math.floor(rnd() * HOUR) : null;
  const instance: SlaInstance = {
    id: instanceId({ lead, stage: policy.stage, enteredAt }),
    lead,
    stage: policy.stage,
    policyName: policy.name,
    enteredAt,
    ownerId,
    ownerAssignedAt: ownerId === null ? null : enteredAt - Math.floor(rnd() * HOUR) + 30 * MINUTE,
    ownerChangedAt: changed,
    firstSeenAt: enteredAt + Math.floor(rnd() * 90_000),
    closedAt: null,
    closeReason: null,
  };
  const touches: Touch[] = [];
  const touchCount = Math.floor(rnd() * 9);
  for (let t = 0; t < touchCount; t++) {
    const kind = pick(kinds);
    touches.push({
      id: `${kind}:${n}:${t}`,
      kind,
      contactId,
      at: enteredAt - HOUR + Math.floor(rnd() * 3 * DAY),
      ownerId: rnd() < 0.85 ? ownerId : 'owner-99',
      direction: kind === 'meeting' ? null : rnd() < 0.9 ? 'outbound' : 'inbound',
      status: kind === 'call' ? 'COMPLETED' : null,
      outcome: kind === 'call' ? pick(outcomes) : null,
      durationMs: null,
    });
  }
  const acknowledgements: Acknowledgement[] =
    rnd() < 0.3
      ? [{ instanceId: instance.id, by: 'rep', at: enteredAt + Math.floor(rnd() * 10 * MINUTE) }]
      : [];
  return {
    instance,
    policy,
    touches,
    acknowledgements,
    silences,
    team: pick(['benelux', 'dach', null]),
    outages,
  };
}

const inputs = Array.from({ length: COUNT }, (_, n) => makeInput(n));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function run(label: string): void {
  collect();
  const before = process.memoryUsage();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  let due = 0;
  let breached = 0;
  let settled = 0;
  for (const input of inputs) {
    const e = evaluate(input, NOW);
    due += e.due.length;
    if (e.firstContact.state === 'breached') breached += 1;
    if (e.settled) settled += 1;
  }
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  const after = process.memoryUsage();
  process.stdout.write(
    `${label}: ${COUNT.toLocaleString('en')} instances in ${wallMs.toFixed(0)} ms wall, ` +
      `${((used.user + used.system) / 1000).toFixed(0)} ms CPU (${((wallMs * 1000) / COUNT).toFixed(2)} µs each); ` +
      `heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}, RSS ${mb(after.rss)}; ` +
      `${due.toLocaleString('en')} notifications due, ${breached.toLocaleString('en')} breached, ` +
      `${settled.toLocaleString('en')} settled\n`,
  );
}

run('cold');
run('warm');
