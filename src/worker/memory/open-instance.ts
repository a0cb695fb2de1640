import type { Evaluation } from '../../domain/evaluation.ts';
import type { SlaInstance } from '../../domain/model.ts';
import type { MessageRef } from '../../ports/notifier.ts';
import type { OpenInstanceSummary, StoredInstance, VerdictFacts } from '../../ports/store.ts';
import { evaluationFingerprint, pingFingerprint } from '../shared/fingerprint.ts';
import { internInstance } from './intern-records.ts';
import type { Interner } from './interner.ts';

export const NONE: Evaluation['due'] = [];

/**
 * An evaluation as kept in memory: its `due` list (every notification of the instance so far, the
 * bulk of it) is only read when the evaluation is made — to record new notifications and for the
 * fingerprint — so it is dropped (about 0.8 KB per open instance; 80 MB at 100,000).
 */
export const withoutDue = (e: Evaluation): Evaluation => (e.due.length === 0 ? e : { ...e, due: NONE });

/**
 * Judged and not final: such an instance is judged again as its due moments come, so its
 * contact's touches are kept in memory. A settled one is judged again only when its contact has a
 * new touch or the world changes; its touches are then read from the store.
 */
export const unsettled = (o: OpenInstance): boolean => o.evaluation !== null && !o.evaluation.settled;

/**
 * Settled, judged, and its handoff ping (if any) shows what it says: nothing about it changes until
 * its contact, its lead or the world does, so it need not be kept whole (see `SettledInstances`).
 */
export const quiet = (o: OpenInstance): boolean =>
  o.evaluation?.settled === true &&
  o.fingerprint !== null &&
  (o.pingRef === null || o.pingState === pingFingerprint(o.evaluation, false));

/** `quiet`, told from a stored instance's summary. */
export const quietSummary = (
  s: OpenInstanceSummary,
): s is OpenInstanceSummary & { readonly verdict: VerdictFacts } =>
  s.verdict?.settled === true && (!s.hasPing || s.pingState === pingFingerprint(s.verdict, false));

/**
 * One open SLA instance as the worker keeps it whole between cycles: a `StoredInstance` in memory
 * form (shared strings, evaluation without its `due` list) plus the fingerprint of its evaluation,
 * so an evaluation is written only when it changes.
 */
export interface OpenInstance {
  readonly instance: SlaInstance;
  readonly evaluation: Evaluation | null;
  /** Fingerprint of `evaluation`, to write evaluations only when they change. */
  readonly fingerprint: string | null;
  readonly pingRef: MessageRef | null;
  readonly pingState: string | null;
}

/** A stored open instance in its memory form: shared strings, evaluation without `due`, fingerprinted. */
export function memoryFormOf(strings: Interner, s: StoredInstance): OpenInstance {
  const instance = internInstance(strings, s.instance);
  return {
    instance,
    evaluation: s.evaluation ? { ...s.evaluation, instanceId: instance.id, due: NONE } : null,
    fingerprint: s.evaluation ? evaluationFingerprint(s.evaluation) : null,
    pingRef: s.pingRef ? { channel: strings.intern(s.pingRef.channel), ts: s.pingRef.ts } : null,
    pingState: strings.maybe(s.pingState),
  };
}

/**
 * A stored open instance as it is judged: evaluation without `due`, fingerprinted, its strings as
 * read (see `sharedFormOf` for the form kept between cycles).
 */
export function judgedFormOf(s: StoredInstance): OpenInstance {
  return {
    instance: s.instance,
    evaluation: s.evaluation ? { ...s.evaluation, due: NONE } : null,
    fingerprint: s.evaluation ? evaluationFingerprint(s.evaluation) : null,
    pingRef: s.pingRef,
    pingState: s.pingState,
  };
}

/** `memoryFormOf` for an instance judged in its `judgedFormOf`: the same, with shared strings. */
export function sharedFormOf(strings: Interner, o: OpenInstance): OpenInstance {
  const instance = internInstance(strings, o.instance);
  return {
    instance,
    evaluation: o.evaluation ? { ...o.evaluation, instanceId: instance.id } : null,
    fingerprint: o.fingerprint,
    pingRef: o.pingRef ? { channel: strings.intern(o.pingRef.channel), ts: o.pingRef.ts } : null,
    pingState: strings.maybe(o.pingState),
  };
}
