import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadSlaConfigText } from '../../src/config/load-sla-config.ts';
import type { SlaConfig } from '../../src/config/types.ts';
import type { Policy } from '../../src/domain/policy.ts';
import { DAY, HOUR, MINUTE } from '../../src/domain/time.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

function load(text: string, file = 'sla.yaml'): SlaConfig {
  const result = loadSlaConfigText(text, file);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.col}: ${p.message}`).join('\n'));
  return result.config;
}

const policy = (config: SlaConfig, name: string): Policy => {
  const found = config.policies.find((p) => p.name === name);
  if (!found) throw new Error(`no policy ${name}`);
  return found;
};

const at = (zone: string, iso: string) => DateTime.fromISO(iso, { zone }).toMillis();

describe('a minimal SLA file', () => {
  const config = load(read('test/fixtures/config/minimal.yaml'), 'minimal.yaml');

  it('gets the default policy: 5m first contact, reminder 2 minutes before, 6 to 9 calls in 5 days', () => {
    const { calendar, ...rest } = policy(config, 'sql-follow-up');
    expect(calendar.name).toBe('24x7');
    expect(rest).toEqual({
      name: 'sql-follow-up',
      stage: 'sql',
      segment: null,
      firstContact: {
        within: 5 * MINUTE,
        remind: [3 * MINUTE],
        counts: {
          kinds: ['call', 'email', 'meeting'],
          callOutcomes: null,
          outboundOnly: true,
          ownerOnly: true,
          includeBeforeHandoff: false,
        },
      },
      attempts: {
        required: 6,
        within: 5 * DAY,
        atMost: 9,
        minGap: null,
        counts: {
          kinds: ['call'],
          callOutcomes: null,
          outboundOnly: true,
          ownerOnly: true,
          includeBeforeHandoff: false,
        },
      },
      escalate: [{ level: 0, after: 0, notify: [{ kind: 'manager' }], repeat: null }],
      clockStart: 'entered',
      restartOnOwnerChange: true,
    } satisfies Omit<Policy, 'calendar'>);
  });

  it('gets the default settings', () => {
    expect(config.file).toBe('minimal.yaml');
    expect(config.timezone).toBe('Europe/Amsterdam');
    expect([...config.calendars.keys()]).toEqual(['24x7']);
    expect(config.recycleStages).toEqual(['subscriber', 'lead', 'other']);
    expect(config.teams).toEqual([]);
    expect(config.poll).toEqual({ every: 'auto', overlap: 10 * MINUTE, backfill: 30 * 24 * 60 * MINUTE });
    expect(config.hubspot).toEqual({
      portalId: null,
      appBaseUrl: 'https://app.hubspot.com',
      budgetShare: 0.5,
      requestsPerTenSeconds: null,
      searchPerSecond: 3,
      writeBack: { enabled: false, createTaskOnBreach: false, notAFitLeadStatus: null },
    });
    expect(config.slack.admins).toEqual([]);
    expect(config.slack.userOverrides).toEqual({});
    expect(config.slack.outOfOffice).toEqual([]);
    expect(config.slack.notAFitReasons.length).toBeGreaterThan(0);
    expect(config.reports).toEqual({ monthlyCommitment: {}, digest: null, dashboardUrl: null });
  });

  it('keeps where each stage is defined, for the HubSpot start-up check', () => {
    expect(config.stages).toEqual([
      {
        key: 'sql',
        label: 'SQL',
        order: 0,
        source: { kind: 'lifecycle_stage', value: 'salesqualifiedlead' },
        at: { file: 'minimal.yaml', line: 4, col: 3 },
      },
    ]);
  });
});

describe('the example config/sla.yaml', () => {
  const config = load(read('config/sla.yaml'), 'config/sla.yaml');

  it('maps each stage to its HubSpot source, in funnel order', () => {
    expect(config.stages.map(({ key, label, order, source }) => ({ key, label, order, source }))).toEqual([
      {
        key: 'mql',
        label: 'MQL',
        order: 0,
        source: { kind: 'lifecycle_stage', value: 'marketingqualifiedlead' },
      },
      {
        key: 'sal',
        label: 'SAL',
        order: 1,
        source: { kind: 'property', property: 'hs_lead_status', equals: 'SALES_ACCEPTED' },
      },
      {
        key: 'sql',
        label: 'SQL',
        order: 2,
        source: { kind: 'lifecycle_stage', value: 'salesqualifiedlead' },
      },
      {
        key: 'inbound_demo',
        label: 'Demo request',
        order: 3,
        source: { kind: 'lead_pipeline', pipeline: 'lead-pipeline-id', stage: 'new-stage-id' },
      },
    ]);
  });

  it('compiles calendars with lunch breaks, holidays, own zones and past-midnight hours', () => {
    const office = config.calendars.get('office');
    const inside = config.calendars.get('inside-sales');
    const night = config.calendars.get('night-desk');
    const ams = (iso: string) => at('Europe/Amsterdam', iso);
    expect(office?.isOpen(ams('2026-03-02T10:00'))).toBe(true);
    expect(office?.isOpen(ams('2026-03-02T12:30'))).toBe(false);
    expect(office?.isOpen(ams('2026-12-25T10:00'))).toBe(false);
    expect(office?.isOpen(ams('2027-01-01T10:00'))).toBe(false);
    expect(inside?.zone).toBe('Europe/London');
    expect(inside?.isOpen(at('Europe/London', '2026-03-07T10:30'))).toBe(true);
    expect(night?.isOpen(ams('2026-03-03T01:30'))).toBe(true);
    expect(night?.isOpen(ams('2026-03-03T03:00'))).toBe(false);
  });

  it('measures days in business-time fields as business days of the calendar', () => {
    expect(policy(config, 'sql-default').attempts?.within).toBe(5 * 8 * HOUR);
    expect(policy(config, 'demo-requests').attempts?.within).toBe(5 * DAY);
  });

  it('turns segments, escalation targets and repeats into what the engine reads', () => {
    const enterprise = policy(config, 'sql-enterprise');
    expect(enterprise.segment).toEqual({ property: 'company_size_band', in: ['1000-4999', '5000+'] });
    expect(enterprise.firstContact.remind).toEqual([2 * MINUTE, 4 * MINUTE]);
    expect(enterprise.escalate[1]).toEqual({
      level: 1,
      after: 15 * MINUTE,
      notify: [{ kind: 'team_channel' }, { kind: 'user', email: 'head.of.sales@example.com' }],
      repeat: { every: 30 * MINUTE, times: 3 },
    });
    expect(policy(config, 'demo-requests').escalate[0]?.notify).toEqual([
      { kind: 'channel', channel: '#demo-desk' },
      { kind: 'manager' },
    ]);
    expect(policy(config, 'mql-paid-benelux').attempts).toBeNull();
    expect(config.segments.get('not_students')).toEqual({
      property: 'job_function',
      notIn: ['Student', 'Job seeker'],
    });
  });

  it('reads teams, out-of-office days and reports in the configured zone', () => {
    expect(config.teams[0]).toEqual({
      name: 'benelux',
      manager: 'anna.manager@example.com',
      members: ['bram@example.com', 'chris@example.com'],
      channel: '#sales-benelux',
    });
    expect(config.slack.outOfOffice).toEqual([
      {
        email: 'eva@example.com',
        from: at('Europe/Amsterdam', '2026-08-03'),
        until: at('Europe/Amsterdam', '2026-08-15'),
      },
    ]);
    expect(config.hubspot.portalId).toBe('12345678');
    expect(config.reports.digest).toEqual({ cron: '0 9 * * MON', timezone: 'Europe/Amsterdam' });
    expect(config.reports.monthlyCommitment).toEqual({ mql: 1776, sql: 533 });
  });
});

describe('writing policies', () => {
  const file = (policies: string) =>
    `timezone: UTC\nstages:\n  sql: { lifecycle_stage: salesqualifiedlead }\npolicies:\n${policies}`;

  it('a deadline of two minutes or less gets no default reminder', () => {
    const config = load(file('  - { name: fast, stage: sql, first_contact: { within: 2m } }\n'));
    expect(policy(config, 'fast').firstContact.remind).toEqual([]);
  });

  it('reminders are sorted and duplicates dropped', () => {
    const config = load(
      file('  - { name: p, stage: sql, first_contact: { within: 1h, remind: [45m, 15m, 15m] } }\n'),
    );
    expect(policy(config, 'p').firstContact.remind).toEqual([15 * MINUTE, 45 * MINUTE]);
  });

  it('escalate: [] means no escalation, and an inline segment works like a named one', () => {
    const config = load(
      file('  - { name: p, stage: sql, escalate: [], segment: { property: country, equals: NL } }\n'),
    );
    expect(policy(config, 'p').escalate).toEqual([]);
    expect(policy(config, 'p').segment).toEqual({ property: 'country', equals: 'NL' });
  });

  it('YAML anchors and merge keys share settings between policies', () => {
    const text = file(
      [
        '  - name: a',
        '    stage: sql',
        '    segment: { property: country, equals: NL }',
        '    first_contact: &fast { within: 10m, remind: [5m] }',
        '    attempts: &calls',
        '      required: 4',
        '      within: 2d',
        '  - name: b',
        '    stage: sql',
        '    first_contact: *fast',
        '    attempts: { <<: *calls, at_most: 5 }',
        '',
      ].join('\n'),
    );
    const b = policy(load(text), 'b');
    expect(b.firstContact.within).toBe(10 * MINUTE);
    expect(b.attempts).toMatchObject({ required: 4, within: 2 * DAY, atMost: 5 });
  });

  it('a mistake inside an anchor is reported where the anchor is written', () => {
    const text = file(
      [
        '  - name: a',
        '    stage: sql',
        '    segment: { property: country, equals: NL }',
        '    first_contact: &fast',
        '      within: 10 min',
        '  - name: b',
        '    stage: sql',
        '    first_contact: *fast',
        '',
      ].join('\n'),
    );
    const result = loadSlaConfigText(text, 'sla.yaml');
    expect(
      result.ok ? [] : result.problems.map((p) => `${p.line}:${p.col}: ${p.message.split(';')[0]}`),
    ).toEqual([
      "9:15: policies[0].first_contact.within: '10 min' is not a duration",
      "9:15: policies[1].first_contact.within: '10 min' is not a duration",
    ]);
  });
});
