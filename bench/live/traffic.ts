import { setTimeout as sleep } from 'node:timers/promises';
import type { Instant, Millis } from '../../src/domain/time.ts';
import type { GeneratedContact } from '../../src/sandbox/index.ts';
import { random } from './random.ts';
import type { World } from './world.ts';

/** One handoff the bench made: when it was written and when HubSpot's search could see it. */
export interface HandoffEvent {
  readonly contactId: string;
  readonly stage: 'salesqualifiedlead' | 'marketingqualifiedlead';
  readonly writtenAt: Instant;
  /** `writtenAt` + the search index lag of this write. */
  readonly searchableAt: Instant;
  /** When the webhook for it was posted to the worker (webhook mode). */
  webhookAt: Instant | null;
}

export interface TouchEvent {
  readonly contactId: string;
  readonly engagementId: string;
  readonly writtenAt: Instant;
  readonly searchableAt: Instant;
}

export interface TrafficLog {
  readonly handoffs: HandoffEvent[];
  readonly touches: TouchEvent[];
}

export interface TrafficOptions {
  readonly handoffsPerMinute: number;
  readonly touchesPerMinute: number;
  readonly duration: Millis;
  /** Each write lags in search by a random amount up to this (0 = the sandbox's fixed lag). */
  readonly maxLagMs?: Millis;
  /** Called after each handoff write (webhook mode posts the event to the worker). */
  readonly onHandoff?: (event: HandoffEvent) => Promise<void>;
  /** Reps call a new lead back only once it was pinged (a call before the ping means no ping is due). */
  readonly pinged: (contactId: string) => boolean;
  readonly seed?: number;
}

export const emptyLog = (): TrafficLog => ({ handoffs: [], touches: [] });

/** Moves a spare lead into SQL (two in three) or MQL with an owner assigned now, as a rep's import or a form does. */
export function handOff(
  world: World,
  log: TrafficLog,
  contact: GeneratedContact,
  sql: boolean,
): HandoffEvent {
  const state = world.hubspot.state;
  const stage = sql ? 'salesqualifiedlead' : 'marketingqualifiedlead';
  const writtenAt = state.clock.now();
  if (contact.ownerId !== null) state.assignOwner(contact.id, contact.ownerId, { at: writtenAt });
  state.moveStage(contact.id, stage, { at: writtenAt });
  const event: HandoffEvent = {
    contactId: contact.id,
    stage,
    writtenAt,
    searchableAt: writtenAt + state.indexLag,
    webhookAt: null,
  };
  log.handoffs.push(event);
  return event;
}

/**
 * Steady traffic for `duration`: handoffs and logged calls at the given rates (uniform random gaps),
 * calls on random open leads and on the leads just handed off (reps calling back).
 */
export async function steadyTraffic(world: World, o: TrafficOptions, log: TrafficLog): Promise<void> {
  const rnd = random(o.seed ?? 5);
  const state = world.hubspot.state;
  const until = state.clock.now() + o.duration;
  const handoffGap = 60_000 / Math.max(o.handoffsPerMinute, 1e-9);
  const touchGap = 60_000 / Math.max(o.touchesPerMinute, 1e-9);
  let nextHandoff = state.clock.now() + rnd.next() * handoffGap;
  let nextTouch = state.clock.now() + rnd.next() * touchGap;
  const lagFloor = state.indexLag;
  const pending: Promise<void>[] = [];
  for (;;) {
    const now = state.clock.now();
    const due = Math.min(nextHandoff, nextTouch);
    if (due >= until) break;
    if (due > now) await sleep(due - now);
    if (o.maxLagMs !== undefined) state.indexLag = rnd.int(0, o.maxLagMs);
    if (nextHandoff <= nextTouch) {
      const contact = world.spare.shift();
      if (contact) {
        const event = handOff(world, log, contact, rnd.next() < 2 / 3);
        if (o.onHandoff) pending.push(o.onHandoff(event));
      }
      nextHandoff += handoffGap * (0.5 + rnd.next());
    } else {
      const recent = log.handoffs.slice(-20).filter((h) => o.pinged(h.contactId));
      const target =
        recent.length > 0 && rnd.next() < 0.5 ? rnd.pick(recent).contactId : rnd.pick(world.open).id;
      const call = state.logCall(target, { disposition: rnd.pick(['Connected', 'No answer', 'Busy']) });
      const writtenAt = state.clock.now();
      log.touches.push({
        contactId: target,
        engagementId: call.id,
        writtenAt,
        searchableAt: writtenAt + state.indexLag,
      });
      nextTouch += touchGap * (0.5 + rnd.next());
    }
    if (o.maxLagMs !== undefined) state.indexLag = lagFloor;
  }
  await Promise.all(pending);
}

/** A list import: `count` leads handed off evenly within `within` (default one minute). */
export async function burstTraffic(
  world: World,
  count: number,
  log: TrafficLog,
  within: Millis = 60_000,
  onHandoff?: (event: HandoffEvent) => Promise<void>,
): Promise<void> {
  const rnd = random(31);
  const state = world.hubspot.state;
  const start = state.clock.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const at = start + (i * within) / count;
    const wait = at - state.clock.now();
    if (wait > 0) await sleep(wait);
    const contact = world.spare.shift();
    if (!contact) break;
    const event = handOff(world, log, contact, rnd.next() < 2 / 3);
    if (onHandoff) pending.push(onHandoff(event));
  }
  await Promise.all(pending);
}
