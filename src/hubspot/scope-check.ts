import type { SlaConfig, SourceLocation } from '../config/types.ts';
import type { ConfigMismatch } from './errors.ts';

const CONTACTS_WRITE = 'crm.objects.contacts.write';
const LEADS_WRITE = 'crm.objects.leads.write';

interface Need {
  readonly scope: string;
  readonly at: SourceLocation | null;
  readonly what: string;
}

/** Whether the policy named applies to a stage of the Leads object (its instances' owner is the lead's). */
const onLeadStage = (config: SlaConfig, policyName: string): boolean => {
  const stageKey = config.policies.find((p) => p.name === policyName)?.stage;
  return config.stages.some((s) => s.key === stageKey && s.source.kind === 'lead_pipeline');
};

/** The write scopes the SLA file needs, each with the line that needs it. */
function writeNeeds(config: SlaConfig): Need[] {
  const needs: Need[] = [];
  const writeBack = config.hubspot.writeBack;
  if (writeBack.enabled) {
    const at = config.writeBackAt ?? null;
    needs.push({ scope: CONTACTS_WRITE, at, what: 'hubspot.write_back (write-back on the contact)' });
    const teamChannels = config.teams.some((t) => t.channel !== null);
    const leadStages = config.stages.some((s) => s.source.kind === 'lead_pipeline');
    if (teamChannels && leadStages)
      needs.push({
        scope: LEADS_WRITE,
        at,
        what: 'hubspot.write_back ("Take it" on a Leads-pipeline stage)',
      });
  }
  for (const ref of config.reassignments ?? []) {
    const what = `${ref.path} (reassignment, policy '${ref.policy}')`;
    needs.push({ scope: CONTACTS_WRITE, at: ref.at, what });
    if (onLeadStage(config, ref.policy)) needs.push({ scope: LEADS_WRITE, at: ref.at, what });
  }
  return needs;
}

/** Whether the SLA file writes to HubSpot at all (only then are the token's scopes asked for). */
export const writesToHubSpot = (config: SlaConfig): boolean => writeNeeds(config).length > 0;

/**
 * The SLA file's writes the token may not make (pure): write-back and "Take it" need
 * `crm.objects.contacts.write`, each `reassign:` too, and where the lead is a Leads-object record,
 * `crm.objects.leads.write`. Reads need no check here: the start-up check makes each of them once and
 * a missing read scope fails it there. One problem per line and scope, in the file's order.
 */
export function checkWriteScopes(config: SlaConfig, granted: ReadonlySet<string>): ConfigMismatch[] {
  return writeNeeds(config)
    .filter((need) => !granted.has(need.scope))
    .sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0))
    .map((need) => ({
      at: need.at,
      message:
        `${need.what} needs the HubSpot scope '${need.scope}', which the access token does not have: ` +
        'add it in HubSpot → Settings → Integrations → Private apps → Scopes and update the token ' +
        '(docs/hubspot.md), or turn this off',
      existing: [],
    }));
}
