import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../src/domain/time.ts';
import { portalTime } from '../../src/hubspot/daily-pause.ts';
import { type AdminAlertBody, adminAlertBody, adminMessage } from '../../src/i18n/admin-message.ts';
import type { Language } from '../../src/i18n/language.ts';
import { translator } from '../../src/i18n/translate.ts';
import type { NewOutboxEntry } from '../../src/ports/store.ts';
import { createAdminNotice } from '../../src/slack/admin-notice.ts';
import { renderAdminAlert } from '../../src/slack/render/admin-alert.ts';
import { adminAlertText } from '../../src/slack/render/admin-alert-text.ts';
import { unreachable } from '../../src/slack/unreachable.ts';
import { configRejectedAlert } from '../../src/worker/config-reloader.ts';
import { deliveryFailedAlert } from '../../src/worker/delivery/deliver-outbox.ts';
import { downtimeAlert } from '../../src/worker/downtime.ts';
import { dailyLimitAlert, dailyLowAlert } from '../../src/worker/observe/hubspot-budget.ts';
import { OutageTracker } from '../../src/worker/outage-tracker.ts';
import { ownerProblemAlerts } from '../../src/worker/shared/owner-problems.ts';
import { startupAlertMessage } from '../../src/worker/startup-retry.ts';
import { writeBackFailedAlert } from '../../src/worker/write-back/apply-write-backs.ts';
import { captureLogger } from '../fakes/logger.ts';
import { owner, testConfig } from '../fakes/sla-fixtures.ts';
import { slaInstance, T0 } from '../store/builders.ts';

/**
 * Every kind of admin alert, built by the code that raises it and rendered as Slack gets it, in each
 * language (`__snapshots__/admin-alerts.<lang>.txt`, issue 19). The outbox keeps key and values; the
 * text is made at delivery in each admin's language.
 */
const LANGUAGES: Readonly<Record<string, Language>> = {
  en: { code: 'en', informal: false },
  nl: { code: 'nl', informal: false },
  de: { code: 'de', informal: false },
};

const OLD_TEXT = 'HubSpot has been failing since 2026-03-02T09:00:00.000Z (503).';

const body = (e: NewOutboxEntry): AdminAlertBody => {
  const b = adminAlertBody(e.payload);
  if (b === null) throw new Error(`not an admin alert: ${e.key}`);
  return b;
};

