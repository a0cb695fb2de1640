import type { Instant } from '../../domain/time.ts';
import { createRandom, type Random } from '../shared/random.ts';
import { isoOf } from './crm-data.ts';
import type { HubSpotState } from './hubspot-state.ts';
import {
  CONVERSIONS,
  COUNTRIES,
  companyName,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  SOURCES,
} from './people-data.ts';

export interface GenerateOptions {
  readonly count: number;
  /** Same seed, same contacts. Default 1. */
  readonly seed?: number;
  /** Owners to spread contacts over at random; none = unassigned. */
  readonly ownerIds?: readonly string[];
  /** Lifecycle stages with weights, e.g. `[['lead', 8], ['marketingqualifiedlead', 2]]`. Default: all `lead`. */
  readonly stages?: readonly (readonly [stage: string, weight: number])[];
  /** Creation times spread uniformly over this interval; default: all at the clock's now. */
  readonly createdBetween?: readonly [Instant, Instant];
}

export interface GeneratedContact {
  readonly id: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly company: string;
  readonly ownerId: string | null;
  readonly stage: string;
  readonly createdAt: Instant;
}

function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  const last = items.at(-1);
  if (!last) throw new RangeError('weighted() needs at least one item');
  return last[0];
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/**
 * Adds `count` realistic contacts (names, companies, phones, e-mails, sources, conversions), one CRM
 * write each, so 100,000 take a few seconds. Stage and owner are set as if they happened at creation.
 */
export function generateContacts(state: HubSpotState, options: GenerateOptions): GeneratedContact[] {
  const random = createRandom(options.seed ?? 1);
  const now = state.clock.now();
  const [from, until] = options.createdBetween ?? [now, now];
  const stages = options.stages ?? [['lead', 1]];
  const pick = <T>(items: readonly T[]): T => random.pick(items);
  const out: GeneratedContact[] = [];
  for (let i = 0; i < options.count; i++) {
    const firstName = pick(FIRST_NAMES);
    const lastName = pick(LAST_NAMES);
    const company = companyName(pick);
    const [country, dial, tld] = weighted(
      random,
      COUNTRIES.map(([c, d, t, w]) => [[c, d, t] as const, w] as const),
    );
    const email = `${slug(firstName)}.${slug(lastName)}${i}@${slug(company.split(' ').slice(0, 2).join(''))}.${tld}`;
    const createdAt = from + Math.floor(random.next() * (until - from));
    const stage = weighted(random, stages);
    const ownerId = options.ownerIds && options.ownerIds.length > 0 ? pick(options.ownerIds) : null;
    const at = isoOf(createdAt);
    const record = state.data.create(
      'contacts',
      {
        firstname: firstName,
        lastname: lastName,
        email,
        company,
        jobtitle: pick(JOB_TITLES),
        country,
        phone: `${dial} ${random.int(10, 99)} ${random.int(100, 999)} ${random.int(1000, 9999)}`,
        hs_analytics_source: weighted(random, SOURCES),
        recent_conversion_event_name: pick(CONVERSIONS),
        recent_conversion_date: at,
        hubspotscore: random.int(0, 100),
        hs_pipeline: 'contacts-lifecycle-pipeline',
        lifecyclestage: stage,
        [`hs_v2_date_entered_${stage}`]: at,
        [`hs_lifecyclestage_${stage}_date`]: at,
        ...(ownerId === null
          ? {}
          : { hubspot_owner_id: ownerId, hubspot_owner_assigneddate: at, hs_is_unworked: 'true' }),
      },
      { sourceType: 'IMPORT', sourceId: 'sandbox-generator' },
      createdAt,
    );
    out.push({ id: record.id, email, firstName, lastName, company, ownerId, stage, createdAt });
  }
  return out;
}
