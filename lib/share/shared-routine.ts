import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { currentRoutineQueries, readCurrentRoutine, toCurrentRoutine, type CurrentRoutine } from "@/db/routine-store";
import { shareLinks, shareTicks } from "@/db/schema";
import { sessionsPerDay, toPatientRoutine, type PatientRoutine } from "@/lib/routines/patient-routine";
import { exerciseCardQueries, routineExerciseIds, toExerciseCards } from "@/lib/routines/queries";
import type { RoutineContent } from "@/lib/routines/schemas";
import { clinicSettingsQuery, toClinicSettings, type ClinicSettings } from "@/lib/clinic/settings";
import { liveLink } from "./access";
import { addDays, utcDay } from "./days";
import { hashShareToken, isWellFormedShareToken } from "./tokens";

export type LatestRevision = { number: number; savedAt: Date; displayName: string; content: RoutineContent };

function toLatestRevision(current: CurrentRoutine | null): LatestRevision | null {
  // Templates have no patient and no links.
  if (!current || current.patientName === null) return null;
  return { number: current.revision.number, savedAt: current.revision.savedAt, displayName: current.patientName, content: current.content };
}

/** The routine as last saved (links always show the newest revision), and only the patient's display name. */
export async function readLatestRevision(db: Db, routineId: number): Promise<LatestRevision | null> {
  return toLatestRevision(await readCurrentRoutine(db, routineId));
}

/**
 * An active link and its routine as last saved, in one round trip: what a tick checks before writing.
 * Null when the token opens nothing (unknown, revoked, expired or archived, all alike).
 */
export async function resolveShareLinkRevision(
  db: Db,
  token: string,
  now = Date.now(),
): Promise<{ linkId: number; routineId: number; latest: LatestRevision | null } | null> {
  if (!isWellFormedShareToken(token)) return null;
  const live = liveLink(db, hashShareToken(token), now);
  const [[access], ...routine] = await db.batch([
    db.select({ linkId: shareLinks.id, routineId: shareLinks.routineId }).from(shareLinks).where(live),
    ...currentRoutineQueries(db, sql`(${db.select({ id: shareLinks.routineId }).from(shareLinks).where(live)})`),
  ]);
  return access ? { ...access, latest: toLatestRevision(toCurrentRoutine(routine)) } : null;
}

/** Items in reading order, numbered by position across sections: the position is how a tick names its item. */
export function flattenItems(content: RoutineContent): { position: number; exerciseId: number; sessions: number }[] {
  let position = 0;
  return content.sections.flatMap((section) =>
    section.items.map((item) => ({ position: position++, exerciseId: item.exerciseId, sessions: sessionsPerDay(item.dose) })),
  );
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
  /** The clinic's settings as they are now (its name, contact and logo head the page). */
  clinic: ClinicSettings;
};

/**
 * What the patient's page shows, in one round trip (one batch): the link check, the routine as last saved, the
 * exercise cards (their ids taken in SQL from the routine's items) and the ticks. Given a token, the batch
 * checks the link itself and the answer is null when it opens nothing; given a resolved link, it trusts it.
 */
export async function getSharedRoutine(
  db: Db,
  link: { linkId: number; routineId: number } | { token: string },
  now = Date.now(),
): Promise<SharedRoutine | null> {
  let linkId: number | SQL, routineId: number | SQL;
  if ("token" in link) {
    if (!isWellFormedShareToken(link.token)) return null;
    const live = liveLink(db, hashShareToken(link.token), now);
    linkId = sql`(${db.select({ id: shareLinks.id }).from(shareLinks).where(live)})`;
    routineId = sql`(${db.select({ id: shareLinks.routineId }).from(shareLinks).where(live)})`;
  } else {
    ({ linkId, routineId } = link);
  }
  const serverDay = utcDay(now);
  const days = [addDays(serverDay, -1), serverDay, addDays(serverDay, 1)];
  const [routineRows, contentRows, revisionRows, cardRows, imageRows, ticks, clinicRows] = await db.batch([
    ...currentRoutineQueries(db, routineId),
    ...exerciseCardQueries(db, routineExerciseIds(routineId)),
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
      .where(and(eq(shareTicks.linkId, linkId), inArray(shareTicks.day, days))),
    clinicSettingsQuery(db),
  ]);
  // With a token, no routine means no live link: the same answer as any inactive link.
  const latest = toLatestRevision(toCurrentRoutine([routineRows, contentRows, revisionRows]));
  if (!latest) return null;
  const cards = toExerciseCards([cardRows, imageRows]);

  const ticksByDay: Record<string, TickState[]> = Object.fromEntries(days.map((d) => [d, []]));
  for (const { day, ...tick } of ticks) ticksByDay[day]!.push(tick);

  return {
    ...toPatientRoutine(latest.content, cards),
    displayName: latest.displayName,
    revision: latest.number,
    updatedAt: latest.savedAt,
    serverDay,
    ticksByDay,
    clinic: toClinicSettings(clinicRows),
  };
}
