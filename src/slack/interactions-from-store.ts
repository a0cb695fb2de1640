import type { SlaConfig } from '../config/types.ts';
import type { Acknowledgement, Silence } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { Owner } from '../ports/crm-source.ts';
import type {
  AcknowledgeOutcome,
  InstanceView,
  Interactions,
  NotAFitOutcome,
  WriteBack,
} from '../ports/interactions.ts';
import type { LeadWriter } from '../ports/lead-writer.ts';
import type { Store, StoredInstance } from '../ports/store.ts';
import { claimLead } from './claim-lead.ts';
import { ownerFullName } from './owner-name.ts';
import { normalizeEmail } from './slack-user.ts';

export interface InteractionsDeps {
  readonly store: Pick<
    Store,
    | 'instance'
    | 'openInstancesOfOwners'
    | 'acknowledge'
    | 'acknowledgements'
    | 'reject'
    | 'addSilence'
    | 'silencesBetween'
    | 'closeInstance'
    | 'recordReassignment'
    | 'reassignmentsOf'
  >;
  /** HubSpot owners (the CRM adapter caches them). */
  readonly owners: () => Promise<readonly Owner[]>;
  /** `null` when no HubSpot writer is wired (write-back then reports `off`). */
  readonly leadWriter: LeadWriter | null;
  readonly config: () => SlaConfig;
  readonly logger: Logger;
}

/**
 * The clicker's name as the ping shows it: the owner's name as in HubSpot when the lead's owner
 * clicked, else their Slack name; `null` when neither is known (the ping then shows who it was).
 */
function clickerName(by: string, slackName: string | null, owner: Owner | null): string | null {
  const isOwner = owner?.email != null && normalizeEmail(owner.email) === normalizeEmail(by);
  return (isOwner && ownerFullName(owner)) || slackName;
}

/** The `Interactions` port over the `Store` (and, for "Not a fit", the `LeadWriter`). */
export function interactionsFromStore(deps: InteractionsDeps): Interactions {
  const { store, logger } = deps;

  async function ownersById(): Promise<Map<string, Owner>> {
    return new Map((await deps.owners()).map((o) => [o.id, o]));
  }

  const view = (s: StoredInstance, owners: Map<string, Owner>, ack?: Acknowledgement): InstanceView => ({
    instance: s.instance,
    evaluation: s.evaluation && ack ? { ...s.evaluation, acknowledged: ack } : s.evaluation,
    owner: s.instance.ownerId === null ? null : (owners.get(s.instance.ownerId) ?? null),
    pingRef: s.pingRef,
  });

  async function lead(instanceId: string): Promise<InstanceView | null> {
    const s = await store.instance(instanceId);
    return s ? view(s, await ownersById()) : null;
  }

  async function acknowledge(
    instanceId: string,
    by: string,
    at: Instant,
    slackName: string | null,
  ): Promise<AcknowledgeOutcome> {
    const s = await store.instance(instanceId);
    if (!s) return { status: 'not_found' };
    const owners = await ownersById();
    if (s.instance.closedAt !== null) return { status: 'closed', lead: view(s, owners) };
    const owner = s.instance.ownerId === null ? null : (owners.get(s.instance.ownerId) ?? null);
    const byName = clickerName(by, slackName, owner);
    const acknowledgement: Acknowledgement = { instanceId, by, ...(byName === null ? {} : { byName }), at };
    if (await store.acknowledge(acknowledgement)) {
      return { status: 'recorded', lead: view(s, owners, acknowledgement), acknowledgement };
    }
    const [first] = await store.acknowledgements([instanceId]);
    return { status: 'duplicate', lead: view(s, owners, first) };
  }

  async function writeBack(s: StoredInstance, reason: string): Promise<WriteBack> {
    const settings = deps.config().hubspot.writeBack;
    if (!settings.enabled || settings.notAFitLeadStatus === null || deps.leadWriter === null)
      return { status: 'off' };
    try {
      await deps.leadWriter.markNotAFit(s.instance, reason, settings.notAFitLeadStatus);
      return { status: 'done', leadStatus: settings.notAFitLeadStatus };
    } catch (err) {
      const retryable =
        typeof err === 'object' && err !== null && 'retryable' in err && err.retryable === true;
      logger.error({ err, instance: s.instance.id }, 'not-a-fit write-back to HubSpot failed');
      return { status: 'failed', error: err instanceof Error ? err.message : String(err), retryable };
    }
  }

  async function markNotAFit(
    instanceId: string,
    reason: string,
    by: string,
    at: Instant,
  ): Promise<NotAFitOutcome> {
    const s = await store.instance(instanceId);
    if (!s) return { status: 'not_found' };
    const owners = await ownersById();
    if (!(await store.reject({ instanceId, reason, by, at })))
      return { status: 'duplicate', lead: view(s, owners) };
    // Closes the clock: no more reminders or escalations for a lead sales turned down. An instance
    // the worker closed meanwhile (it moved on) keeps its own close.
    // Who did it is kept: every message about the lead says it was marked not a fit, and by whom.
    const closedNow =
      s.instance.closedAt === null && (await store.closeInstance(instanceId, at, 'not_a_fit', by));
    const closed: StoredInstance = closedNow
      ? { ...s, instance: { ...s.instance, closedAt: at, closeReason: 'not_a_fit', closeDetail: by } }
      : ((await store.instance(instanceId)) ?? s);
    return { status: 'recorded', lead: view(closed, owners), writeBack: await writeBack(s, reason) };
  }

  async function addSilence(silence: Silence): Promise<boolean> {
    const existing = await store.silencesBetween(silence.from, silence.until);
    if (existing.some((s) => s.id === silence.id)) return false;
    await store.addSilence(silence);
    return true;
  }

  async function openLeadsOfEmails(emails: ReadonlySet<string>): Promise<readonly InstanceView[]> {
    const owners = await ownersById();
    const ids = [...owners.values()]
      .filter((o) => o.email && emails.has(normalizeEmail(o.email)))
      .map((o) => o.id);
    if (ids.length === 0) return [];
    return (await store.openInstancesOfOwners(ids)).map((s) => view(s, owners));
  }

  return {
    lead,
    acknowledge,
    markNotAFit,
    claim: (request) => claimLead(deps, view, request),
    addSilence,
    openLeadsOf: (email) => openLeadsOfEmails(new Set([normalizeEmail(email)])),
    openLeadsOfTeam: (name) => {
      const team = deps.config().teams.find((t) => t.name === name);
      return openLeadsOfEmails(new Set((team?.members ?? []).map(normalizeEmail)));
    },
  };
}
