import type { Clock } from '../clock/clock.ts';
import type { Instant, Millis } from '../domain/time.ts';
import type { HubSpotSandbox, RecordedMessage, SlackSandbox } from '../sandbox/index.ts';
import { ACTION } from '../slack/render/ids.ts';
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
}

const fullName = (p: { readonly firstName: string; readonly lastName: string }) =>
  `${p.firstName} ${p.lastName}`;

/** The contact id an instance id (`contact:123:sql:…`, the value of the ping's buttons) is about. */
const contactOfButton = (message: RecordedMessage): string | null => {
  for (const block of message.blocks ?? []) {
    const elements = (block as { elements?: unknown }).elements;
    if (!Array.isArray(elements)) continue;
    for (const el of elements as { action_id?: unknown; value?: unknown }[]) {
      if (el.action_id === ACTION.onIt && typeof el.value === 'string')
        return /^contact:([^:]+):/.exec(el.value)?.[1] ?? null;
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
    const who = name(lead.owner);
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
    }
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

  const offSlack = slack.state.on((event) => {
    if (event.kind !== 'posted') return;
    const contactId = contactOfButton(event.message);
    const lead = [...contacts].find(([, id]) => id === contactId)?.[0];
    if (!lead || pinged.has(lead)) return;
    pinged.add(lead);
    schedule(lead, 'ping', clock.now());
  });

  for (const lead of scenario.leads)
    at(deps.start + scaled(lead.arrivesAt), `arrival of ${fullName(lead)}`, () => arrive(lead));
  at(deps.officeOpensAt, 'office opening', () => {
    deps.narrate('demo', 'The office opens (calendar "office"): office-hours SLA clocks start now.');
    for (const lead of scenario.leads) if (contacts.has(lead)) schedule(lead, 'office_opens', clock.now());
  });

  return {
    async stop() {
      stopped = true;
      offSlack();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.all(running);
    },
  };
}
