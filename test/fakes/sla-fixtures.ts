import type { SlaConfig } from '../../src/config/types.ts';
import type { BusinessCalendar } from '../../src/domain/calendar/business-calendar.ts';
import type { Handoff, LeadSnapshot, Touch } from '../../src/domain/model.ts';
import type { Policy, TouchRule } from '../../src/domain/policy.ts';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import type { Owner } from '../../src/ports/crm-source.ts';

/** A 24×7 calendar: business time is wall-clock time. */
export const alwaysOpen: BusinessCalendar = {
  name: '24x7',
  zone: 'UTC',
  isOpen: () => true,
  addBusinessTime: (start, duration) => start + duration,
  businessTimeBetween: (a, b) => Math.max(0, b - a),
  nextOpening: (t) => t,
};

const anyTouch: TouchRule = {
  kinds: ['call', 'email', 'meeting'],
  callOutcomes: null,
  outboundOnly: false,
  ownerOnly: false,
  includeBeforeHandoff: false,
};

export const testPolicy = (overrides: Partial<Policy> = {}): Policy => ({
  name: 'sql-follow-up',
  stage: 'sql',
  segment: null,
  calendar: alwaysOpen,
  firstContact: { within: 5 * MINUTE, remind: [2 * MINUTE], counts: anyTouch },
  attempts: null,
  escalate: [{ level: 0, after: 0, notify: [{ kind: 'manager' }], repeat: null }],
  clockStart: 'entered',
  restartOnOwnerChange: false,
  ...overrides,
});

export const testConfig = (overrides: Partial<SlaConfig> = {}): SlaConfig => ({
  file: 'config/sla.yaml',
  timezone: 'UTC',
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
  teams: [{ name: 'benelux', manager: 'anna@example.com', members: ['bram@example.com'], channel: '#sales' }],
  policies: [testPolicy()],
  poll: { every: 30 * SECOND, overlap: 0 },
  hubspot: {
    portalId: null,
    appBaseUrl: 'https://app.hubspot.com',
    budgetShare: 0.5,
    requestsPerTenSeconds: 100,
    searchPerSecond: 4,
    writeBack: { enabled: false, createTaskOnBreach: false, notAFitLeadStatus: null },
  },
  slack: { admins: ['#sla-admins'], userOverrides: {}, outOfOffice: [], notAFitReasons: [] },
  reports: { monthlyCommitment: {}, digest: null, dashboardUrl: null },
  segments: new Map(),
  ...overrides,
});

export const lead = (id: string): LeadSnapshot => ({
  objectType: 'contact',
  objectId: id,
  contactId: id,
  firstName: 'Lead',
  lastName: id,
  company: null,
  email: `${id}@lead.example`,
  phone: null,
  jobTitle: null,
  score: null,
  source: null,
  recentConversion: null,
  recentConversionAt: null,
  country: null,
  url: `https://app.hubspot.com/contacts/1/record/0-1/${id}`,
  properties: {},
});

export const handoff = (id: string, enteredAt: number, ownerId: string | null = 'o1'): Handoff => ({
  lead: lead(id),
  stage: 'sql',
  enteredAt,
  ownerId,
  ownerAssignedAt: enteredAt,
});

export const call = (id: string, contactId: string, at: number): Touch => ({
  id: `call:${id}`,
  kind: 'call',
  contactId,
  at,
  ownerId: 'o1',
  direction: 'outbound',
  status: 'COMPLETED',
  outcome: 'Connected',
  durationMs: 60_000,
});

export const owner = (id: string, email: string): Owner => ({
  id,
  email,
  firstName: null,
  lastName: null,
  userId: null,
  active: true,
});
