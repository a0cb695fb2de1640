import { describe, expect, it } from 'vitest';
import { buildDigests } from '../../../src/domain/reports/index.ts';
import { MINUTE } from '../../../src/domain/time.ts';
import { at, facts, NOW, setup } from '../../fixtures/reports/hand-computed.ts';

describe('weekly digest per team (hand-computed)', () => {
  const digests = buildDigests(facts, setup, { since: at(9), until: at(16) }, NOW);
  const benelux = digests.find((d) => d.team === 'benelux');
  const dach = digests.find((d) => d.team === 'dach');

  it('gives each configured team its own digest addressed to its manager', () => {
    expect(digests.map((d) => [d.team, d.manager])).toEqual([
      ['benelux', 'anna@example.com'],
      ['dach', 'dieter@example.com'],
    ]);
  });

  it('compares compliance with the week before (D, H met this week; A met and B breached before)', () => {
    expect(benelux?.compliance).toEqual({ value: 100, ids: ['D', 'H'] });
    expect(benelux?.previousCompliance.value).toBe(50);
    expect(benelux?.trend).toBe(50);
  });

  it('has no trend without leads in the previous week, and lists the worst breaches and uncontacted leads', () => {
    expect(dach?.compliance.value).toBe(0);
    expect(dach?.previousCompliance.value).toBeNull();
    expect(dach?.trend).toBeNull();
    expect(dach?.worst.map((w) => w.id)).toEqual(['E']);
    expect(dach?.worst[0]?.lateBy).toBe(NOW - at(11) - 5 * MINUTE);
    expect([...(dach?.uncontacted.total.ids ?? [])].sort()).toEqual(['E', 'F', 'G']);
  });
});
