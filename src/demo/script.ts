import type { Clock } from '../clock/clock.ts';
import type { Instant, Millis } from '../domain/time.ts';
import type { HubSpotSandbox, RecordedMessage, SlackSandbox } from '../sandbox/index.ts';
import { ACTION } from '../slack/render/ids.ts';
import { parseTakeItValue } from '../slack/render/take-it.ts';
import type { Source } from './printer.ts';
import type { DemoAction, DemoLead, DemoPerson, DemoScenario } from './scenario.ts';

export interface ScriptDeps {
  readonly scenario: DemoScenario;
  readonly hubspot: HubSpotSandbox;
  readonly slack: SlackSandbox;
  readonly clock: Clock;
  readonly speed: number;
  /** Scenario time 0. */
  readonly start: Instant;
  readonly officeOpensAt: Instant;
  /** HubSpot owner id per rep e-mail. */
  readonly ownerIds: ReadonlyMap<string, string>;
  /** Where Slack delivers button clicks (Bolt's HTTP endpoint on the worker's server). */
  readonly slackEventsUrl: string;
  readonly signingSecret: string;
  readonly narrate: (source: Source, text: string) => void;
  /** A step that failed (the story goes on; the demo reports it at the end). */
  readonly failed: (step: string, err: unknown) => void;
}

export interface RunningScript {
  /** Cancels the steps still to come and waits for the ones under way. */
  stop(): Promise<void>;
  /** Says in the terminal which leads have another owner in HubSpot now than they arrived with. */
  narrateOwnerChanges(): void;
}

const fullName = (p: { readonly firstName: string; readonly lastName: string }) =>
  `${p.firstName} ${p.lastName}`;

/** The contact an instance id (`contact:123:sql:…`) is about. */
const contactOfInstance = (id: string | undefined): string | null =>
  id === undefined ? null : (/^contact:([^:]+):/.exec(id)?.[1] ?? null);

/** The contact a message's `actionId` button is about: the ping's "On it" carries the instance id, "Take it" JSON. */
const contactOfButton = (message: RecordedMessage, actionId: string = ACTION.onIt): string | null => {
  for (const block of message.blocks ?? []) {
    const elements = (block as { elements?: unknown }).elements;
    if (!Array.isArray(elements)) continue;
    for (const el of elements as { action_id?: unknown; value?: unknown }[]) {
      if (el.action_id !== actionId || typeof el.value !== 'string') continue;
      if (actionId === ACTION.takeIt) return contactOfInstance(parseTakeItValue(el.value)?.instanceId);
      return contactOfInstance(el.value);
    }
  }
  return null;
};

/**
 * Plays the scenario against the sandboxes in real time: leads enter their stage in HubSpot, reps log
 * calls and press buttons in Slack. Steps timed from a ping wait until that ping has arrived.
 */
