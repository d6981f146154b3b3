/** Days are "YYYY-MM-DD" calendar dates: format them in UTC so no time zone moves them. */
const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
const shortFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));
export const formatShortDay = (day: string) => shortFormat.format(new Date(`${day}T00:00:00Z`));
export const percent = (share: number) => `${Math.round(share * 100)}%`;
export const formatPain = (pain: number) => (Number.isInteger(pain) ? String(pain) : pain.toFixed(1));
