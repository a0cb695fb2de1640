/** Action and view ids shared by renderers (which put them in blocks) and listeners (which match them). */
export const ACTION = {
  onIt: 'sla_on_it',
  notAFit: 'sla_not_a_fit',
  openHubspot: 'sla_open_hubspot',
  openTimeline: 'sla_open_timeline',
  snooze: 'sla_snooze',
  takeIt: 'sla_take_it',
} as const;

export const VIEW = {
  notAFit: 'sla_not_a_fit_modal',
  snooze: 'sla_snooze_modal',
} as const;

/** Block and action ids inside the modals, read back from `view.state.values`. */
export const FIELD = {
  reason: { block: 'reason', action: 'reason_select' },
  note: { block: 'note', action: 'note_input' },
  scope: { block: 'scope', action: 'scope_select' },
  duration: { block: 'duration', action: 'duration_select' },
  snoozeReason: { block: 'snooze_reason', action: 'snooze_reason_input' },
} as const;
