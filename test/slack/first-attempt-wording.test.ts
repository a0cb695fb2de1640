import { describe, expect, it } from 'vitest';
import type { ContactKind, FirstContactVerdict } from '../../src/domain/evaluation.ts';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { translator } from '../../src/i18n/translate.ts';
import type { Block } from '../../src/slack/render/blocks.ts';
import { renderEscalation } from '../../src/slack/render/escalation.ts';
import { leadRow } from '../../src/slack/render/lead-list.ts';
import { context, deadline, evaluation, instance, owner } from './support/fixtures.ts';

/**
 * A call that did not connect (no answer, voicemail) meets the first-contact deadline when the policy
 * counts any call, but nobody was reached: every message that reports it says "first attempt".
 */
const met = (contact?: ContactKind): FirstContactVerdict => ({
  state: 'met',
  deadline,
  at: deadline - MINUTE,
  touchId: 'call:1',
  took: 12 * SECOND,
  ...(contact ? { contact } : {}),
});

const late = (contact?: ContactKind): FirstContactVerdict => ({
  state: 'breached',
  deadline,
  lateBy: 2 * MINUTE,
  contactedAt: deadline + 2 * MINUTE,
  excused: false,
  ...(contact ? { contact } : {}),
});

const text = (blocks: readonly Block[]): string => JSON.stringify(blocks);

describe('a first contact that was only an attempt', () => {
  const row = (firstContact: FirstContactVerdict) =>
    text([
      leadRow(
        {
          instance: instance(),
          evaluation: evaluation({ firstContact }),
          owner: owner(),
          pingRef: null,
        },
        {
          now: deadline + 10 * MINUTE,
          zone: 'UTC',
          t: translator(),
          showOwner: false,
          stageLabel: () => 'SQL',
        },
      ),
    ]);

  it('reads as such in /sla and the App Home', () => {
    expect(row(met('attempt'))).toContain(':white_check_mark: first attempt in 12s');
    expect(row(met('reached'))).toContain(':white_check_mark: contacted in 12s');
    expect(row(met())).toContain(':white_check_mark: contacted in 12s');
    expect(row(late('attempt'))).toContain(':large_orange_circle: first attempt 2m late');
    expect(row(late('reached'))).toContain(':large_orange_circle: contacted 2m late');
  });

  it('reads as such in an escalation sent after it', () => {
    const escalation = (firstContact: FirstContactVerdict) =>
      text(
        renderEscalation(
          {
            context: context({ evaluation: evaluation({ firstContact }) }),
            now: deadline + 10 * MINUTE,
            zone: 'UTC',
            t: translator(),
            ownerName: 'Bram',
            stageLabel: 'SQL',
            fallbackNote: null,
          },
          { deadline, level: 0, repeat: 0, excused: false },
          null,
        ).blocks,
      );
    expect(escalation(late('attempt'))).toContain('made a first attempt on this lead late');
    expect(escalation(late('reached'))).toContain('contacted this lead late');
    expect(escalation(late('attempt'))).not.toContain('contacted this lead late');
  });
});
