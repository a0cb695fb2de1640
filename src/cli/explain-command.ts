import { parseArgs } from 'node:util';
import type { Clock } from '../clock/clock.ts';
import { systemClock } from '../clock/system-clock.ts';
import { LANGS, parseLang } from '../i18n/language.ts';
import { translator } from '../i18n/translate.ts';
import { lookupOwners, openReportContext, ReportSetupError } from '../reports/cli-context.ts';
import { parseLeadRef } from '../reports/timeline/lead-ref.ts';
import { findInstances, loadTimeline } from '../reports/timeline/load-timeline.ts';
import {
  describeContext,
  renderTimelinesJson,
  renderTimelinesText,
} from '../reports/timeline/render-timeline.ts';
import type { CliIo, Command } from './io.ts';

const USAGE = `Usage: sla-bot explain <contact id | e-mail | HubSpot record URL | instance id> [--json] [--lang en|nl|de]

What happened to one lead, from the store (DATABASE_URL): every event in time order — the stage
entered in HubSpot, first seen by sla-bot, the policy and why (recomputed from the stored lead with
the current SLA file), each clock and deadline (an earlier owner's too, after a reassignment or a
"Take it"), each message (to whom, delivered or to a fallback), "On it", silences, each touch counted
or not (and the rule that excluded it), owner changes, verdicts and the close, and where it stands now
(judged now: a deadline passed while the worker was not running is shown missed). A lead with several
handoffs (stages, or a return) shows each, newest first.

Options:
  --json     the typed events as JSON (format sla-bot-timeline/1), each with its text line
  --lang L   en, nl or de; default: the SLA file's language:, else en

Times are in the SLA file's timezone.`;

const parse = (args: readonly string[]) =>
  parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, lang: { type: 'string' } },
  });

async function run(args: readonly string[], io: CliIo, clock: Clock): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    io.stderr(`sla-bot explain: ${err instanceof Error ? err.message : String(err)}\n\n${USAGE}\n`);
    return 2;
  }
  const [arg, ...extra] = parsed.positionals;
  const ref = arg === undefined ? null : parseLeadRef(arg);
  if (ref === null || extra.length > 0) {
    const why =
      arg === undefined
        ? 'name a lead'
        : extra.length > 0
          ? 'name one lead'
          : `'${arg}' is not a contact id, an e-mail, a HubSpot record URL or an instance id`;
    io.stderr(`sla-bot explain: ${why}\n\n${USAGE}\n`);
    return 2;
  }
  const lang = parsed.values.lang === undefined ? undefined : parseLang(parsed.values.lang);
  if (lang === null) {
    io.stderr(`sla-bot explain: --lang '${parsed.values.lang}' is not one of ${LANGS.join(', ')}\n`);
    return 2;
  }
  const ctx = await openReportContext(io);
  try {
    // One `now` for every handoff: "Now" is judged at it, not at the worker's last cycle.
    const now = clock.now();
    const found = await findInstances(ctx.store, ref, now);
    if (found.length === 0) {
      io.stderr(`sla-bot explain: no handoff of '${arg}' in the store\n`);
      return 1;
    }
    const lookup = await lookupOwners(ctx, clock);
    if (lookup.warning !== null) io.stderr(`sla-bot explain: ${lookup.warning}\n`);
    const deps = { store: ctx.store, config: ctx.config, owners: lookup.owners };
    const timelines = [];
    for (const s of found) timelines.push(await loadTimeline(deps, s, now));
    // As reports: "Sie" in German whatever the file's `informal:`.
    const t = translator({ code: lang ?? ctx.config.language?.code ?? 'en', informal: false });
    const c = describeContext(ctx.config, lookup.owners, t);
    io.stdout(parsed.values.json ? renderTimelinesJson(timelines, c) : renderTimelinesText(timelines, c));
    return 0;
  } finally {
    await ctx.store.close();
  }
}

/** `sla-bot explain` reading "now" from `clock`. */
export const explainCommandWith = (clock: Clock): Command => ({
  summary: "a lead's timeline: what happened to it, and why",
  usage: USAGE,
  run: async (args, io) => {
    try {
      return await run(args, io, clock);
    } catch (err) {
      if (err instanceof ReportSetupError) {
        io.stderr(`sla-bot explain: ${err.message}\n`);
        return 1;
      }
      throw err;
    }
  },
});

export const explainCommand: Command = explainCommandWith(systemClock);
