import type { WebClient } from '@slack/web-api';
import type { Clock } from '../clock/clock.ts';
import type { ChannelRef } from '../config/types.ts';
import { type Instant, MINUTE, type Millis } from '../domain/time.ts';
import { type AdminMessage, adminMessage } from '../i18n/admin-message.ts';
import type { Logger } from '../log/logger.ts';
import type { NewOutboxEntry, Store } from '../ports/store.ts';
import type { SendQueue } from './send-queue.ts';

/** conversations.list is Tier 2 (20+ per minute). */
const LIST_SPACING: Millis = 3_000;
/** conversations.info is Tier 3 (50+ per minute). */
const INFO_SPACING: Millis = 1_200;
/** A check that could not finish (Slack failing) is tried again on use after this long. */
const RETRY_CHECK_AFTER: Millis = 5 * MINUTE;
/** Names per page; Slack recommends no more than 200. */
const PAGE = 200;

export interface ChannelDirectoryDeps {
  readonly client: WebClient;
  readonly queue: SendQueue;
  readonly store: Pick<Store, 'enqueue'>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The channels the SLA file in force names (hot reload: read on every check). */
  readonly refs: () => readonly ChannelRef[];
}

/** What a check found, per `#name` of the SLA file. */
export type ChannelFinding =
  | { readonly kind: 'found'; readonly name: string; readonly id: string }
  | { readonly kind: 'renamed'; readonly name: string; readonly id: string; readonly now: string }
  | { readonly kind: 'unknown'; readonly name: string };

export type ChannelCheck =
  | { readonly ok: true; readonly findings: readonly ChannelFinding[] }
  | { readonly ok: false; readonly reason: string };

const bare = (name: string): string => name.replace(/^#/, '').toLowerCase();
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The SLA file's `#name` channels as Slack channel ids. Posting by name breaks on a rename and never
 * works for a private channel (SD-14), so every name is looked up when sla-bot starts and when
 * the file is reloaded (`conversations.list`, public and private channels the bot is in), messages go
 * to the id, and admins are told — with the file and line — when a name is unknown, or when a channel
 * found earlier was renamed (its id is kept) (SD-15).
 */
export function createChannelDirectory(deps: ChannelDirectoryDeps) {
  const { client, queue, logger } = deps;
  /** Bare name → id, as of the last successful check (plus renamed channels under their old name). */
  let ids = new Map<string, string>();
  let checking: Promise<ChannelCheck> | null = null;
  let checkedOk = false;
  let lastTry: Instant | null = null;

  /** All public channels and the private ones the bot is in, until every wanted name is seen. */
  async function listUntil(wanted: ReadonlySet<string>): Promise<Map<string, string> | string> {
    const seen = new Map<string, string>();
    let cursor: string | undefined;
    do {
      const out = await queue.run('conversations.list', LIST_SPACING, () =>
        client.conversations.list({
          types: 'public_channel,private_channel',
          exclude_archived: true,
          limit: PAGE,
          ...(cursor ? { cursor } : {}),
        }),
      );
      if (!out.ok) return out.failure.code;
      for (const c of out.value.channels ?? []) if (c.id && c.name) seen.set(c.name.toLowerCase(), c.id);
      cursor = out.value.response_metadata?.next_cursor || undefined;
    } while (cursor && [...wanted].some((n) => !seen.has(n)));
    return seen;
  }

  /** The current name of a channel id (`null`: gone, archived or not visible). */
  async function currentName(id: string): Promise<string | null> {
    const out = await queue.run('conversations.info', INFO_SPACING, () =>
      client.conversations.info({ channel: id }),
    );
    if (!out.ok) return null;
    const c = out.value.channel;
    return c?.name && !c.is_archived ? c.name : null;
  }

  async function run(): Promise<ChannelCheck> {
    const refs = deps.refs();
    lastTry = deps.clock.now();
    const wanted = new Set(refs.filter((r) => r.channel.startsWith('#')).map((r) => bare(r.channel)));
    if (wanted.size === 0) {
      checkedOk = true;
      return { ok: true, findings: [] };
    }
    const listed = await listUntil(wanted);
    if (typeof listed === 'string') {
      logger.warn({ code: listed }, 'slack channel names could not be checked; posting to them by name');
      if (listed === 'missing_scope') await alertOnce(scopeAlert());
      return { ok: false, reason: listed };
    }
    const next = new Map<string, string>();
    const findings: ChannelFinding[] = [];
    for (const name of wanted) {
      const id = listed.get(name);
      if (id) {
        next.set(name, id);
        findings.push({ kind: 'found', name, id });
        continue;
      }
      const known = ids.get(name);
      const now = known ? await currentName(known) : null;
      if (known && now) {
        next.set(name, known);
        findings.push({ kind: 'renamed', name, id: known, now });
      } else findings.push({ kind: 'unknown', name });
    }
    ids = next;
    checkedOk = true;
    for (const f of findings) if (f.kind !== 'found') await alertOnce(findingAlert(f, refs));
    logger.info(
      {
        found: findings.filter((f) => f.kind === 'found').length,
        problems: findings.filter((f) => f.kind !== 'found'),
      },
      'slack channel names checked',
    );
    return { ok: true, findings };
  }

  function findingAlert(f: Exclude<ChannelFinding, { kind: 'found' }>, refs: readonly ChannelRef[]) {
    const where = refs
      .filter((r) => r.channel.startsWith('#') && bare(r.channel) === f.name)
      .map((r) => `${r.at.file}:${r.at.line} (${r.path})`)
      .join(', ');
    if (f.kind === 'renamed') {
      return {
        key: `admin:slack-channel-renamed:${f.name}:${f.id}:${f.now}`,
        message: adminMessage('alert.channel.renamed', { name: f.name, where, now: f.now, id: f.id }),
      };
    }
    return {
      key: `admin:slack-channel-unknown:${f.name}:${where}`,
      message: adminMessage('alert.channel.unknown', { name: f.name, where }),
    };
  }

  const scopeAlert = () => ({
    key: 'admin:slack-channel-scopes',
    message: adminMessage('alert.channel.scopes'),
  });

  async function alertOnce(alert: { key: string; message: AdminMessage }): Promise<void> {
    const now = deps.clock.now();
    const entry: NewOutboxEntry = {
      key: alert.key,
      instanceId: null,
      kind: 'admin_alert',
      target: null,
      payload: alert,
      dueAt: now,
    };
    try {
      await deps.store.enqueue([entry], now);
    } catch (err) {
      logger.error({ err, key: alert.key }, 'could not queue the admin alert about a slack channel');
    }
  }

  /** Checks the file's channels now: at start-up and after a reload (concurrent calls share one). */
  function check(): Promise<ChannelCheck> {
    checking ??= run()
      .catch((err: unknown): ChannelCheck => {
        logger.error({ err }, 'slack channel check failed');
        return {
          ok: false,
          reason: isObj(err) && typeof err.message === 'string' ? err.message : String(err),
        };
      })
      .finally(() => {
        checking = null;
      });
    return checking;
  }

  /**
   * The id to post to for a channel of the SLA file: a `#name` found by the last check, else the
   * value as written. Waits for a check under way; runs the first one (and, now and then, one that
   * could not finish) itself.
   */
  async function idFor(channel: string): Promise<string> {
    if (!channel.startsWith('#')) return channel;
    if (checking) await checking;
    else if (!checkedOk && (lastTry === null || deps.clock.now() - lastTry >= RETRY_CHECK_AFTER))
      await check();
    return ids.get(bare(channel)) ?? channel;
  }

  return { check, idFor };
}

export type ChannelDirectory = ReturnType<typeof createChannelDirectory>;
