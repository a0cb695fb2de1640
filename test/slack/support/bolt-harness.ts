import { readFileSync } from 'node:fs';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { pino } from 'pino';
import type { SlaConfig } from '../../../src/config/types.ts';
import type { SlaInstance } from '../../../src/domain/model.ts';
import type { LeadWriter } from '../../../src/ports/lead-writer.ts';
import { createSlackApp } from '../../../src/slack/app.ts';
import { createSlackWebClient } from '../../../src/slack/web-client.ts';
import { FakeClock } from '../../support/fake-clock.ts';
import type { StrictHttp } from '../../support/http-mock.ts';
import { FakeSlackStore } from './fake-slack-store.ts';
import { owner, slackConfig, T0 } from './fixtures.ts';
import { SLACK_API_URL, slackApi } from './slack-http.ts';

/** A Bolt receiver that hands parsed payloads straight to `App.processEvent`, recording acks. */
export class TestReceiver implements Receiver {
  #app: App | null = null;
  /** Everything in order: acks and the side effects tests choose to log here. */
  readonly sequence: string[] = [];
  init(app: App): void {
    this.#app = app;
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async dispatch(body: unknown, extra: Partial<ReceiverEvent> = {}): Promise<unknown[]> {
    if (!this.#app) throw new Error('receiver not initialised');
    const acks: unknown[] = [];
    await this.#app.processEvent({
      body: body as ReceiverEvent['body'],
      ack: async (response?: unknown) => {
        this.sequence.push('ack');
        acks.push(response);
      },
      ...extra,
    });
    return acks;
  }
}

export const fixture = <T = Record<string, unknown>>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../fixtures/slack/${name}`, import.meta.url), 'utf8'));

export class RecordingLeadWriter implements LeadWriter {
  readonly calls: { instanceId: string; reason: string; leadStatus: string }[] = [];
  async writeOutcome() {}
  async createBreachTask() {}
  async retractBreachTask() {}
  async reassignOwner(): Promise<'written'> {
    return 'written';
  }
  async markNotAFit(i: SlaInstance, reason: string, leadStatus: string) {
    this.calls.push({ instanceId: i.id, reason, leadStatus });
  }
}

/** The real `createSlackApp` with a test receiver, the strict HTTP mock behind Slack, and a fake store. */
export async function boltHarness(http: StrictHttp, config: SlaConfig = slackConfig()) {
  const api = slackApi(http);
  api.ok('auth.test', { user_id: 'U_BOT', bot_id: 'B_BOT', team_id: 'T1' });
  const errors: Record<string, unknown>[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => errors.push(JSON.parse(line)) });
  const clock = new FakeClock(T0 + 60_000);
  const store = new FakeSlackStore();
  const receiver = new TestReceiver();
  const writer = new RecordingLeadWriter();
  const client = createSlackWebClient('xoxb-test', { apiUrl: SLACK_API_URL, logger });
  const owners = [
    owner(),
    owner({ id: 'o-chris', email: 'chris@example.com', firstName: 'Chris', lastName: 'Jansen' }),
  ];
  const app = createSlackApp({
    env: {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_APP_TOKEN: undefined,
      SLACK_API_URL,
    },
    client,
    store,
    owners: async () => owners,
    leadWriter: writer,
    config: () => config,
    clock,
    logger,
    receiver,
  });
  await app.start();
  return { api, app, clock, store, receiver, writer, errors };
}
