// Business calendar throughput: `node bench/calendar.bench.ts`.
// Warm figures are the engine's hot path (weeks already compiled); cold ones are what a first look-up of
// a week costs (luxon zone conversions), e.g. at start-up or on a far deadline.
import type { BusinessCalendar } from '../src/domain/calendar/business-calendar.ts';
import { compileCalendar } from '../src/domain/calendar/compile.ts';
import type { CalendarSpec, WeeklyRange } from '../src/domain/calendar/spec.ts';
import { DAY, HOUR, type Instant, MINUTE } from '../src/domain/time.ts';

const N = 1_000_000;
const NOW: Instant = Date.UTC(2026, 9, 20, 9, 0); // a Tuesday, the week before Amsterdam's autumn DST change

const weekdays = (startMinute: number, endMinute: number, days: WeeklyRange['weekday'][]): WeeklyRange[] =>
  days.map((weekday) => ({ weekday, startMinute, endMinute }));

const specs: CalendarSpec[] = [
  {
    kind: 'weekly',
    name: 'amsterdam office',
    zone: 'Europe/Amsterdam',
    hours: weekdays(510, 1050, [1, 2, 3, 4, 5]),
    holidays: ['2026-12-25', '2026-12-26', '2027-01-01'],
  },
  {
    kind: 'weekly',
    name: 'new york split shift + nights',
    zone: 'America/New_York',
    hours: [
      ...weekdays(540, 720, [1, 2, 3, 4, 5]),
      ...weekdays(780, 1020, [1, 2, 3, 4, 5]),
      ...weekdays(1320, 1560, [5, 6]),
    ],
    holidays: ['2026-11-26', '2026-12-25'],
  },
  { kind: '24x7', name: '24x7', zone: 'UTC' },
];

/** A deterministic pseudo-random sequence (mulberry32), so every run measures the same work. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = random(42);
const starts = Float64Array.from({ length: N }, () => Math.floor(NOW - 14 * DAY + next() * 28 * DAY));
const durations = Float64Array.from({ length: N }, () =>
  Math.floor(next() < 0.8 ? next() * 30 * MINUTE : next() * 5 * DAY),
);
const ends = Float64Array.from(starts, (s) => Math.floor(s + next() * 7 * DAY));

function measure(label: string, cal: BusinessCalendar, run: (i: number) => number): void {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += run(i); // warm up the JIT and the week cache
  const t0 = performance.now();
  for (let i = 0; i < N; i++) sink += run(i);
  const ms = performance.now() - t0;
  const opsPerSec = Math.round((N / ms) * 1000).toLocaleString('en-US');
  process.stdout.write(
    `${cal.name.padEnd(30)} ${label.padEnd(22)} ${opsPerSec.padStart(12)} ops/s  (sink ${sink % 7})\n`,
  );
}

for (const spec of specs) {
  const cal = compileCalendar(spec);
  const at = (i: number) => starts[i] ?? 0;
  measure('addBusinessTime', cal, (i) => cal.addBusinessTime(at(i), durations[i] ?? 0));
  measure('businessTimeBetween', cal, (i) => cal.businessTimeBetween(at(i), ends[i] ?? 0));
  measure('isOpen', cal, (i) => (cal.isOpen(at(i)) ? 1 : 0));
  measure('nextOpening', cal, (i) => cal.nextOpening(at(i)));
}

// Cold: compile fresh calendars and touch 200 consecutive weeks each, so every week is built once.
for (const spec of specs.filter((s) => s.kind === 'weekly')) {
  const t0 = performance.now();
  const rounds = 20;
  for (let round = 0; round < rounds; round++) {
    const cal = compileCalendar(spec);
    cal.businessTimeBetween(NOW, NOW + 200 * 7 * DAY);
  }
  const perWeek = (performance.now() - t0) / (rounds * 201);
  process.stdout.write(
    `${spec.name.padEnd(30)} ${'cold week build'.padEnd(22)} ${(perWeek * 1000).toFixed(1).padStart(12)} µs/week\n`,
  );
}

// The engine's budget: 100,000 instances, each asking isOpen, addBusinessTime twice and businessTimeBetween.
{
  const cal = compileCalendar(specs[0] ?? { kind: '24x7', name: 'x', zone: 'UTC' });
  const t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < 100_000; i++) {
    const s = starts[i] ?? 0;
    sink += cal.isOpen(s) ? 1 : 0;
    const deadline = cal.addBusinessTime(s, 5 * MINUTE);
    sink += cal.addBusinessTime(s, 5 * DAY) - deadline;
    sink += cal.businessTimeBetween(s, s + 2 * HOUR);
  }
  const ms = performance.now() - t0;
  process.stdout.write(
    `100,000 instances × 4 calls, first run incl. week builds: ${ms.toFixed(1)} ms (sink ${sink % 7})\n`,
  );
}
