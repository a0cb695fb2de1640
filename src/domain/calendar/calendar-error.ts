/**
 * Coded errors of business calendars. All are permanent: they come from a bad calendar definition
 * (fix the SLA file) or a bad argument (a bug in the caller), never from a passing fault.
 */
export type CalendarErrorCode =
  | 'sla_calendar_invalid_zone'
  | 'sla_calendar_invalid_holiday'
  | 'sla_calendar_invalid_range'
  | 'sla_calendar_no_opening_hours'
  | 'sla_calendar_invalid_argument';

export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  readonly code: CalendarErrorCode;
  readonly retryable = false;
  constructor(code: CalendarErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
