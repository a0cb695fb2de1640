import type { SlaConfig } from '../../../src/config/types.ts';
import type { BusinessCalendar } from '../../../src/domain/calendar/business-calendar.ts';
import type { DueNotification, Evaluation, NotificationReason } from '../../../src/domain/evaluation.ts';
import { messageTruth } from '../../../src/domain/message-truth.ts';
import type { LeadSnapshot, SlaInstance } from '../../../src/domain/model.ts';
import type { Target } from '../../../src/domain/policy.ts';
import { MINUTE, SECOND } from '../../../src/domain/time.ts';
import type { Owner } from '../../../src/ports/crm-source.ts';
import type { Delivery, InstanceContext, MessageCopy, MessageEdit } from '../../../src/ports/notifier.ts';

/** 2026-03-10T13:00:00Z, a Tuesday. */
export const T0 = Date.UTC(2026, 2, 10, 13, 0, 0);

const alwaysOpen: BusinessCalendar = {
  name: '24x7',
  zone: 'UTC',
  isOpen: () => true,
  addBusinessTime: (s, d) => s + d,
  businessTimeBetween: (a, b) => Math.max(0, b - a),
  nextOpening: (t) => t,
};

export const slackConfig = (
  slack: Partial<SlaConfig['slack']> = {},
  over: Partial<SlaConfig> = {},
): SlaConfig => ({
  file: 'config/sla.yaml',
  timezone: 'Europe/Amsterdam',
  calendars: new Map([['24x7', alwaysOpen]]),
  stages: [
    {
      key: 'sql',
      label: 'SQL',
      order: 0,
      source: { kind: 'lifecycle_stage', value: 'salesqualifiedlead' },
      at: { file: 'config/sla.yaml', line: 1, col: 1 },
    },
  ],
  recycleStages: ['lead'],
  teams: [
    {
      name: 'benelux',
      manager: 'anna@example.com',
      members: ['bram@example.com', 'chris@example.com'],
      channel: '#sales-benelux',
    },
  ],
  policies: [],
  poll: { every: 30 * SECOND, overlap: 0 },
  hubspot: {
    portalId: '123',
    appBaseUrl: 'https://app.hubspot.com',
    budgetShare: 0.5,
    requestsPerTenSeconds: 100,
    searchPerSecond: 4,
    writeBack: { enabled: false, createTaskOnBreach: false, notAFitLeadStatus: null },
  },
  slack: {
    admins: ['#sla-admins'],
    userOverrides: {},
    outOfOffice: [],
    notAFitReasons: ['Student', 'Job seeker', 'No budget'],
    ...slack,
  },
  reports: { monthlyCommitment: {}, digest: null, dashboardUrl: null },
  segments: new Map(),
  ...over,
});

export const snapshot = (over: Partial<LeadSnapshot> = {}): LeadSnapshot => ({
  objectType: 'contact',
  objectId: '987',
  contactId: '987',
  firstName: 'Jane',
  lastName: 'Doe',
  company: 'Acme & Sons',
  email: 'jane@acme.example',
  phone: '+31 20 123 4567',
  jobTitle: 'Head of Sales',
  score: 87,
  source: 'PAID_SEARCH',
  recentConversion: 'Demo request form',
  recentConversionAt: T0 - 10 * MINUTE,
  country: 'Netherlands',
  url: 'https://app.hubspot.com/contacts/123/record/0-1/987',
  properties: {},
  ...over,
});

export const instance = (over: Partial<SlaInstance> = {}): SlaInstance => ({
  id: `contact:987:sql:${T0}`,
  lead: snapshot(),
  stage: 'sql',
  policyName: 'sql-follow-up',
  enteredAt: T0,
  ownerId: 'o-bram',
  ownerAssignedAt: T0,
  firstSeenAt: T0 + 5 * SECOND,
  closedAt: null,
  closeReason: null,
  ...over,
});

export const deadline = T0 + 5 * MINUTE;

export const evaluation = (over: Partial<Evaluation> = {}): Evaluation => ({
  instanceId: instance().id,
  clockStart: T0,
  firstContact: { state: 'pending', deadline, atRisk: false, left: 5 * MINUTE },
  attempts: null,
  systemDelay: 5 * SECOND,
  repDelay: null,
  acknowledged: null,
  silenced: [],
  nextDueAt: deadline,
  due: [],
  settled: false,
  ...over,
});

export const owner = (over: Partial<Owner> = {}): Owner => ({
  id: 'o-bram',
  email: 'bram@example.com',
  firstName: 'Bram',
  lastName: 'de Vries',
  userId: 'u-1',
  active: true,
  ...over,
});

export const context = (over: Partial<InstanceContext> = {}): InstanceContext => ({
  instance: instance(),
  evaluation: evaluation(),
  owner: owner(),
  team: slackConfig().teams[0] ?? null,
  policyName: 'sql-follow-up',
  attemptsRequired: 6,
  ...over,
});

export const notification = (
  reason: NotificationReason = { kind: 'handoff', deadline },
  targets: readonly Target[] = [{ kind: 'owner' }],
): DueNotification => ({
  key: `${instance().id}:${reason.kind}`,
  kind: reason.kind,
  instanceId: instance().id,
  dueAt: T0 + 5 * SECOND,
  targets,
  reason,
});

export const delivery = (over: Partial<Delivery> = {}): Delivery => {
  const n = over.notification ?? notification();
  const target = over.target ?? n.targets[0] ?? { kind: 'owner' };
  return {
    key: `${n.key}:${target.kind}`,
    notification: n,
    target,
    context: context(),
    now: T0 + 6 * SECOND,
    ...over,
  };
};

/**
 * An update in place of the message sent for `over.notification` (the ping by default) as `copies`,
 * telling what is true for `over.context` (the truth computed as the worker does, unless given).
 */
export const edit = (
  copies: readonly MessageCopy[],
  over: Partial<Omit<MessageEdit, 'copies'>> & { readonly aboutOwner?: string | null } = {},
): MessageEdit => {
  const { aboutOwner = null, ...rest } = over;
  const n = rest.notification ?? notification();
  const ctx = rest.context ?? context();
  return {
    key: `${n.key}:owner`,
    notification: n,
    context: ctx,
    truth: messageTruth({ reason: n.reason, aboutOwner }, ctx.instance, ctx.evaluation),
    copies,
    now: T0 + MINUTE,
    ...rest,
  };
};
