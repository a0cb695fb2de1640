import type { Clock } from '../../clock/clock.ts';
import type { Instant, Millis } from '../../domain/time.ts';
import { CrmData, type PropertyInput } from './crm-data.ts';
import { addStageProperties, installDefaultProperties } from './default-properties.ts';
import { DEFAULT_DISPOSITIONS, type Disposition } from './dispositions.ts';
import type { ObjectType } from './object-types.ts';
import { OwnerDirectory, type OwnerInput, type SandboxOwner } from './owners.ts';
import {
  DEFAULT_LEAD_STAGES,
  DEFAULT_LIFECYCLE_STAGES,
  LEAD_PIPELINE_ID,
  type StageInfo,
} from './pipelines.ts';
import { options } from './property-catalog.ts';
import type { ChangeSource, CrmRecord } from './records.ts';
import { assignContactOwner, moveContactStage, moveLeadStage } from './stage-script.ts';
import * as touches from './touch-script.ts';

export interface ContactInput {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly company?: string;
  readonly jobTitle?: string;
  readonly country?: string;
  /** `hs_analytics_source`, e.g. `PAID_SEARCH`. */
  readonly source?: string;
  readonly score?: number;
  readonly recentConversion?: string;
  /** Any other properties, as HubSpot stores them. */
  readonly properties?: PropertyInput;
  readonly ownerId?: string;
  /** Lifecycle stage to put the contact in right after creation (sets date-entered like a move). */
  readonly stage?: string;
  /** Default: now. */
  readonly createdAt?: Instant;
}

export interface LeadInput {
  readonly name?: string;
  readonly ownerId?: string;
  /** Default `new-stage-id`. */
  readonly stage?: string;
  readonly type?: string;
  readonly label?: string;
}

/** When a scripted change happens and who made it; both optional. */
export interface ScriptOptions {
  readonly at?: Instant;
  readonly source?: ChangeSource;
}

const SCRIPT_SOURCE: ChangeSource = {
  sourceType: 'CRM_UI',
  sourceId: 'userId:9000001',
  updatedByUserId: 9_000_001,
};

/**
 * The HubSpot portal behind the sandbox, scripted by the demo, tests and benchmarks. Every timestamp
 * comes from the injected clock unless given.
 */
export class HubSpotState {
  readonly data: CrmData;
  readonly owners = new OwnerDirectory();
  readonly dispositions: Disposition[] = [...DEFAULT_DISPOSITIONS];
  readonly lifecycleStages: StageInfo[] = [...DEFAULT_LIFECYCLE_STAGES];
  readonly leadStages: StageInfo[] = [...DEFAULT_LEAD_STAGES];
  readonly clock: Clock;
  /** What `GET /account-info/v3/details` reports. */
  readonly account = {
    portalId: 12_345_678,
    timeZone: 'Europe/Amsterdam',
    uiDomain: 'app-eu1.hubspot.com',
    companyCurrency: 'EUR',
    dataHostingLocation: 'eu1',
  };
  private nextCustomStage = 1_234_567;

  constructor(clock: Clock, indexLag: Millis = 0) {
    this.clock = clock;
    this.data = new CrmData(indexLag);
    installDefaultProperties(this.data.catalog, this.lifecycleStages, this.leadStages);
  }

  /** Search index lag: created/changed records are searchable only this long after the change. */
  get indexLag(): Millis {
    return this.data.index.lag;
  }
  set indexLag(lag: Millis) {
    this.data.index.lag = lag;
  }

  addOwner(input: OwnerInput): SandboxOwner {
    return this.owners.add(input, this.clock.now());
  }

  archiveOwner(ownerId: string): SandboxOwner {
    return this.owners.setArchived(ownerId, true, this.clock.now());
  }

  /** Adds a custom lifecycle stage (numeric internal id, like HubSpot) with its date properties. */
  addLifecycleStage(label: string, id: string = String(this.nextCustomStage++)): StageInfo {
    const stage = { id, label };
    this.lifecycleStages.splice(this.lifecycleStages.length - 1, 0, stage);
    const lifecycle = this.data.catalog.get('contacts', 'lifecyclestage');
    if (lifecycle) {
      const opts = options(this.lifecycleStages.map((s) => [s.id, s.label] as const));
      this.data.catalog.add('contacts', { ...lifecycle, options: opts });
    }
    addStageProperties(this.data.catalog, 'contacts', stage, 'Lifecycle Stage Pipeline');
    return stage;
  }

  /** Adds an option to an enumeration property, e.g. a custom `hs_lead_status` value such as `SALES_ACCEPTED`. */
  addPropertyOption(type: ObjectType, property: string, value: string, label: string = value): void {
    const definition = this.data.catalog.get(type, property);
    if (!definition) throw new RangeError(`sandbox: no ${type} property ${property}`);
    if (definition.options.some((o) => o.value === value)) return;
    const option = { value, label, displayOrder: definition.options.length, hidden: false };
    this.data.catalog.add(type, { ...definition, options: [...definition.options, option] });
  }

