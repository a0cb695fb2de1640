import { afterEach, describe, expect, it } from 'vitest';
import type { LeadSnapshot } from '../../src/domain/model.ts';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import { blocksMarkup } from '../../src/sandbox/slack/content-markup.ts';
import type { Markup } from '../../src/sandbox/slack/markup.ts';
import { currentContent } from '../../src/sandbox/slack/message-log.ts';
import { createSlackNotifier } from '../../src/slack/notifier.ts';
import { createSendQueue } from '../../src/slack/send-queue.ts';
import { createSlackWebClient } from '../../src/slack/web-client.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { type Intended, markupOf, unintended } from './support/block-kit.ts';
import { FakeSlackStore } from './support/fake-slack-store.ts';
import {
  context,
  deadline,
  delivery,
  edit,
  evaluation,
  instance,
  notification,
  slackConfig,
  snapshot,
  T0,
} from './support/fixtures.ts';
import { fakeSleep, silentLogger } from './support/harness.ts';
import { everyMessageKind, ownerNamed, REASONS } from './support/message-kinds.ts';

/** The example, and every other way to make Slack mention or link something. */
const NAMED = '<!channel> <@U1> <https://evil.example|x>';
const EVERYTHING =
  `${NAMED} <!here> <!everyone> <!here|here> <!subteam^S1> <#C1> <@W2|boss> <mailto:a@evil.example|mail> ` +
  '@here @channel @everyone #general https://evil.example/a?b=1&c=2 www.evil.example evil@evil.example ' +
  'x> <y | z ` *bold* &amp; &lt;!channel&gt;';

/** A form fill with `text` in every field HubSpot hands us. */
const hostileLead = (text: string): LeadSnapshot =>
  snapshot({
    firstName: text,
    lastName: text,
    company: text,
    email: text,
    phone: text,
    jobTitle: text,
    source: text,
    recentConversion: text,
    country: text,
  });

/**
 * The product's own links: the HubSpot record, a phone link made of digits only, the report dashboard
 * and a lead's timeline on it (the instance id URL-encoded, so the lead's data cannot end the link).
 */
const intendedLinks =
  (lead: LeadSnapshot) =>
  (url: string): boolean =>
    url === lead.url ||
    url === `tel:${(lead.phone ?? '').replace(/[^\d+]/g, '')}` ||
    url.startsWith('https://sla.example.com/dashboard?') ||
    /^https:\/\/sla\.example\.com\/dashboard\/lead\?id=[A-Za-z0-9%._~-]+(&lang=(nl|de))?$/.test(url);

describe('a lead named like a Slack command mentions nobody and links nowhere, in every message kind', () => {
  for (const [label, text] of [
    ['the issue example', NAMED],
    ['every markup form', EVERYTHING],
  ] as const) {
    const lead = hostileLead(text);
    for (const ownerSlackId of ['U0OWNER1', null]) {
      const kinds = everyMessageKind({
        lead,
        owner: ownerNamed(text, text),
        ownerSlackId,
        acknowledgedBy: 'slack:U0ACTOR1',
        text,
        long: text,
      });
      const intended: Intended = { users: new Set(['U0OWNER1', 'U0ACTOR1']), link: intendedLinks(lead) };
      for (const rendered of kinds) {
        it(`${rendered.name} (${label}, owner ${ownerSlackId === null ? 'not in Slack' : 'in Slack'})`, () => {
          expect(unintended(markupOf(rendered), intended)).toEqual([]);
        });
      }
    }
  }

  it('the checks see the product’s own mentions and links (they are not vacuous)', () => {
    const kinds = everyMessageKind({
      lead: snapshot(),
      owner: ownerNamed('Bram', 'bram@example.com'),
      ownerSlackId: 'U0OWNER1',
      acknowledgedBy: 'slack:U0ACTOR1',
      text: 'SQL',
      long: 'Student',
    });
    const all = kinds.map(markupOf);
    expect(all.flatMap((m) => m.mentions)).toContainEqual(
      expect.objectContaining({ kind: 'user', id: 'U0ACTOR1' }),
    );
    expect(all.flatMap((m) => m.links)).toContainEqual(
      expect.objectContaining({ url: snapshot().url, auto: false }),
    );
    expect(all.flatMap((m) => m.links)).toContainEqual(
      expect.objectContaining({ url: 'mailto:jane@acme.example', label: 'jane@acme.example' }),
    );
  });
});