export function startScript(deps: ScriptDeps): RunningScript {
  const { scenario, hubspot, slack, clock, speed } = deps;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  const contacts = new Map<DemoLead, string>();
  const pinged = new Set<DemoLead>();
  const escalated = new Set<DemoLead>();
  let stopped = false;
  const people = new Map<string, DemoPerson>(scenario.people.map((p) => [p.email, p]));
  const name = (email: string) => {
    const p = people.get(email);
    return p ? fullName(p) : email;
  };

  const at = (when: Instant, step: string, run: () => void | Promise<void>): void => {
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        if (stopped) return;
        const step$ = Promise.resolve()
          .then(run)
          .catch((err: unknown) => deps.failed(step, err))
          .finally(() => running.delete(step$));
        running.add(step$);
      },
      Math.max(0, when - clock.now()),
    );
    timers.add(timer);
  };
  const scaled = (ms: Millis) => ms / speed;

  const act = async (lead: DemoLead, action: DemoAction): Promise<void> => {
    const contactId = contacts.get(lead);
    if (contactId === undefined) throw new Error(`no contact for ${fullName(lead)}`);
    const who = name(action.kind === 'call' && action.by !== undefined ? action.by : lead.owner);
    switch (action.kind) {
      case 'call':
        hubspot.state.logCall(contactId, {
          disposition: action.outcome,
          durationMs: action.outcome === 'Connected' ? 4 * 60_000 : 30_000,
          title: `Call with ${fullName(lead)}`,
        });
        deps.narrate('hubspot', `${who} logged a call with ${fullName(lead)}: ${action.outcome}`);
        return;
      case 'email':
        hubspot.state.logEmail(contactId, { subject: action.subject });
        deps.narrate('hubspot', `${who} e-mailed ${fullName(lead)}: "${action.subject}"`);
        return;
      case 'on_it':
        await pressOnIt(lead, contactId);
        return;
      case 'take_it':
        await pressTakeIt(lead, contactId, action.by);
        return;
    }
  };

  const pressTakeIt = async (lead: DemoLead, contactId: string, by: string): Promise<void> => {
    const escalation = slack.state.log.messages.find((m) => contactOfButton(m, ACTION.takeIt) === contactId);
    if (!escalation) throw new Error(`no escalation for ${fullName(lead)} to press "Take it" on`);
    const click = slack.interact.clickButton({
      user: by,
      channel: escalation.channel,
      ts: escalation.ts,
      actionId: ACTION.takeIt,
    });
    deps.narrate(
      'demo',
      `${name(by)} presses [Take it] on the team channel's escalation about ${fullName(lead)}`,
    );
    const answer = await slack.interact.deliver(deps.slackEventsUrl, click, deps.signingSecret);
    if (answer.shownError !== null) throw new Error(`Slack showed the click as failed: ${answer.shownError}`);
  };

  const pressOnIt = async (lead: DemoLead, contactId: string): Promise<void> => {
    const ping = slack.state.log.messages.find((m) => contactOfButton(m) === contactId);
    if (!ping) throw new Error(`no ping for ${fullName(lead)} to press "On it" on`);
    const click = slack.interact.clickButton({
      user: lead.owner,
      channel: ping.channel,
      ts: ping.ts,
      actionId: ACTION.onIt,
    });
    deps.narrate('demo', `${name(lead.owner)} presses [On it] on the ping about ${fullName(lead)}`);
    const answer = await slack.interact.deliver(deps.slackEventsUrl, click, deps.signingSecret);
    if (answer.shownError !== null) throw new Error(`Slack showed the click as failed: ${answer.shownError}`);
  };

  const schedule = (lead: DemoLead, anchor: DemoAction['from'], from: Instant): void => {
    for (const action of lead.actions.filter((a) => a.from === anchor))
      at(from + scaled(action.after), `${action.kind} ${fullName(lead)}`, () => act(lead, action));
  };

  const arrive = (lead: DemoLead): void => {
    const ownerId = deps.ownerIds.get(lead.owner);
    const contact = hubspot.state.addContact({
      firstName: lead.firstName,
      lastName: lead.lastName,
      email: lead.email,
      phone: lead.phone,
      company: lead.company,
      jobTitle: lead.jobTitle,
      country: lead.country,
      source: lead.source,
      score: lead.score,
      recentConversion: lead.conversion,
      ...(ownerId === undefined ? {} : { ownerId }),
      stage: lead.stage,
    });
    contacts.set(lead, contact.id);
    const stage = lead.stage === 'salesqualifiedlead' ? 'an SQL' : 'an MQL';
    const note = lead.note === null ? '' : ` ${lead.note}`;
    deps.narrate(
      'hubspot',
      `${fullName(lead)} (${lead.company}) became ${stage}, owner ${name(lead.owner)}.${note}`,
    );
    schedule(lead, 'handoff', clock.now());
    if (clock.now() >= deps.officeOpensAt) schedule(lead, 'office_opens', deps.officeOpensAt);
  };

  const leadOf = (contactId: string | null) => [...contacts].find(([, id]) => id === contactId)?.[0];
  const offSlack = slack.state.on((event) => {
    if (event.kind !== 'posted') return;
    const pingedLead = leadOf(contactOfButton(event.message));
    if (pingedLead && !pinged.has(pingedLead)) {
      pinged.add(pingedLead);
      schedule(pingedLead, 'ping', clock.now());
    }
    const escalatedLead = leadOf(contactOfButton(event.message, ACTION.takeIt));
    if (escalatedLead && !escalated.has(escalatedLead)) {
      escalated.add(escalatedLead);
      schedule(escalatedLead, 'channel', clock.now());
    }
  });

  for (const lead of scenario.leads)
    at(deps.start + scaled(lead.arrivesAt), `arrival of ${fullName(lead)}`, () => arrive(lead));
  at(deps.officeOpensAt, 'office opening', () => {
    deps.narrate('demo', 'The office opens (calendar "office"): office-hours SLA clocks start now.');
    for (const lead of scenario.leads) if (contacts.has(lead)) schedule(lead, 'office_opens', clock.now());
  });

  return {
    narrateOwnerChanges() {
      const emailOf = new Map([...deps.ownerIds].map(([email, id]) => [id, email]));
      for (const [lead, contactId] of contacts) {
        const ownerId = hubspot.state.properties('contacts', contactId).hubspot_owner_id ?? null;
        const now = ownerId === null ? null : (emailOf.get(ownerId) ?? null);
        if (now === null || now === lead.owner) continue;
        deps.narrate('hubspot', `${fullName(lead)}'s owner is now ${name(now)} (was ${name(lead.owner)})`);
      }
    },
    async stop() {
      stopped = true;
      offSlack();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.all(running);
    },
  };
}
