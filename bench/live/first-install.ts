import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock } from '../../src/clock/system-clock.ts';
import type { SlaConfig } from '../../src/config/types.ts';
import { type Instant, MINUTE, type Millis } from '../../src/domain/time.ts';
import { type Spread, spread } from './figures.ts';
import { REPS } from './people.ts';
import { random } from './random.ts';
import type { TrafficHooks } from './scenario.ts';
import { steadyTraffic, type TrafficLog } from './traffic.ts';
import type { WarmStoreResult } from './warm-store.ts';
import type { World } from './world.ts';

const STAGE_KEY: Readonly<Record<string, string>> = {
  salesqualifiedlead: 'sql',
  marketingqualifiedlead: 'mql',
};
const RECORD = /\/record\/0-1\/(\d+)/;
/** Give up waiting for the import after this long (the target is 5 minutes). */
const PATIENCE: Millis = 15 * MINUTE;

/** What `first-install-N` measured (besides the usual figures of the scenario). */
export interface FirstInstallFigures {
  /** The install (the worker's first cycle), as `/readyz` reports it. */
  readonly installedAt: Instant | null;
  /** Install → the import finished (`/readyz` `backfill.finishedAt`). */
  readonly importMs: Millis | null;
  /** Install → the import finished and every lead still inside its window was pinged. */
  readonly caughtUpMs: Millis | null;
  readonly read: number;
  readonly imported: number;
  /** HubSpot requests from the worker's start until caught up, and 429s among them. */
  readonly requests: number;
  readonly rateLimited: number;
  /** Leads seeded before the install whose first-contact deadline had passed by then. */
  readonly oldLeads: number;
  /** Slack messages (posts, to anyone) about those leads during the whole run: must be 0. */
  readonly messagesAboutOldLeads: number;
  /** Leads handed over minutes before the install, still inside their window, and how many were pinged. */
  readonly inWindow: { readonly leads: number; readonly pinged: number; readonly pingAfterInstall: Spread };
}

interface Readyz {
  readonly backfill?: {
    readonly state: string;
    readonly read: number;
    readonly imported: number;
    readonly installedAt: string;
    readonly finishedAt: string | null;
  } | null;
}

/**
 * The first install on a portal with a month of open leads (issue 20): the world's `open` contacts
 * entered MQL or SQL over the last 30 days and most were called back (calls logged in HubSpot, not
 * in a warm store: the store starts empty); a dozen more were handed over in the minutes before the
 * install, still inside their window. The worker then starts on the empty store, with steady traffic
 * beside it; the probe follows `/readyz` until the import is done and watches every Slack post.
 */
export class FirstInstallProbe {
  /** Seeded contact id → its first-contact deadline. */
  readonly #deadlines = new Map<string, Instant>();
  readonly #fresh = new Set<string>();
  /** Contact id → when each message about it was posted. */
  readonly #posts = new Map<string, Instant[]>();
  #stopWatching: (() => void) | null = null;
  #installedAt: Instant | null = null;
  #finishedAt: Instant | null = null;
  #caughtUpAt: Instant | null = null;
  #read = 0;
  #imported = 0;
  #requests = 0;
  #rateLimited = 0;

