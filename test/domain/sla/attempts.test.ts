import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../../src/domain/time.ts';
import { attemptsRule, call, dueKinds, email, judge, policy, rule, T0 } from './builders.ts';

const withAttempts = (overrides: Parameters<typeof attemptsRule>[0] = {}) =>
  policy({ attempts: attemptsRule(overrides) });
const windowEnd = T0 + 5 * DAY;
/** `n` calls, one every two hours from the handoff. */
const calls = (n: number, every = 2 * HOUR) =>
  Array.from({ length: n }, (_, i) => call(T0 + MINUTE + i * every));

describe('call attempts', () => {
  it('six calls inside the window meet the attempts requirement before the window ends', () => {
    const e = judge({ policy: withAttempts(), touches: calls(6) }, T0 + DAY);
    expect(e.attempts).toEqual({ made: 6, required: 6, atMost: 9, windowEnd, state: 'met', overkill: false });
  });

  it('a contacted lead with enough attempts is looked at again at the window end, when it settles', () => {
    const e = judge({ policy: withAttempts(), touches: calls(6) }, T0 + DAY);
    expect(e.settled).toBe(false);
    expect(e.nextDueAt).toBe(windowEnd);
  });

  it('the attempts count stays open while the window runs, and the next look is the window end', () => {
    const e = judge({ policy: withAttempts(), touches: calls(2) }, T0 + DAY);
    expect(e.attempts).toMatchObject({ made: 2, state: 'open' });
    expect(e.nextDueAt).toBe(windowEnd);
    expect(e.settled).toBe(false);
  });

  it('too few calls by the window end is short, and the shortfall goes to the owner and the manager', () => {
    const e = judge({ policy: withAttempts(), touches: calls(3) }, windowEnd);
    expect(e.attempts).toMatchObject({ made: 3, state: 'short' });
    expect(e.due.find((d) => d.kind === 'attempts_shortfall')).toEqual({
      key: `${e.instanceId}:attempts_shortfall`,
      kind: 'attempts_shortfall',
      instanceId: e.instanceId,
      dueAt: windowEnd,
      targets: [{ kind: 'owner' }, { kind: 'manager' }],
      reason: { kind: 'attempts_shortfall', made: 3, required: 6 },
    });
    expect(e.settled).toBe(true);
  });

  it('calls after the window end do not count', () => {
    const late = [...calls(5), call(windowEnd), call(windowEnd + HOUR)];
    expect(judge({ policy: withAttempts(), touches: late }, windowEnd + 2 * HOUR).attempts).toMatchObject({
      made: 5,
      state: 'short',
    });
  });

  it('e-mails do not count as call attempts when the rule counts calls only', () => {
    const touches = [...calls(5), email(T0 + 20 * HOUR)];
    expect(judge({ policy: withAttempts(), touches }, T0 + DAY).attempts?.made).toBe(5);
  });

  it('calls closer together than the minimum gap count as one attempt', () => {
    const p = withAttempts({ minGap: 30 * MINUTE });
    const touches = [
      call(T0 + MINUTE),
      call(T0 + 2 * MINUTE),
      call(T0 + 20 * MINUTE),
      call(T0 + 40 * MINUTE),
    ];
    expect(judge({ policy: p, touches }, T0 + HOUR).attempts?.made).toBe(2);
  });

  it('the tenth call goes over the upper bound of nine: overkill, flagged once at that call', () => {
    const touches = calls(11);
    const e = judge({ policy: withAttempts(), touches }, T0 + 2 * DAY);
    expect(e.attempts).toMatchObject({ made: 11, overkill: true });
    const overkill = e.due.filter((d) => d.kind === 'overkill');
    expect(overkill).toHaveLength(1);
    expect(overkill[0]).toMatchObject({
      key: `${e.instanceId}:overkill`,
      dueAt: touches[9]?.at,
      reason: { kind: 'overkill', made: 11, atMost: 9 },
    });
  });

  it('without an upper bound there is never overkill', () => {
    const e = judge({ policy: withAttempts({ atMost: null }), touches: calls(20, HOUR) }, T0 + 2 * DAY);
    expect(e.attempts?.overkill).toBe(false);
    expect(dueKinds(e).filter((k) => k === 'overkill')).toEqual([]);
  });

  it('a contacted lead whose attempts window is over is settled', () => {
    const e = judge({ policy: withAttempts(), touches: calls(6) }, windowEnd);
    expect(e.settled).toBe(true);
    expect(e.nextDueAt).toBeNull();
  });

  it('only calls with a listed outcome count as attempts when the attempts rule lists outcomes', () => {
    const p = withAttempts({
      counts: rule({ kinds: ['call'], callOutcomes: ['no answer', 'left voicemail'] }),
    });
    const touches = [
      call(T0 + MINUTE, { outcome: 'No answer' }),
      call(T0 + HOUR, { outcome: 'Left voicemail' }),
      call(T0 + 2 * HOUR, { outcome: 'Wrong number' }),
    ];
    expect(judge({ policy: p, touches }, T0 + DAY).attempts?.made).toBe(2);
  });
});