async function everyAlert(): Promise<[string, NewOutboxEntry][]> {
  const tracker = new OutageTracker(5 * MINUTE);
  tracker.failure('hubspot', T0, 'HubSpot 503');
  const started = tracker.failure('hubspot', T0 + 6 * MINUTE, 'HubSpot 503');
  const ended = tracker.success('hubspot', T0 + 40 * MINUTE);
  if (started.kind !== 'started' || ended.kind !== 'ended') throw new Error('tracker steps');
  const config = testConfig({ timezone: 'Europe/Amsterdam' });
  const inactive = { ...slaInstance(1), ownerId: 'o1' };
  const unknown = {
    ...slaInstance(2, { lead: { ...slaInstance(2).lead, firstName: null, lastName: null, email: null } }),
    ownerId: 'o404',
  };
  const owners = ownerProblemAlerts({
    config,
    instances: [inactive, unknown],
    owners: [{ ...owner('o1', 'bram@example.com'), active: false }],
    ownersFresh: true,
    now: T0 + HOUR,
    unknownGrace: 20 * MINUTE,
  });
  const queued: NewOutboxEntry[] = [];
  const notice = createAdminNotice({
    store: { enqueue: async (entries) => void queued.push(...entries) },
    logger: captureLogger().logger,
  });
  await notice(
    unreachable('bram@example.com', 'users_not_found'),
    ['#sales-benelux', 'anna@example.com'],
    T0,
  );
  await notice(unreachable('#sales-dach', 'not_in_channel'), [], T0);
  const startup = (keepsTrying: boolean) =>
    ({
      key: 'admin:startup',
      instanceId: null,
      kind: 'admin_alert',
      target: null,
      payload: {
        message: startupAlertMessage({
          system: 'hubspot',
          since: T0,
          reason: 'HUBSPOT_SERVER: HubSpot answered 503',
          attempts: 11,
          keepsTrying,
        }),
      },
      dueAt: T0,
    }) satisfies NewOutboxEntry;
  const raw = (key: string, message: ReturnType<typeof adminMessage>): NewOutboxEntry => ({
    key,
    instanceId: null,
    kind: 'admin_alert',
    target: null,
    payload: { key, message },
    dueAt: T0,
  });
  const midnight = Date.UTC(2026, 2, 2, 23, 0);
  const all: [string, NewOutboxEntry][] = [
    ['outage started', started.alert],
    ['outage ended', ended.alert],
    [
      'sla-bot was down',
      downtimeAlert({ system: 'worker', from: T0, until: T0 + 95 * MINUTE }, T0 + 95 * MINUTE),
    ],
    ['start-up failing, keeps trying', startup(true)],
    ['start-up failing, run --once gives up', startup(false)],
    ['HubSpot daily budget low', dailyLowAlert({ limit: 250_000, remaining: 49_999 }, '2026-03-02', T0)],
    [
      'HubSpot daily limit used up',
      dailyLimitAlert({ until: midnight, zone: 'Europe/Amsterdam', nextProbeAt: T0 + 15 * MINUTE }, T0),
    ],
    [
      'message given up on',
      deliveryFailedAlert({ key: 'handoff:i1:owner', kind: 'handoff' }, 'channel_not_found', T0),
    ],
    ...(['outcome', 'breach_task', 'retract_task'] as const).map((kind): [string, NewOutboxEntry] => [
      `HubSpot refuses write-back: ${kind}`,
      writeBackFailedAlert(
        kind,
        Object.assign(new Error('Property "sla_bot_status" does not exist'), {
          code: 'PROPERTY_DOESNT_EXIST',
        }),
        T0,
      ),
    ]),
    [
      'SLA file rejected',
      configRejectedAlert(
        'config/sla.yaml',
        ['config/sla.yaml:1:1: poll.every is required'],
        'abcdef0123456789ff',
        T0,
      ),
    ],
    ['owner deactivated', owners[0] as NewOutboxEntry],
    ['owner unknown to HubSpot', owners[1] as NewOutboxEntry],
    ['person not in Slack', queued[0] as NewOutboxEntry],
    ['channel without the bot, nobody to route to', queued[1] as NewOutboxEntry],
    [
      'Slack scopes missing',
      raw(
        'admin:slack-scopes',
        adminMessage('alert.scopes', {
          scopes: [
            'channels:read',
            'groups:read',
            'im:write',
            'im:history',
            'channels:history',
            'groups:history',
          ],
        }),
      ),
    ],
    [
      'channel renamed',
      raw(
        'admin:slack-channel-renamed',
        adminMessage('alert.channel.renamed', {
          name: 'sales-nl',
          where: 'config/sla.yaml:12 (teams.benelux.channel)',
          now: 'sales-benelux',
          id: 'C0SALES',
        }),
      ),
    ],
    [
      'channel not found',
      raw(
        'admin:slack-channel-unknown',
        adminMessage('alert.channel.unknown', {
          name: 'sales-nl',
          where: 'config/sla.yaml:12 (teams.benelux.channel)',
        }),
      ),
    ],
    ['channels cannot be listed', raw('admin:slack-channel-scopes', adminMessage('alert.channel.scopes'))],
    [
      'queued by an older version (finished English text)',
      { ...raw('admin:old', adminMessage('alert.channel.scopes')), payload: { text: OLD_TEXT } },
    ],
  ];
  return all;
}

function texts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) texts(n, out);
  else if (typeof node === 'object' && node !== null) {
    const o = node as Record<string, unknown>;
    if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
    else for (const v of Object.values(o)) texts(v, out);
  }
  return out;
}

