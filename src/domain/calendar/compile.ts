import { alwaysOpen } from './always-open.ts';
import type { BusinessCalendar } from './business-calendar.ts';
import { CalendarError } from './calendar-error.ts';
import type { CalendarSpec } from './spec.ts';
import { resolveZone } from './zone.ts';

/** Compiles a calendar spec (from the config resolver) into a pure, fast `BusinessCalendar`. */
export function compileCalendar(spec: CalendarSpec): BusinessCalendar {
  resolveZone(spec.name, spec.zone);
  if (spec.kind === '24x7') return alwaysOpen(spec.name, spec.zone);
  throw new CalendarError(
    'sla_calendar_invalid_range',
    `calendar "${spec.name}": weekly calendars are being built`,
  );
}
