// Every date the app shows goes through here, in British English ("1 Dec 2026"), in one of two kinds:
// - an instant (a Date: when someone saved, when a link was opened) is shown in the time zone of the runtime that
//   renders it: on the server that is the clinic's (the server runs where the clinic is, or has TZ set), in the
//   browser the reader's own. Pages render on the server, so everyone at the clinic sees the same clock.
// - a calendar day ("2026-12-01": a review date, the day a patient ticked) is not an instant: it is read and shown
//   in UTC, so no time zone can move it to the day before or after.

const locale = "en-GB";

const instantFormats = {
  /** 1 Dec 2026 */
  date: { day: "numeric", month: "short", year: "numeric" },
  /** 1 December 2026 */
  "long-date": { day: "numeric", month: "long", year: "numeric" },
  /** 1 Dec 2026, 14:05 */
  "date-time": { dateStyle: "medium", timeStyle: "short" },
  /** 14:05 */
  time: { hour: "2-digit", minute: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const dayFormats = {
  /** 1 Dec 2026 */
  date: { day: "numeric", month: "short", year: "numeric" },
  /** 1 December 2026 */
  "long-date": { day: "numeric", month: "long", year: "numeric" },
  /** 1 Dec */
  "short-date": { day: "numeric", month: "short" },
  /** Tue 1 Dec */
  "weekday-date": { weekday: "short", day: "numeric", month: "short" },
  /** Tue */
  weekday: { weekday: "short" },
  /** Dec */
  month: { month: "short" },
  /** 1 */
  "day-of-month": { day: "numeric" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type InstantFormat = keyof typeof instantFormats;
export type DayFormat = keyof typeof dayFormats;

// Intl.DateTimeFormat is slow to build and fast to use: build each format once, on first use.
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** An instant (a Date, or its ISO string or epoch milliseconds), in the runtime's time zone. */
export function formatInstant(at: Date | string | number, format: InstantFormat): string {
  return formatter(`instant:${format}`, instantFormats[format]).format(new Date(at));
}

/** A calendar day written "YYYY-MM-DD", shown as that very day whatever the time zone. */
export function formatDay(day: string, format: DayFormat): string {
  return formatter(`day:${format}`, { ...dayFormats[format], timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** The calendar day an instant falls on in the runtime's time zone, as "YYYY-MM-DD" (the clinic's day on the server, the reader's in a browser). */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
