import { describe, expect, it } from 'vitest';
import { BATCH_BOT_TOKEN, BatchBot } from '../../bench/live/batch-baseline.ts';
import { startWorld } from '../../bench/live/world.ts';
import { systemClock } from '../../src/clock/system-clock.ts';

describe("the bench's portal", () => {
  it('is Starter with the exemptions the platform contract cites (HR-1, HR-5), nothing kinder', async () => {
    const now = systemClock.now();
    await using world = await startWorld({
      open: 30,
      spare: 0,
      latencyMs: 1,
      flatNetwork: true,
      indexLagMs: 0,
      now,
    });
    const limits = world.hubspot.limits;
    expect(limits).toMatchObject({ tier: 'starter', tenSecondly: 100, daily: 250_000 });
    const bot = new BatchBot(
      world.hubspot.url,
      world.open.map((c) => c.id),
      now,
      0,
    );
    // A search and an associations batch read: outside the 10-second window, counted for the day.
    await bot.cycle();
    expect(limits?.peakTenSecondly(BATCH_BOT_TOKEN)).toBe(0);
    expect(limits?.requestsToday(BATCH_BOT_TOKEN)).toBe(2);
    // A plain batch read of calls: in the window and in the day.
    const lead = world.open[0]?.id ?? '';
    world.hubspot.state.logCall(lead);
    await bot.cycle();
    expect(limits?.peakTenSecondly(BATCH_BOT_TOKEN)).toBe(1);
    expect(limits?.requestsToday(BATCH_BOT_TOKEN)).toBe(5);
  });
});
