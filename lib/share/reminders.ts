import { z } from "zod";
import type { PatientRoutine } from "@/lib/routines/patient-routine";

/** The times a patient can pick for a reminder: wall-clock times wherever their phone is (floating). */
export const reminderTimes = {
  morning: { label: "Morning (8:00)", hour: 8, minute: 0 },
  midday: { label: "Midday (12:30)", hour: 12, minute: 30 },
  evening: { label: "Evening (18:00)", hour: 18, minute: 0 },
} as const;
export type ReminderTime = keyof typeof reminderTimes;

const defaultTimes: ReminderTime[][] = [["morning"], ["morning", "evening"], ["morning", "midday", "evening"]];

/** How many reminders a day the routine needs: its most frequent exercise's sessions. */
export function sessionsInRoutine(routine: PatientRoutine): number {
  return Math.max(1, ...routine.sections.flatMap((s) => s.items.map((i) => i.ticksPerDay)));
}

const reminderQuery = z
  .array(z.enum(Object.keys(reminderTimes) as [ReminderTime, ...ReminderTime[]]))
  .min(1)
  .max(3);

/**
 * The times asked for in the query (`?at=morning&at=evening`), one per session of the day, the usual ones
 * for sessions not given; null when what was given is not a list of up to three of the times above.
 */
export function readReminderTimes(at: string[], sessions: number): ReminderTime[] | null {
  const parsed = reminderQuery.safeParse(at);
  if (at.length > 0 && !parsed.success) return null;
  const times = parsed.data ?? [];
  return defaultTimes[Math.min(3, sessions) - 1]!.map((time, i) => times[i] ?? time);
}

export const reminderQueryString = (times: ReminderTime[]) => times.map((t) => `at=${t}`).join("&");
