import { IANAZone } from 'luxon';
import { CalendarError } from './calendar-error.ts';

/** Resolves an IANA zone name (`Europe/Amsterdam`) or throws a `CalendarError` that names the calendar. */
export function resolveZone(calendar: string, zone: string): IANAZone {
  if (!IANAZone.isValidZone(zone)) {
    throw new CalendarError(
      'sla_calendar_invalid_zone',
      `calendar "${calendar}": "${zone}" is not an IANA time zone; use a name like "Europe/Amsterdam"`,
    );
  }
  return IANAZone.create(zone);
}