describe('every admin alert in every language', () => {
  for (const [name, language] of Object.entries(LANGUAGES)) {
    it(name, async () => {
      const t = translator(language);
      const shown = (await everyAlert()).map(([kind, e]) => {
        const m = renderAdminAlert({ ...body(e), key: e.key }, t);
        return [
          `## ${kind}`,
          `text: ${m.text}`,
          ...texts(m.blocks).map((s) => `  ${s.replaceAll('\n', '\n  ')}`),
        ].join('\n');
      });
      await expect(`${shown.join('\n\n')}\n`).toMatchFileSnapshot(`__snapshots__/admin-alerts.${name}.txt`);
    });
  }

  it('keeps the dedupe keys, and stores values, not text', async () => {
    const alerts = await everyAlert();
    expect(alerts.find(([k]) => k === 'outage started')?.[1]).toMatchObject({
      key: `admin:outage:hubspot:${T0}`,
      payload: {
        message: {
          key: 'alert.outage.start',
          values: { system: 'hubspot', since: T0, error: 'HubSpot 503' },
        },
      },
    });
    expect(alerts.find(([k]) => k === 'owner deactivated')?.[1].key).toMatch(/^admin:owner-inactive:/);
    expect(alerts.find(([k]) => k === 'SLA file rejected')?.[1].key).toBe(
      'admin:config-rejected:abcdef0123456789',
    );
  });

  it('English reads as before messages were stored as keys (dates, portal time, grouped counts)', async () => {
    const en = translator();
    const alerts = new Map(await everyAlert());
    const text = (kind: string) => adminAlertText(body(alerts.get(kind) as NewOutboxEntry), en);
    const i = slaInstance(1);
    const entered = DateTime.fromMillis(i.enteredAt, { zone: 'Europe/Amsterdam' }).toFormat(
      'yyyy-MM-dd HH:mm ZZZZ',
    );
    expect(text('owner deactivated')).toBe(
      `:bust_in_silhouette: Sanne de Vries-1 (SQL, entered ${entered}) is owned by bram@example.com, who is deactivated or ` +
        'archived in HubSpot: nobody is working this lead. Its SLA messages go to the team channel or ' +
        `manager meanwhile. Fix: reassign it in HubSpot: ${i.lead.url}`,
    );
    expect(text('owner unknown to HubSpot')).toContain(
      `contact ${slaInstance(2).lead.contactId} (SQL, entered`,
    );
    const midnight = Date.UTC(2026, 2, 2, 23, 0);
    expect(text('HubSpot daily limit used up')).toContain(
      `at midnight portal time, ${portalTime(midnight, 'Europe/Amsterdam')}. If the limit`,
    );
    expect(text('HubSpot daily limit used up')).toContain(
      `(next ${portalTime(T0 + 15 * MINUTE, 'Europe/Amsterdam')})`,
    );
    expect(text('HubSpot daily budget low')).toContain(
      `${(49_999).toLocaleString('en')} of ${(250_000).toLocaleString('en')} requests left today (20 %)`,
    );
    expect(text('sla-bot was down')).toBe(
      `:rotating_light: sla-bot itself was not running from ${new Date(T0).toISOString()} to ` +
        `${new Date(T0 + 95 * MINUTE).toISOString()} (95 min): no reminders or escalations went out. ` +
        'SLA deadlines in this period are marked as excused; missed work is being caught up now.',
    );
    expect(text('SLA file rejected')).toBe(
      ':x: The SLA file config/sla.yaml was changed but is invalid; the previous version stays in force.\n' +
        '```\nconfig/sla.yaml:1:1: poll.every is required\n```',
    );
  });

  it('a row queued by an older version (finished text) is delivered as it is, in every language', () => {
    const old = { text: OLD_TEXT };
    for (const language of Object.values(LANGUAGES))
      expect(adminAlertText(adminAlertBody(old) as AdminAlertBody, translator(language))).toBe(old.text);
    expect(adminAlertBody({ nothing: 1 })).toBeNull();
    expect(adminAlertBody({ message: { key: 'alert.downtime', values: { from: {} } } })).toBeNull();
  });
});
