import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { readCurrentRoutine } from "@/db/routine-store";
import { shareTicks } from "@/db/schema";
import { sessionsPerDay, toPatientRoutine, type PatientRoutine } from "@/lib/routines/patient-routine";
import { loadExerciseCards } from "@/lib/routines/queries";
import type { RoutineContent } from "@/lib/routines/schemas";
import { addDays, utcDay } from "./days";

export type LatestRevision = { number: number; savedAt: Date; displayName: string; content: RoutineContent };

/** The routine as last saved (links always show the newest revision), and only the patient's display name. */
export async function readLatestRevision(db: Db, routineId: number): Promise<LatestRevision | null> {
  const current = await readCurrentRoutine(db, routineId);
  // Templates have no patient and no links.
  if (!current || current.patientName === null) return null;
  return { number: current.revision.number, savedAt: current.revision.savedAt, displayName: current.patientName, content: current.content };
}

/** Items in reading order, numbered by position across sections: the position is how a tick names its item. */
export function flattenItems(content: RoutineContent): { position: number; exerciseId: number; sessions: number }[] {
  let position = 0;
  return content.sections.flatMap((section) => section.items.map((item) => ({ position: position++, exerciseId: item.exerciseId, sessions: sessionsPerDay(item.dose) })));
}

/** One session's tick; an undone tick stays (done: false) so the patient's note is kept. */
export type TickState = { position: number; exerciseId: number; session: number; done: boolean; pain: number | null; comment: string };

/** Everything the patient's page shows, and nothing more: no record number, contact details or notes. */
export type SharedRoutine = PatientRoutine & {
  displayName: string;
  revision: number;
  updatedAt: Date;
  /** The server's UTC day; the page's script switches to the patient's own day, which is at most a day away. */
  serverDay: string;
  ticksByDay: Record<string, TickState[]>;
};

export async function getSharedRoutine(db: Db, access: { linkId: number; routineId: number }, now = Date.now()): Promise<SharedRoutine | null> {
  const latest = await readLatestRevision(db, access.routineId);
  if (!latest) return null;
  const serverDay = utcDay(now);
  const days = [addDays(serverDay, -1), serverDay, addDays(serverDay, 1)];
  const ids = [...new Set(flattenItems(latest.content).map((i) => i.exerciseId))];
  const [cards, ticks] = await Promise.all([
    loadExerciseCards(db, ids),
    db
      .select({
        day: shareTicks.day,
        position: shareTicks.position,
        exerciseId: shareTicks.exerciseId,
        session: shareTicks.session,
        done: shareTicks.done,
        pain: shareTicks.pain,
        comment: shareTicks.comment,
      })
      .from(shareTicks)
      .where(and(eq(shareTicks.linkId, access.linkId), inArray(shareTicks.day, days))),
  ]);

  const ticksByDay: Record<string, TickState[]> = Object.fromEntries(days.map((d) => [d, []]));
  for (const { day, ...tick } of ticks) ticksByDay[day]!.push(tick);

  return {
    ...toPatientRoutine(latest.content, cards),
    displayName: latest.displayName,
    revision: latest.number,
    updatedAt: latest.savedAt,
    serverDay,
    ticksByDay,
  };
}