  /** Seeds what the store does not hold on a first install; returns what was seeded. */
  prepare(world: World, config: SlaConfig): WarmStoreResult {
    const state = world.hubspot.state;
    const rnd = random(61);
    let calls = 0;
    const now = state.clock.now();
    for (const c of world.open) {
      this.#deadlines.set(c.id, deadlineOf(config, c.stage, c.createdAt));
      // Three in five were called back within minutes, as a team working without sla-bot would,
      // and the calls logged then (not now: a portal's history is not all modified today).
      if (rnd.next() < 0.6) {
        const at = c.createdAt + rnd.int(1, 20) * MINUTE;
        state.logCall(c.id, { at, loggedAt: Math.min(at + MINUTE, now), disposition: 'Connected' });
        calls += 1;
      }
    }
    const owners = REPS.map((r) => world.ownerIds.get(r) ?? null).filter((o) => o !== null);
    for (let i = 0; i < 12; i++) {
      const sql = i % 3 === 0;
      // SQLs have 5 minutes, MQLs 30: handed over 1–2 and 2–24 minutes before the install.
      const ago = sql ? MINUTE + (i % 2) * 30_000 : (2 + 2 * i) * MINUTE;
      const lead = state.addContact({
        firstName: `Fresh${i}`,
        email: `fresh${i}@first-install.example`,
        ownerId: rnd.pick(owners),
        createdAt: now - ago,
      });
      state.moveStage(lead.id, sql ? 'salesqualifiedlead' : 'marketingqualifiedlead', { at: now - ago });
      this.#fresh.add(lead.id);
    }
    this.#stopWatching = world.slack.state.on((event) => {
      if (event.kind !== 'posted') return;
      const id = RECORD.exec(JSON.stringify(event.message.blocks ?? []))?.[1];
      if (id === undefined) return;
      this.#posts.set(id, [...(this.#posts.get(id) ?? []), event.message.postedAt]);
    });
    return { instances: 0, touches: calls, messages: 0 };
  }

  /** The traffic: steady handoffs and calls beside the import, then `/readyz` until caught up. */
  async traffic(world: World, log: TrafficLog, hooks: TrafficHooks): Promise<void> {
    const readyz = hooks.readyz;
    if (readyz === undefined) throw new Error('first-install needs the worker /readyz');
    const beside = steadyTraffic(
      world,
      { handoffsPerMinute: 12, touchesPerMinute: 24, duration: 2 * MINUTE, pinged: hooks.pinged },
      log,
    );
    const giveUp = systemClock.now() + PATIENCE;
    while (systemClock.now() < giveUp) {
      const body = (await readyz()) as Readyz;
      const b = body.backfill ?? null;
      if (b) {
        this.#installedAt = Date.parse(b.installedAt);
        this.#read = b.read;
        this.#imported = b.imported;
        if (b.finishedAt !== null) this.#finishedAt = Date.parse(b.finishedAt);
      }
      const allPinged = [...this.#fresh].every((id) => this.#posts.has(id));
      if (this.#finishedAt !== null && allPinged) {
        this.#caughtUpAt = Math.max(
          this.#finishedAt,
          ...[...this.#fresh].map((id) => this.#posts.get(id)?.[0] ?? 0),
        );
        break;
      }
      await sleep(500);
    }
    const stats = world.hubspot.stats.snapshot();
    this.#requests = stats.total;
    this.#rateLimited = stats.rateLimited.total;
    await beside;
  }

  figures(): FirstInstallFigures {
    this.#stopWatching?.();
    const installedAt = this.#installedAt;
    const old = [...this.#deadlines].filter(([, d]) => installedAt !== null && d < installedAt);
    const fresh = [...this.#fresh];
    const firstPings = fresh.flatMap((id) => {
      const at = this.#posts.get(id)?.[0];
      return at === undefined || installedAt === null ? [] : [Math.round((at - installedAt) / 100) / 10];
    });
    return {
      installedAt,
      importMs: installedAt === null || this.#finishedAt === null ? null : this.#finishedAt - installedAt,
      caughtUpMs: installedAt === null || this.#caughtUpAt === null ? null : this.#caughtUpAt - installedAt,
      read: this.#read,
      imported: this.#imported,
      requests: this.#requests,
      rateLimited: this.#rateLimited,
      oldLeads: old.length,
      messagesAboutOldLeads: old.reduce((sum, [id]) => sum + (this.#posts.get(id)?.length ?? 0), 0),
      inWindow: { leads: fresh.length, pinged: firstPings.length, pingAfterInstall: spread(firstPings) },
    };
  }
}

/** A seeded lead's first-contact deadline under the bench SLA file's policy for its stage. */
function deadlineOf(config: SlaConfig, stage: string, enteredAt: Instant): Instant {
  const policy = config.policies.find((p) => p.stage === (STAGE_KEY[stage] ?? stage));
  if (!policy) throw new Error(`bench: no policy for ${stage}`);
  return policy.calendar.addBusinessTime(enteredAt, policy.firstContact.within);
}
