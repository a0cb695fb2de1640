import type { WebClient } from '@slack/web-api';
import type { Translator } from '../../i18n/translate.ts';
import { classifySlackError } from '../errors.ts';
import type { ModalView } from '../render/blocks.ts';
import { renderNoticeModal } from '../render/notice-modal.ts';
import type { ListenerDeps } from './deps.ts';

/**
 * Opens a modal with the click's `trigger_id` at once (it expires 3 seconds after the click and
 * works once: SI-2), showing "Loading…", then fills it with `views.update` once `build` has done
 * its look-ups, however long they queue. If `build` fails the modal says so instead of loading
 * forever, and the error still reaches Bolt's error handler.
 */
export async function openThenFill(
  client: WebClient,
  triggerId: string,
  title: string,
  build: () => Promise<ModalView>,
  deps: Pick<ListenerDeps, 'logger'>,
  t: Translator,
): Promise<void> {
  // No look-up before this (the trigger expires): `t` is the reader's language as far as known.
  const opened = await client.views.open({
    trigger_id: triggerId,
    view: renderNoticeModal(title, t.t('modal.loading'), t),
  });
  const id = opened.view?.id;
  if (!id) throw new Error('views.open answered without a view id');
  let view: ModalView;
  try {
    view = await build();
  } catch (err) {
    deps.logger.warn({ err, view: id }, 'could not prepare the modal; telling the person');
    await client.views.update({
      view_id: id,
      view: renderNoticeModal(title, t.t('modal.failed'), t),
    });
    throw err;
  }
  try {
    await client.views.update({
      view_id: id,
      ...(opened.view?.hash ? { hash: opened.view.hash } : {}),
      view,
    });
  } catch (err) {
    // The person closed the modal while it was loading: nothing left to fill in.
    if (classifySlackError(err).code !== 'not_found') throw err;
    deps.logger.info({ view: id }, 'modal closed before it was filled in');
  }
}