describe('through the notifier into the Slack sandbox, a hostile lead mentions nobody and links nowhere', () => {
  let sandbox: SlackSandbox | null = null;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = null;
  });

  it('in every notification kind, owner and fallback copies, the updated ping, admin alerts and App Home', async () => {
    const clock = new FakeClock(T0);
    sandbox = await startSlackSandbox({ clock });
    const bram = sandbox.state.addUser({ email: 'bram@example.com', tz: 'Europe/Amsterdam' });
    sandbox.state.addUser({ email: 'anna@example.com' });
    sandbox.state.addChannel({ name: 'sales-benelux', botIsMember: true });
    sandbox.state.addChannel({ name: 'sla-admins', botIsMember: true });
    sandbox.state.addChannel({ name: 'general', botIsMember: true });
    const logger = silentLogger();
    const client = createSlackWebClient('xoxb-sandbox', { apiUrl: sandbox.url, logger });
    const queue = createSendQueue({ clock, logger, sleep: fakeSleep(clock).sleep });
    const lead = hostileLead(EVERYTHING);
    const ctx = context({
      instance: instance({ lead }),
      owner: ownerNamed(EVERYTHING, 'bram@example.com'),
      evaluation: evaluation({ acknowledged: { instanceId: 'x', by: EVERYTHING, at: T0 } }),
    });
    const send = async (outOfOffice: boolean) => {
      const config = slackConfig({
        outOfOffice: outOfOffice ? [{ email: 'bram@example.com', from: T0 - MINUTE, until: T0 + 9e9 }] : [],
      });
      const store = new FakeSlackStore();
      const notifier = createSlackNotifier({ client, config: () => config, store, clock, logger, queue });

      // Every message updated in place: contacted late, closed as not a fit by someone so named,
      // merged into a record so named, and handed over to another rep (issue 15).
      const contacted = {
        ...ctx,
        evaluation: evaluation({
          firstContact: {
            state: 'breached',
            deadline,
            lateBy: MINUTE,
            contactedAt: deadline + MINUTE,
            excused: false,
          },
        }),
      };
      const updates = [
        { context: ctx, aboutOwner: null },
        { context: contacted, aboutOwner: null },
        {
          context: {
            ...ctx,
            instance: {
              ...ctx.instance,
              closedAt: T0,
              closeReason: 'not_a_fit' as const,
              closeDetail: EVERYTHING,
            },
          },
          aboutOwner: null,
        },
        {
          context: {
            ...ctx,
            instance: {
              ...ctx.instance,
              closedAt: T0,
              closeReason: 'deleted' as const,
              closeDetail: EVERYTHING,
            },
          },
          aboutOwner: null,
        },
        { context: ctx, aboutOwner: 'o-someone-else' },
      ];
      for (const reason of REASONS) {
        for (const target of [{ kind: 'owner' }, { kind: 'manager' }, { kind: 'team_channel' }] as const) {
          const n = notification(reason, [target]);
          const now = clock.now() + SECOND;
          const sent = await notifier.send(delivery({ notification: n, target, context: ctx, now }));
          expect(sent.status).toBe('sent');
          if (sent.status !== 'sent') continue;
          for (const u of updates) {
            clock.advance(2 * SECOND); // chat.update is Tier 3: 50 a minute
            expect(
              (await notifier.update(edit(sent.copies ?? [], { notification: n, now, ...u }))).status,
            ).toBe('edited');
          }
        }
      }
      expect((await notifier.alertAdmins({ key: `admin:${EVERYTHING}`, text: EVERYTHING })).status).toBe(
        'sent',
      );
      const leads = [{ instance: ctx.instance, evaluation: ctx.evaluation, owner: ctx.owner, pingRef: null }];
      expect(await notifier.refreshHome?.('bram@example.com', leads, clock.now())).toEqual({
        status: 'published',
      });
    };
    await send(false);
    await send(true);

    const log = sandbox.state.log;
    const found: Markup[] = [
      ...log.messages.flatMap((m) => [m, ...m.updates].map((c) => c.markup ?? fail(m.ts))),
      ...log.ephemerals.map((e) => e.markup ?? fail(e.ts)),
      ...log.views.map((v) => blocksMarkup(v.view, '/view')),
    ];
    const intended: Intended = { users: new Set([bram.id]), link: intendedLinks(lead) };
    expect(log.messages.length).toBeGreaterThan(30);
    expect(log.views.length).toBeGreaterThan(0);
    expect(found.flatMap((m) => unintended(m, intended))).toEqual([]);
    // The owner in Slack is still named with a mention where that is meant.
    expect(found.flatMap((m) => m.mentions)).toContainEqual(
      expect.objectContaining({ kind: 'user', id: bram.id }),
    );
    expect(currentContent(log.messages[0] ?? fail('none')).text).toContain('&lt;!channel&gt;');
  });
});

function fail(what: string): never {
  throw new Error(`sandbox recorded no markup for ${what}`);
}
