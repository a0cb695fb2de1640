import { type Lang, LOCALE_TAG } from '../i18n/language.ts';
import type { HubSpotSandbox, SlackSandbox } from '../sandbox/index.ts';
import type { DemoScenario } from './scenario.ts';

/**
 * The demo's people: every rep is a HubSpot owner; everyone with `inSlack` has a Slack account (in
 * their team's zone); the channels exist with the bot in them. Returns the owner id per rep e-mail.
 */
export function seedWorld(
  scenario: DemoScenario,
  hubspot: HubSpotSandbox,
  slack: SlackSandbox,
  lang: Lang = 'en',
): Map<string, string> {
  const ownerIds = new Map<string, string>();
  const members: string[] = [];
  for (const p of scenario.people) {
    if (p.role === 'rep') {
      const owner = hubspot.state.addOwner({
        email: p.email,
        firstName: p.firstName,
        lastName: p.lastName,
        teams: [p.team],
      });
      ownerIds.set(p.email, owner.id);
    }
    if (p.inSlack) {
      const user = slack.state.addUser({
        email: p.email,
        name: p.firstName.toLowerCase(),
        realName: `${p.firstName} ${p.lastName}`,
        tz: p.tz,
        // Their Slack language is the demo's (`--lang`), as Slack would tell it with include_locale.
        locale: LOCALE_TAG[lang],
      });
      members.push(user.id);
    }
  }
  for (const name of scenario.channels) slack.state.addChannel({ name, members });
  return ownerIds;
}