  addContact(input: ContactInput = {}): CrmRecord {
    const at = input.createdAt ?? this.clock.now();
    const record = this.data.create(
      'contacts',
      {
        firstname: input.firstName,
        lastname: input.lastName,
        email: input.email,
        phone: input.phone,
        company: input.company,
        jobtitle: input.jobTitle,
        country: input.country,
        hs_analytics_source: input.source,
        hubspotscore: input.score,
        recent_conversion_event_name: input.recentConversion,
        recent_conversion_date: input.recentConversion ? new Date(at).toISOString() : undefined,
        hs_pipeline: 'contacts-lifecycle-pipeline',
        ...input.properties,
      },
      { sourceType: 'FORM', sourceId: 'sandbox' },
      at,
    );
    if (input.ownerId !== undefined) this.assignOwner(record.id, input.ownerId, { at });
    if (input.stage !== undefined) this.moveStage(record.id, input.stage, { at });
    return record;
  }

  moveStage(contactId: string, stage: string, o: ScriptOptions = {}): CrmRecord {
    return moveContactStage(
      this.data,
      this.lifecycleStages,
      contactId,
      stage,
      this.at(o),
      o.source ?? SCRIPT_SOURCE,
    );
  }

  assignOwner(contactId: string, ownerId: string | null, o: ScriptOptions = {}): CrmRecord {
    return assignContactOwner(this.data, contactId, ownerId, this.at(o), o.source ?? SCRIPT_SOURCE);
  }

  /** Sets any properties of any record (history kept), e.g. `hs_lead_status`. */
  setProperties(type: ObjectType, id: string, properties: PropertyInput, o: ScriptOptions = {}): CrmRecord {
    return this.data.update(type, id, properties, o.source ?? SCRIPT_SOURCE, this.at(o));
  }

  /** Deletes (archives) a record: reads 404, search drops it after the index lag. */
  archive(type: ObjectType, id: string, o: ScriptOptions = {}): void {
    this.data.archive(type, id, this.at(o));
  }

  logCall(contactId: string, input: touches.CallInput = {}): CrmRecord {
    return touches.logCall(this.touchContext(), contactId, input);
  }

  logEmail(contactId: string, input: touches.EmailInput = {}): CrmRecord {
    return touches.logEmail(this.touchContext(), contactId, input);
  }

  logMeeting(contactId: string, input: touches.MeetingInput = {}): CrmRecord {
    return touches.logMeeting(this.touchContext(), contactId, input);
  }

  /** Creates a Leads-object record for a contact (associated as its primary contact). */
  createLead(contactId: string, input: LeadInput = {}, o: ScriptOptions = {}): CrmRecord {
    const at = this.at(o);
    const contact = this.data.require('contacts', contactId);
    const name = [contact.properties.get('firstname'), contact.properties.get('lastname')]
      .filter(Boolean)
      .join(' ');
    const lead = this.data.create(
      'leads',
      {
        hs_lead_name: input.name ?? (name || `Lead for ${contactId}`),
        hs_lead_type: input.type ?? 'NEW_BUSINESS',
        hs_lead_label: input.label ?? 'WARM',
        hubspot_owner_id: input.ownerId ?? contact.properties.get('hubspot_owner_id') ?? null,
        hs_pipeline: LEAD_PIPELINE_ID,
      },
      o.source ?? SCRIPT_SOURCE,
      at,
    );
    this.data.associate('leads', lead.id, 'contacts', contactId, at);
    return moveLeadStage(this.data, lead.id, input.stage ?? 'new-stage-id', at, o.source ?? SCRIPT_SOURCE);
  }

  /**
   * Creates a deal associated with these contacts. Like HubSpot, `hs_is_closed_won`/`hs_is_closed`
   * follow the stage (`closedwon`, `closedlost`) unless given.
   */
  createDeal(
    contactIds: readonly string[],
    properties: PropertyInput = {},
    o: ScriptOptions = {},
  ): CrmRecord {
    const at = this.at(o);
    const stage = String(properties.dealstage ?? 'appointmentscheduled');
    const deal = this.data.create(
      'deals',
      {
        dealname: 'Deal',
        pipeline: 'default',
        dealstage: stage,
        hs_is_closed_won: String(stage === 'closedwon'),
        hs_is_closed: String(stage === 'closedwon' || stage === 'closedlost'),
        ...properties,
      },
      o.source ?? SCRIPT_SOURCE,
      at,
    );
    for (const c of contactIds) this.data.associate('deals', deal.id, 'contacts', c, at);
    return deal;
  }

  moveLeadStage(leadId: string, stage: string, o: ScriptOptions = {}): CrmRecord {
    return moveLeadStage(this.data, leadId, stage, this.at(o), o.source ?? SCRIPT_SOURCE);
  }

  /** A record's current properties as HubSpot would return them (missing = absent). */
  properties(type: ObjectType, id: string): Readonly<Record<string, string>> {
    return Object.fromEntries(this.data.require(type, id).properties);
  }

  private touchContext() {
    return { data: this.data, dispositions: this.dispositions, now: this.clock.now(), source: SCRIPT_SOURCE };
  }

  private at(o: ScriptOptions): Instant {
    return o.at ?? this.clock.now();
  }
}
