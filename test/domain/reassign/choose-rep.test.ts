import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../../src/domain/calendar/business-calendar.ts';
import { chooseRep, type ReassignInput, type RepFacts } from '../../../src/domain/reassign/choose-rep.ts';
import { HOUR } from '../../../src/domain/time.ts';
import { alwaysOpen } from '../../fakes/sla-fixtures.ts';

const NOW = Date.UTC(2026, 2, 2, 10, 0);
const closed: BusinessCalendar = { ...alwaysOpen, name: 'closed', isOpen: () => false };

const roster = [
  {
    name: 'benelux',
    manager: 'mia@example.com',
    members: ['bram@example.com', 'eva@example.com', 'jan@example.com', 'lotte@example.com'],
  },
  { name: 'dach', manager: 'kai@example.com', members: ['uwe@example.com', 'ida@example.com'] },
];

const rep = (ownerId: string, over: Partial<RepFacts> = {}): RepFacts => ({
  ownerId,
  deactivated: false,
  reachable: true,
  calendar: alwaysOpen,
  ...over,
});

const people: Record<string, RepFacts> = {
  'bram@example.com': rep('1'),
  'eva@example.com': rep('2'),
  'jan@example.com': rep('3'),
  'lotte@example.com': rep('4'),
  'uwe@example.com': rep('5'),
  'ida@example.com': rep('6'),
};

const input = (
  over: Partial<ReassignInput> = {},
  facts: Record<string, RepFacts | null> = {},
): ReassignInput => ({
  to: { kind: 'round_robin' },
  now: NOW,
  ownerEmail: 'bram@example.com',
  teams: roster,
  outOfOffice: [],
  previousOwnerIds: ['1'],
  positions: new Map(),
  facts: (email) => (email in facts ? (facts[email] ?? null) : (people[email] ?? null)),
  ...over,
});

const chosen = (i: ReassignInput) => {
  const d = chooseRep(i);
  return d.kind === 'chosen' ? d.email : `nobody:${d.why}`;
};

describe('chooseRep: round-robin within the owner’s team', () => {
  it('takes the next rep in roster order after the current owner was skipped', () => {
    const d = chooseRep(input());
    expect(d).toEqual({
      kind: 'chosen',
      email: 'eva@example.com',
      ownerId: '2',
      team: 'benelux',
      skipped: [{ email: 'bram@example.com', why: 'current_owner' }],
    });
  });

  it('starts after the persisted position and wraps round the roster', () => {
    expect(chosen(input({ positions: new Map([['benelux', 'eva@example.com']]) }))).toBe('jan@example.com');
    expect(chosen(input({ positions: new Map([['benelux', 'lotte@example.com']]) }))).toBe('eva@example.com');
  });

  it('starts at the top when the position names someone who left the roster', () => {
    expect(chosen(input({ positions: new Map([['benelux', 'gone@example.com']]) }))).toBe('eva@example.com');
  });

  it('is deterministic: the same facts and position give the same rep', () => {
    const a = input({ positions: new Map([['benelux', 'jan@example.com']]) });
    expect(chooseRep(a)).toEqual(chooseRep({ ...a }));
  });

  it.each([
    [
      'out of office',
      input({ outOfOffice: [{ email: 'eva@example.com', from: NOW - HOUR, until: NOW + HOUR }] }),
      'out_of_office',
    ],
    [
      'deactivated in HubSpot',
      input({}, { 'eva@example.com': rep('2', { deactivated: true }) }),
      'deactivated',
    ],
    [
      'outside their calendar',
      input({}, { 'eva@example.com': rep('2', { calendar: closed }) }),
      'off_calendar',
    ],
    [
      'not reachable in Slack',
      input({}, { 'eva@example.com': rep('2', { reachable: false }) }),
      'unreachable_in_slack',
    ],
    ['a previous owner of this instance', input({ previousOwnerIds: ['1', '2'] }), 'previous_owner'],
    ['no HubSpot owner', input({}, { 'eva@example.com': null }), 'not_in_hubspot'],
  ] as const)('skips a rep who is %s, and says why', (_what, i, why) => {
    const d = chooseRep(i);
    expect(d.kind === 'chosen' && d.email).toBe('jan@example.com');
    expect(d.skipped).toContainEqual({ email: 'eva@example.com', why });
  });

  it('an out-of-office period that ended does not skip the rep', () => {
    const over = input({ outOfOffice: [{ email: 'eva@example.com', from: NOW - 2 * HOUR, until: NOW }] });
    expect(chosen(over)).toBe('eva@example.com');
  });

  it('a returning rep is not owed a backlog: the turn goes on from the position, not back to them', () => {
    // Eva was away while Jan and Lotte got leads; the position is Lotte. Next is the roster's top after her.
    const back = input({
      ownerEmail: 'jan@example.com',
      previousOwnerIds: ['3'],
      positions: new Map([['benelux', 'lotte@example.com']]),
    });
    expect(chosen(back)).toBe('bram@example.com');
    const next = input({
      ownerEmail: 'jan@example.com',
      previousOwnerIds: ['3'],
      positions: new Map([['benelux', 'bram@example.com']]),
    });
    expect(chosen(next)).toBe('eva@example.com');
  });

  it('nobody eligible: every rep skipped, each with why', () => {
    const d = chooseRep(
      input({ previousOwnerIds: ['1', '2', '3'] }, { 'lotte@example.com': rep('4', { reachable: false }) }),
    );
    expect(d).toEqual({
      kind: 'nobody',
      why: 'nobody_eligible',
      team: 'benelux',
      skipped: [
        { email: 'bram@example.com', why: 'current_owner' },
        { email: 'eva@example.com', why: 'previous_owner' },
        { email: 'jan@example.com', why: 'previous_owner' },
        { email: 'lotte@example.com', why: 'unreachable_in_slack' },
      ],
    });
  });

  it('an owner in no team has no round-robin', () => {
    expect(chosen(input({ ownerEmail: 'stranger@example.com' }))).toBe('nobody:no_team');
    expect(chosen(input({ ownerEmail: null }))).toBe('nobody:no_team');
  });
});

describe('chooseRep: a named team or a person', () => {
  it('team:<name> rotates through that team', () => {
    expect(chosen(input({ to: { kind: 'team', team: 'dach' } }))).toBe('uwe@example.com');
    const after = input({
      to: { kind: 'team', team: 'dach' },
      positions: new Map([['dach', 'uwe@example.com']]),
    });
    expect(chosen(after)).toBe('ida@example.com');
    expect(chooseRep(after)).toMatchObject({ team: 'dach' });
  });

  it('an unknown team gives nobody', () => {
    expect(chosen(input({ to: { kind: 'team', team: 'nordics' } }))).toBe('nobody:unknown_team');
  });

  it('a person is chosen only when eligible, and moves no team position', () => {
    expect(chooseRep(input({ to: { kind: 'person', email: 'ida@example.com' } }))).toMatchObject({
      kind: 'chosen',
      email: 'ida@example.com',
      team: null,
    });
    const away = input({
      to: { kind: 'person', email: 'ida@example.com' },
      outOfOffice: [{ email: 'ida@example.com', from: NOW, until: NOW + HOUR }],
    });
    expect(chooseRep(away)).toEqual({
      kind: 'nobody',
      why: 'nobody_eligible',
      team: null,
      skipped: [{ email: 'ida@example.com', why: 'out_of_office' }],
    });
  });
});
