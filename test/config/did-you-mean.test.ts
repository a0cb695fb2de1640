import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../../src/config/did-you-mean.ts';

describe('edit distance', () => {
  it.each([
    ['within', 'within', 0],
    ['withn', 'within', 1],
    ['lable', 'label', 1],
    ['Policies', 'policies', 0],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('did you mean', () => {
  const keys = ['within', 'remind', 'counts', 'call_outcomes', 'outbound_only', 'team_channel'];

  it('suggests the closest key for a typo', () => {
    expect(closest('withn', keys)).toBe('within');
    expect(closest('reminds', keys)).toBe('remind');
    expect(didYouMean('cuonts', keys)).toBe("; did you mean 'counts'?");
  });

  it('treats dashes, underscores and case as the same word', () => {
    expect(closest('team-channel', keys)).toBe('team_channel');
    expect(closest('OutboundOnly', keys)).toBe('outbound_only');
  });

  it('suggests nothing when no key is close', () => {
    expect(closest('calls', keys)).toBeNull();
    expect(didYouMean('zzz', keys)).toBe('');
  });

  it('allows fewer edits for short words', () => {
    expect(closest('ab', ['xy'])).toBeNull();
    expect(closest('sqll', ['sql', 'mql'])).toBe('sql');
  });
});
