import { describe, expect, it } from 'vitest';
import { editDiff } from '../../src/demo/edit-diff.ts';
import { plainStyle } from '../../src/demo/style.ts';

const HOME = ['Your open leads'];
const sanne = (status: string) => ['Sanne de Vries, Head of Operations', 'SQL · score 82', status];
const bas = (status: string) => ['Bas Smit, Founder', 'MQL · score 41', status];

describe('an edit as the reader notices it', () => {
  it('shows a changed block with its unchanged lines as context, what went, then what came', () => {
    expect(
      editDiff(
        [HOME, sanne('⏳ 4s left'), bas('⏳ 2m left')],
        [HOME, sanne('🔴 58s late'), bas('⏳ 2m left')],
        plainStyle,
      ),
    ).toEqual([
      'Your open leads',
      '  Sanne de Vries, Head of Operations',
      '  SQL · score 82',
      '- ⏳ 4s left',
      '+ 🔴 58s late',
    ]);
  });

  it('follows a block that moved (leads re-sorted by urgency)', () => {
    expect(
      editDiff(
        [HOME, sanne('⏳ 4s left'), bas('⏳ 2m left')],
        [HOME, bas('⏳ 1m left'), sanne('⏳ 4s left')],
        plainStyle,
      ),
    ).toEqual(['Your open leads', '  Bas Smit, Founder', '  MQL · score 41', '- ⏳ 2m left', '+ ⏳ 1m left']);
  });

  it('shows new blocks whole, and blocks that went whole', () => {
    expect(editDiff([HOME, sanne('⏳ 4s left')], [HOME, bas('⏳ 2m left')], plainStyle)).toEqual([
      'Your open leads',
      '- Sanne de Vries, Head of Operations',
      '- SQL · score 82',
      '- ⏳ 4s left',
      '+ Bas Smit, Founder',
      '+ MQL · score 41',
      '+ ⏳ 2m left',
    ]);
  });

  it('is null when nothing visible changed', () => {
    expect(editDiff([HOME, sanne('⏳ 4s left')], [HOME, sanne('⏳ 4s left')], plainStyle)).toBeNull();
  });
});

describe('an App Home that gained a lead', () => {
  it('shows the new lead whole and the existing one with its change, each under its own name', () => {
    const before = [HOME, ['1 open lead'], sanne('⏳ 58s left')];
    const after = [HOME, ['2 open leads'], bas('⏳ 5s left'), sanne('✅ contacted in 15s')];
    expect(editDiff(before, after, plainStyle)).toEqual([
      'Your open leads',
      '- 1 open lead',
      '+ 2 open leads',
      '+ Bas Smit, Founder',
      '+ MQL · score 41',
      '+ ⏳ 5s left',
      '  Sanne de Vries, Head of Operations',
      '  SQL · score 82',
      '- ⏳ 58s left',
      '+ ✅ contacted in 15s',
    ]);
  });
});
