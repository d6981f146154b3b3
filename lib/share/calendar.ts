import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventRepeatingFreq, ICalWeekday } from "ical-generator";
import type { PatientRoutine } from "@/lib/routines/patient-routine";
import { reminderTimes, type ReminderTime } from "./reminders";

const weekdays = [ICalWeekday.MO, ICalWeekday.TU, ICalWeekday.WE, ICalWeekday.TH, ICalWeekday.FR, ICalWeekday.SA, ICalWeekday.SU];
// Spread over the week, as a clinician would say "three times a week": Monday, Wednesday, Friday.
const daysFor: Record<number, number[]> = {
  1: [0],
  2: [0, 3],
  3: [0, 2, 4],
  4: [0, 1, 3, 4],
  5: [0, 1, 2, 3, 4],
  6: [0, 1, 2, 3, 4, 5],
  7: [0, 1, 2, 3, 4, 5, 6],
};

export type CalendarInput = {
  /** Null for a link that is not active: the feed is then empty, so a subscribed calendar drops its events. */
  routine: PatientRoutine | null;
  /** A stable name for this link's events (UIDs), so an edited routine updates them in place. */
  feedId: string;
  pageUrl: string;
  times: ReminderTime[];
  /** The first day of the series, "YYYY-MM-DD". */
  startDay: string;
  clinicName: string;
};

/**
 * The patient's reminders as iCalendar (RFC 5545): one repeating event per session of the day, at the time
 * the patient picked, on the routine's days of the week, each leading back to the page.
 */
export function buildReminderCalendar({ routine, feedId, pageUrl, times, startDay, clinicName }: CalendarInput): string {
  const calendar = ical({
    name: "My exercises",
    prodId: { company: "Routine", product: "patient-reminders", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    // Calendar apps poll a subscription: every few hours is enough to follow the clinician's edits.
    ttl: 6 * 60 * 60,
  });
  if (!routine) return calendar.toString();
  const [year, month, day] = startDay.split("-").map(Number) as [number, number, number];
  const items = routine.sections.flatMap((s) => s.items);
  // The most days any exercise asks for; every day when no dose says.
  const perWeek = Math.max(0, ...items.map((i) => i.daysPerWeek ?? 0)) || 7;
  const days = daysFor[Math.min(7, perWeek)]!;
  times.forEach((time, session) => {
    const due = items.filter((i) => i.ticksPerDay > session);
    if (due.length === 0) return;
    const { hour, minute } = reminderTimes[time];
    const start = new Date(Date.UTC(year, month - 1, day, hour, minute));
    const summary = `Exercises: ${routine.title}`;
    calendar.createEvent({
      id: `${feedId}-${session}@routine`,
      start,
      end: new Date(start.getTime() + 20 * 60_000),
      floating: true,
      stamp: new Date(Date.UTC(year, month - 1, day)),
      summary,
      description: `${due.length} exercise${due.length === 1 ? "" : "s"} from ${clinicName}:\n${due.map((i) => `${i.number}. ${i.name}`).join("\n")}\n\nOpen your page: ${pageUrl}`,
      url: pageUrl,
      repeating: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: days.map((d) => weekdays[d]!) },
      alarms: [{ type: ICalAlarmType.display, trigger: 0, description: summary }],
    });
  });
  return calendar.toString();
}
