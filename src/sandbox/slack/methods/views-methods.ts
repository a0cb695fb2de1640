import { isRecord } from '../../shared/http-types.ts';
import { type Args, str, structured } from '../args.ts';
import { viewErrors } from '../block-kit-limits.ts';
import type { RecordedView } from '../message-log.ts';
import type { SlackState } from '../slack-state.ts';
import { fail, type MethodContext, type MethodOutcome, type MethodSpec, ok } from './method.ts';

/** A view as `views.*` return it. */
export function viewJson(view: RecordedView, state: SlackState) {
  const v = view.view;
  return {
    id: view.id,
    team_id: state.team.id,
    type: view.type,
    blocks: v.blocks ?? [],
    private_metadata: v.private_metadata ?? '',
    callback_id: v.callback_id ?? '',
    state: { values: {} },
    hash: view.hash,
    title: v.title ?? null,
    clear_on_close: v.clear_on_close ?? false,
    notify_on_close: v.notify_on_close ?? false,
    close: v.close ?? null,
    submit: v.submit ?? null,
    previous_view_id: null,
    root_view_id: view.id,
    app_id: state.bot.appId,
    external_id: view.externalId ?? '',
    app_installed_team_id: state.team.id,
    bot_id: state.bot.botId,
  };
}

type ParsedView =
  | { readonly ok: true; readonly view: Record<string, unknown> }
  | { readonly ok: false; readonly outcome: MethodOutcome };

const invalid = (...messages: string[]): ParsedView => ({
  ok: false,
  outcome: fail('invalid_arguments', {
    response_metadata: { messages: messages.map((m) => `[ERROR] ${m}`) },
  }),
});

/** The `view` argument, checked like Slack does (type, Block Kit limits, a modal's title and buttons). */
function parseView(args: Args, type: 'home' | 'modal'): ParsedView {
  const raw = structured(args, 'view');
  if (!raw.ok || !isRecord(raw.value)) return invalid('failed to parse view');
  const view = raw.value;
  if (view.type !== type) return invalid(`must be a ${type} view [json-pointer:/view/type]`);
  const problems = viewErrors(view);
  if (problems.length > 0)
    return invalid('failed to match all allowed schemas [json-pointer:/view]', ...problems);
  return { ok: true, view };
}

function store(ctx: MethodContext, view: Omit<RecordedView, 'hash' | 'at' | 'closed'>): MethodOutcome {
  const recorded: RecordedView = {
    ...view,
    hash: `${Math.floor(ctx.now / 1000)}.${ctx.state.ids.make('V')}`,
    at: ctx.now,
    closed: false,
  };
  ctx.state.log.putView(recorded);
  return ok({ view: viewJson(recorded, ctx.state) });
}

/** After a modal opens, 2 more views may be pushed onto its stack: 3 in all (SI-3). */
export const MAX_VIEW_STACK = 3;

/** The latest version of each still-open view of the person's newest modal, root first. */
function openModalStack(state: SlackState, user: string): RecordedView[] {
  const latest = [...new Set(state.log.views.map((v) => v.id))]
    .map((id) => state.log.view(id))
    .filter((v): v is RecordedView => v !== null && v.type === 'modal' && v.user === user && !v.closed);
  const top = latest.at(-1);
  if (!top) return [];
  const root = top.root ?? top.id;
  return latest.filter((v) => (v.root ?? v.id) === root);
}

export const viewsMethods: Readonly<Record<string, MethodSpec>> = {
  'views.publish': {
    tier: 4,
    scope: null,
    handle: (ctx) => {
      const { state, args } = ctx;
      const user = state.directory.user(str(args, 'user_id') ?? '');
      if (!user) return fail('user_not_found');
      const parsed = parseView(args, 'home');
      if (!parsed.ok) return parsed.outcome;
      const { view } = parsed;
      const current = state.log.homeOf(user.id);
      const hash = str(args, 'hash');
      if (hash !== null && current !== null && current.hash !== hash) return fail('hash_conflict');
      return store(ctx, {
        id: current?.id ?? state.ids.make('V'),
        type: 'home',
        user: user.id,
        view,
        externalId: str(view, 'external_id'),
      });
    },
  },
  'views.open': {
    tier: 4,
    scope: null,
    handle: (ctx) => {
      const { state, args } = ctx;
      const trigger = str(args, 'trigger_id') ?? '';
      const parsed = parseView(args, 'modal');
      if (!parsed.ok) return parsed.outcome;
      const { view } = parsed;
      const problem = state.useTrigger(trigger);
      if (problem !== null) return fail(problem);
      const user = state.triggerUser(trigger) ?? '';
      return store(ctx, {
        id: state.ids.make('V'),
        type: 'modal',
        user,
        view,
        externalId: str(view, 'external_id'),
      });
    },
  },
  'views.push': {
    tier: 4,
    scope: null,
    handle: (ctx) => {
      const { state, args } = ctx;
      const trigger = str(args, 'trigger_id') ?? '';
      const parsed = parseView(args, 'modal');
      if (!parsed.ok) return parsed.outcome;
      const problem = state.useTrigger(trigger);
      if (problem !== null) return fail(problem);
      const user = state.triggerUser(trigger) ?? '';
      const open = openModalStack(state, user);
      if (open.length >= MAX_VIEW_STACK) return fail('push_limit_reached');
      const root = open[0]?.root ?? open[0]?.id;
      return store(ctx, {
        id: state.ids.make('V'),
        type: 'modal',
        user,
        view: parsed.view,
        externalId: str(parsed.view, 'external_id'),
        ...(root === undefined ? {} : { root }),
      });
    },
  },
  'views.update': {
    tier: 4,
    scope: null,
    handle: (ctx) => {
      const { state, args } = ctx;
      const byId = str(args, 'view_id');
      const byExternal = str(args, 'external_id');
      const current = byId
        ? state.log.view(byId)
        : (state.log.views.findLast((v) => v.externalId === byExternal) ?? null);
      // A modal the person closed is gone (stricter reading: Slack documents `not_found` for an unknown view).
      if (!current || current.closed) return fail('not_found');
      const parsed = parseView(args, current.type);
      if (!parsed.ok) return parsed.outcome;
      const { view } = parsed;
      const hash = str(args, 'hash');
      if (hash !== null && current.hash !== hash) return fail('hash_conflict');
      return store(ctx, {
        id: current.id,
        type: current.type,
        user: current.user,
        view,
        externalId: current.externalId,
      });
    },
  },
};
