const dayMs = 86_400_000;

/** The UTC calendar day of an instant. */
export function utcDay(at: number | Date): string {
  return new Date(at).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) + days * dayMs);
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / dayMs);
}

/** 0 for Monday … 6 for Sunday: the clinic's week starts on Monday. */
export function weekdayIndex(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Every calendar day is "today" somewhere on Earth within a day of UTC: the patient's day must be one of these. */
export function isPlausibleToday(day: string, now: number): boolean {
  return Math.abs(daysBetween(utcDay(now), day)) <= 1;
}
