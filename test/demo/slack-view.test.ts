import { describe, expect, it } from 'vitest';
import { createSlackView } from '../../src/demo/slack-view.ts';
import { plainStyle } from '../../src/demo/style.ts';
import { type RecordedMessage, type SlackSandboxEvent, SlackState } from '../../src/sandbox/index.ts';
import { FakeClock } from '../support/fake-clock.ts';

/** Tuesday 2026-03-10 14:00 in Amsterdam. */
const T0 = Date.UTC(2026, 2, 10, 13, 0, 0);

function workspace() {
  const clock = new FakeClock(T0);
  const state = new SlackState(clock);
  const bram = state.addUser({ email: 'bram@example.com', realName: 'Bram Bakker', tz: 'Europe/Amsterdam' });
  const channel = state.addChannel({ name: 'sales-benelux' });
  const dm = state.directory.dmWith(bram.id, T0).channel;
  const events: SlackSandboxEvent[] = [];
  state.on((e) => events.push(e));
  const view = createSlackView({
    state,
    style: plainStyle,
    zone: 'Europe/Amsterdam',
    now: () => clock.now(),
  });
  const post = (where: string, blocks: unknown[]): RecordedMessage => {
    const message: RecordedMessage = {
      channel: where,
      ts: state.ts.make(clock.now()),
      threadTs: null,
      replyBroadcast: false,
      postedAt: clock.now(),
      text: 'fallback',
      blocks,
      metadata: null,
      updates: [],
      deletedAt: null,
    };
    state.log.post(message);
    return message;
  };
  const update = (message: RecordedMessage, blocks: unknown[]) =>
    state.log.update(message, {
      text: 'fallback',
      blocks,
      metadata: null,
      at: clock.now(),
      via: 'chat.update',
    });
  return { state, bram, channel, dm, events, view, post, update };
}

const header = { type: 'header', text: { type: 'plain_text', text: 'New SQL: Jane Doe' } };
const status = (line: string) => ({ type: 'context', elements: [{ type: 'mrkdwn', text: line }] });

describe('what each reader sees, in the terminal', () => {
  it('names the reader of a DM and the channel of a channel message', () => {
    const w = workspace();
    w.post(w.dm.id, [header]);
    w.post(w.channel.id, [header]);
    expect(w.events.map((e) => w.view(e)?.audience)).toEqual([
      'DM to Bram Bakker (bram@example.com)',
      '#sales-benelux',
    ]);
  });

  it('shows dates in the DM reader’s own zone', () => {
    const w = workspace();
    const seconds = (T0 + 5 * 60_000) / 1000;
    w.post(w.dm.id, [status(`deadline <!date^${seconds}^{time}|x>`)]);
    expect(w.view(w.events[0] as SlackSandboxEvent)?.lines).toEqual(['deadline 14:05:00']);
  });

  it('shows an edit as the lines that changed, under the message title', () => {
    const w = workspace();
    const ping = w.post(w.dm.id, [
      header,
      status(':hourglass_flowing_sand: Waiting'),
      status('Attempts 0 of 6'),
    ]);
    w.update(ping, [header, status(':white_check_mark: Contacted in 12s ✓'), status('Attempts 0 of 6')]);
    const edit = w.view(w.events[1] as SlackSandboxEvent);
    expect(edit).toEqual({
      audience: 'DM to Bram Bakker (bram@example.com)',
      kind: 'edited',
      lines: ['New SQL: Jane Doe', '- ⏳ Waiting', '+ ✅ Contacted in 12s ✓'],
    });
  });

  it('leaves out an edit nobody could see', () => {
    const w = workspace();
    const ping = w.post(w.dm.id, [header, status('Waiting')]);
    w.update(ping, [header, status('Waiting')]);
    expect(w.view(w.events[1] as SlackSandboxEvent)).toBeNull();
  });

  it('says who alone sees an ephemeral reply', () => {
    const w = workspace();
    w.state.log.postEphemeral({
      channel: w.dm.id,
      user: w.bram.id,
      ts: '1.2',
      at: T0,
      via: 'response_url',
      text: 'Got it: reminders stop for this lead.',
      blocks: null,
      metadata: null,
    });
    expect(w.view(w.events[0] as SlackSandboxEvent)).toEqual({
      audience: 'DM to Bram Bakker (bram@example.com), only visible to Bram Bakker (bram@example.com)',
      kind: 'ephemeral',
      lines: ['Got it: reminders stop for this lead.'],
    });
  });

  it('shows an App Home in full the first time, then only what changed', () => {
    const w = workspace();
    const home = (left: string) => ({
      id: 'V1',
      type: 'home' as const,
      user: w.bram.id,
      hash: left,
      at: T0,
      view: { type: 'home', blocks: [header, status(left)] },
      externalId: null,
      closed: false,
    });
    w.state.log.putView(home('2m left'));
    w.state.log.putView(home('1m left'));
    expect(w.events.map((e) => w.view(e))).toEqual([
      {
        audience: 'App Home of Bram Bakker (bram@example.com)',
        kind: 'view',
        lines: ['New SQL: Jane Doe', '2m left'],
      },
      {
        audience: 'App Home of Bram Bakker (bram@example.com)',
        kind: 'edited',
        lines: ['New SQL: Jane Doe', '- 2m left', '+ 1m left'],
      },
    ]);
  });
});
