import { describe, expect, it } from 'vitest';
import { DAY, HOUR, SECOND } from '../../src/domain/time.ts';
import {
  ASSUMED_REQUESTS_PER_POLL,
  AUTO_CEILING,
  AUTO_FLOOR,
  assumedPollEvery,
  autoPollEvery,
  PollPace,
  untilMidnight,
} from '../../src/worker/poll/poll-pace.ts';
import { testConfig } from '../fakes/sla-fixtures.ts';

const starter = { limit: 250_000, remaining: 250_000 };

describe('autoPollEvery: the fastest poll whose day stays within the budget share', () => {
  it.each([
    // [requests per poll, daily limit, share, expected seconds]
    [8.7, 250_000, 0.5, 7], // Starter, 10,000 open (bench): 8.7 × 8,640 polls… a day at 7 s = 48 % of 250,000
    [8.7, 250_000, 0.25, 13],
    [8.7, 650_000, 0.5, 5], // Professional: the floor
    [9.3, 1_000_000, 1, 5],
    [40, 250_000, 0.5, 28],
    [400, 250_000, 0.5, 277],
    [2_000, 250_000, 0.5, 300], // the ceiling
  ])('%d requests a poll, %d a day, share %d → every %d s', (perPoll, limit, share, seconds) => {
    const every = autoPollEvery({
      share,
      requestsPerPoll: perPoll,
      daily: { limit, remaining: limit },
      leftToday: DAY,
    });
    expect(every).toBe(seconds * SECOND);
  });

  it('keeps a whole day of polling within the share', () => {
    for (const perPoll of [1, 5, 8.7, 12, 30])
      for (const share of [0.1, 0.5, 1]) {
        const every = autoPollEvery({ share, requestsPerPoll: perPoll, daily: starter, leftToday: DAY });
        const perDay = (DAY / every) * perPoll;
        if (every > AUTO_FLOOR && every < AUTO_CEILING) expect(perDay).toBeLessThanOrEqual(share * 250_000);
        expect(every).toBeGreaterThanOrEqual(AUTO_FLOOR);
        expect(every).toBeLessThanOrEqual(AUTO_CEILING);
        expect(every % SECOND).toBe(0);
      }
  });

  it('slows down when other integrations have drained today’s budget, and keeps within what is left', () => {
    const drained = { limit: 250_000, remaining: 25_000 };
    const every = autoPollEvery({ share: 0.5, requestsPerPoll: 8.7, daily: drained, leftToday: 12 * HOUR });
    // 12,500 requests for 12 hours: one poll every 30 s at most.
    expect(every).toBe(31 * SECOND);
    expect(((12 * HOUR) / every) * 8.7).toBeLessThanOrEqual(0.5 * drained.remaining);
  });

  it('when nearly nothing is left today, polls as rarely as every 5 minutes, not more', () => {
    const every = (remaining: number) =>
      autoPollEvery({
        share: 0.5,
        requestsPerPoll: 9,
        daily: { limit: 250_000, remaining },
        leftToday: 6 * HOUR,
      });
    expect(every(4_000)).toBe(98 * SECOND); // 2,000 for 6 hours: 222 polls
    expect(every(100)).toBe(AUTO_CEILING);
  });

  it('assumes a Starter portal and ten requests a poll until HubSpot has answered', () => {
    expect(ASSUMED_REQUESTS_PER_POLL).toBe(10);
    expect(autoPollEvery({ share: 0.5, requestsPerPoll: null, daily: null, leftToday: DAY })).toBe(
      7 * SECOND,
    );
    const auto = testConfig({ poll: { every: 'auto', overlap: 0 } });
    expect(assumedPollEvery(auto)).toBe(7 * SECOND);
    expect(assumedPollEvery(testConfig())).toBe(30 * SECOND);
  });
});

describe('PollPace', () => {
  const at = Date.UTC(2026, 11, 7, 12, 0);
  const pace = (every: 'auto' | number, share = 0.5) => {
    const base = testConfig();
    const config = {
      ...base,
      poll: { ...base.poll, every },
      hubspot: { ...base.hubspot, budgetShare: share },
    };
    return new PollPace({ config: () => config, zone: () => 'UTC' });
  };

  it('polls every 30 s at most when webhooks bring the handoffs (polling is the safety net)', () => {
    const base = testConfig({ poll: { every: 'auto', overlap: 0 } });
    const p = new PollPace({ config: () => base, zone: () => 'UTC', webhooks: true });
    p.answered({ limit: 1_000_000, remaining: 1_000_000 });
    expect(p.every(at)).toBe(30 * SECOND);
  });

  it('keeps a fixed poll.every whatever HubSpot says', () => {
    const p = pace(30 * SECOND);
    p.answered({ limit: 250_000, remaining: 10 });
    expect(p.every(at)).toBe(30 * SECOND);
  });

  it('learns what a poll costs from the requests between two polls, and the daily limit from the headers', () => {
    const p = pace('auto');
    expect(p.requestsPerPoll).toBeNull();
    p.pollStarted();
    for (let i = 0; i < 20; i += 1) p.answered(null);
    p.pollStarted();
    expect(p.requestsPerPoll).toBe(20);
    // 20 a poll on Starter at half: 20 × 86,400 / 125,000 = 13.8 → 14 s.
    expect(p.every(at)).toBe(14 * SECOND);
    // A Professional portal (650,000 a day) allows 5.3 → 6 s.
    p.answered({ limit: 650_000, remaining: 600_000 });
    expect(p.every(at)).toBe(6 * SECOND);
    // Cheaper polls bring the average down step by step, not at once.
    for (let n = 0; n < 30; n += 1) {
      p.pollStarted();
      for (let i = 0; i < 8; i += 1) p.answered(null);
    }
    p.pollStarted();
    expect(p.requestsPerPoll).toBeCloseTo(8, 0);
    expect(p.every(at)).toBe(5 * SECOND);
  });
});

describe('untilMidnight', () => {
  it('counts to midnight in the portal’s zone (HubSpot’s day, HR-7)', () => {
    const noonUtc = Date.UTC(2026, 11, 7, 12, 0);
    expect(untilMidnight(noonUtc, 'UTC')).toBe(12 * HOUR);
    expect(untilMidnight(noonUtc, 'Europe/Amsterdam')).toBe(11 * HOUR);
    expect(untilMidnight(noonUtc, 'America/New_York')).toBe(17 * HOUR);
  });
});
