import { isRecord } from '../../shared/http-types.ts';
import { type Args, str, structured } from '../args.ts';
import type { RecordedView } from '../message-log.ts';
import type { SlackState } from '../slack-state.ts';
import { checkBlocks, MAX_VIEW_BLOCKS } from './chat-content.ts';
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

const invalid = (message: string): ParsedView => ({
  ok: false,
  outcome: fail('invalid_arguments', { response_metadata: { messages: [`[ERROR] ${message}`] } }),
});

/** The `view` argument, checked like Slack does (type, block count, a modal's title). */
function parseView(args: Args, type: 'home' | 'modal'): ParsedView {
  const raw = structured(args, 'view');
  if (!raw.ok || !isRecord(raw.value)) return invalid('failed to parse view');
  const view = raw.value;
  if (view.type !== type) return invalid(`must be a ${type} view [json-pointer:/view/type]`);
  if (checkBlocks(view.blocks ?? [], MAX_VIEW_BLOCKS) === 'invalid')
    return invalid(`no more than ${MAX_VIEW_BLOCKS} items allowed [json-pointer:/view/blocks]`);
  if (type === 'modal' && !isRecord(view.title))
    return invalid('missing required field: title [json-pointer:/view]');
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
      if (!current) return fail('not_found');
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
