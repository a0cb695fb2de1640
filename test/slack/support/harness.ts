import { pino } from 'pino';
import type { Millis } from '../../../src/domain/time.ts';
import { createSendQueue } from '../../../src/slack/send-queue.ts';
import { createSlackWebClient } from '../../../src/slack/web-client.ts';
import { FakeClock } from '../../support/fake-clock.ts';
import { T0 } from './fixtures.ts';
import { SLACK_API_URL } from './slack-http.ts';

export const silentLogger = () => pino({ level: 'silent' });

/** A sleep that never waits: it moves the fake clock and remembers how long it was asked to wait. */
export function fakeSleep(clock: FakeClock) {
  const sleeps: Millis[] = [];
  const sleep = async (ms: Millis) => {
    sleeps.push(ms);
    clock.advance(ms);
  };
  return { sleep, sleeps };
}

/** Real WebClient (against the strict HTTP mock), fake clock, deterministic queue. */
export function slackHarness(start = T0) {
  const clock = new FakeClock(start);
  const logger = silentLogger();
  const { sleep, sleeps } = fakeSleep(clock);
  const client = createSlackWebClient('xoxb-test', { apiUrl: SLACK_API_URL, logger });
  const queue = createSendQueue({ clock, logger, sleep });
  return { clock, logger, sleep, sleeps, client, queue };
}
