import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sendDigests } from '../../../src/reports/digest/send-digests.ts';
import { slackDigestPoster } from '../../../src/reports/digest/slack-digest-poster.ts';
import { createSlackWebClient } from '../../../src/slack/web-client.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { captureLogger } from '../../fakes/logger.ts';
import { at, NOW, setup } from '../../fixtures/reports/hand-computed.ts';
import { factsWithRetracted } from '../../fixtures/reports/retracted.ts';
import { configFor, writeFacts } from '../../fixtures/reports/store-facts.ts';
import { slack } from '../../sandbox/helpers.ts';
import { FakeClock } from '../../support/fake-clock.ts';

const WEEK = { since: at(9, 0), until: at(16, 0) };

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** The weekly digest on a store with a retracted breach (J, benelux) — test/fixtures/reports/retracted.ts. */
describe('weekly digest: a retracted breach counts as met and is said to be corrected', () => {
  it("tells the manager how many of the team's met leads were corrected, and nothing of it where none were", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sla-bot-digest-corrected-'));
    const store = await openStore(join(dir, 'store.sqlite'), { logger: captureLogger('silent').logger });
    cleanup = async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    };
    await writeFacts(store, factsWithRetracted, NOW);
    const sandbox = await slack();
    sandbox.state.addUser({ email: 'anna@example.com' });
    sandbox.state.addUser({ email: 'dieter@example.com' });
    const { logger } = captureLogger('silent');
    const client = createSlackWebClient('xoxb-sandbox', { apiUrl: sandbox.url, logger });
    const poster = slackDigestPoster({
      client,
      clock: new FakeClock(NOW),
      userIdOf: async (email) => (await client.users.lookupByEmail({ email })).user?.id ?? null,
    });
    const outcomes = await sendDigests(
      { store, config: configFor(setup), owners: setup.owners, poster, logger },
      WEEK,
      NOW,
    );
    expect(outcomes.map((o) => o.result.status)).toEqual(['sent', 'sent']);
    const dm = (email: string) =>
      sandbox.state
        .seenBy(email)
        .dms.map((m) => JSON.stringify(m.blocks))
        .join('\n');
    // benelux: D, H and J met (J after its breach was announced); compliance unchanged by it.
    expect(dm('anna@example.com')).toContain(
      '3 handoffs: 3 met (1 corrected: breach retracted, contact logged in time), 0 breached, 0 excused',
    );
    expect(dm('anna@example.com')).toContain('Compliance *100.0%*');
    // dach: K met without a breach ever sent, E breached.
    expect(dm('dieter@example.com')).toContain('2 handoffs: 1 met, 1 breached, 0 excused');
    expect(dm('dieter@example.com')).not.toContain('corrected');
  });
});
