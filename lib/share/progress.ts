import "server-only";
import { routineAccessQuery, throwUnlessRoutineSeen } from "@/lib/patients/access";
import { and, desc, eq, gte, inArray, lte, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exercises, routineRevisions, routines, shareLinks, shareTicks } from "@/db/schema";
import { routineContent } from "@/lib/routines/schemas";
import type { SessionUser } from "@/lib/users/accounts";
import { addDays, utcDay, weekdayIndex } from "./days";
import { flattenItems } from "./shared-routine";

export type ProgressDay = {
  day: string;
  /** Sessions ticked that day (over all of the routine's links) out of the sessions the routine asked for then. */
  done: number;
  total: number;
  /** done / total; null for days still to come and days before the routine started. */
  share: number | null;
  /** A day before the routine started (its start date, or the day it was made if later): never counted as missed. */
  beforeStart: boolean;
  /** Mean of that day's pain scores, when any were given. */
  pain: number | null;
  /** The day's highest pain score: one bad session is not averaged away. */
  maxPain: number | null;
};

export type ProgressComment = { day: string; exercise: string; pain: number | null; comment: string; link: string };

export type RoutineProgress = {
  /** Four calendar weeks, Monday to Sunday, the last one holding the latest day. */
  weeks: ProgressDay[][];
  lastDay: string;
  /** The first day counted: the routine's start date, never before the day the routine was made. */
  startDay: string;
  activeDays: number;
  comments: ProgressComment[];
};

const weeksShown = 4;

/** What the patient reported through the routine's links over the last four weeks, for the clinician. */
export async function getRoutineProgress(db: Db, actor: SessionUser, routineId: number, now = Date.now()): Promise<RoutineProgress> {
  const today = utcDay(now);
  const firstShown = addDays(today, -weekdayIndex(today) - 7 * (weeksShown - 1));
  const recentTicks = and(eq(shareLinks.routineId, routineId), gte(shareTicks.day, firstShown), lte(shareTicks.day, addDays(today, 1)));
  // One round trip: the access check, the ticks, the comments, and the revisions those ticks were made against.
  const [access, ticks, comments, snapshots, started] = await db.batch([
    routineAccessQuery(db, actor, routineId),
    db
      .select({
        day: shareTicks.day,
        position: shareTicks.position,
        exerciseId: shareTicks.exerciseId,
        session: shareTicks.session,
        revision: shareTicks.revision,
        pain: shareTicks.pain,
      })
      .from(shareTicks)
      .innerJoin(shareLinks, eq(shareLinks.id, shareTicks.linkId))
      .where(and(recentTicks, eq(shareTicks.done, true))),
    db
      .select({ day: shareTicks.day, exercise: exercises.name, pain: shareTicks.pain, comment: shareTicks.comment, link: shareLinks.label })
      .from(shareTicks)
      .innerJoin(shareLinks, eq(shareLinks.id, shareTicks.linkId))
      .leftJoin(exercises, eq(exercises.id, shareTicks.exerciseId))
      .where(and(eq(shareLinks.routineId, routineId), ne(shareTicks.comment, "")))
      .orderBy(desc(shareTicks.day), desc(shareTicks.updatedAt))
      .limit(8),
    db
      .select({ number: routineRevisions.number, snapshot: routineRevisions.snapshot })
      .from(routineRevisions)
      .where(
        and(
          eq(routineRevisions.routineId, routineId),
          inArray(
            routineRevisions.number,
            db
              .selectDistinct({ revision: shareTicks.revision })
              .from(shareTicks)
              .innerJoin(shareLinks, eq(shareLinks.id, shareTicks.linkId))
              .where(recentTicks),
          ),
        ),
      ),
    db.select({ startDate: routines.startDate, createdAt: routines.createdAt }).from(routines).where(eq(routines.id, routineId)),
  ]);
  throwUnlessRoutineSeen(access);
  // Days before the routine existed are not missed days: count from its start date, or the day it was made if later.
  const createdDay = started[0] ? utcDay(started[0].createdAt) : today;
  const startDay = started[0]?.startDate && started[0].startDate > createdDay ? started[0].startDate : createdDay;

  const sessionsIn = new Map(
    snapshots.map((s) => [s.number, flattenItems(routineContent.parse(s.snapshot)).reduce((sum, i) => sum + i.sessions, 0)]),
  );

  const byDay = new Map<string, { items: Set<string>; revision: number; pains: number[] }>();
  for (const tick of ticks) {
    const entry = byDay.get(tick.day) ?? { items: new Set<string>(), revision: 0, pains: [] };
    entry.items.add(`${tick.position}:${tick.exerciseId}:${tick.session}`);
    entry.revision = Math.max(entry.revision, tick.revision);
    if (tick.pain !== null) entry.pains.push(tick.pain);
    byDay.set(tick.day, entry);
  }

  // A patient east of UTC may already be on tomorrow: the calendar then runs to their day.
  const lastDay = byDay.has(addDays(today, 1)) ? addDays(today, 1) : today;
  const start = addDays(lastDay, -weekdayIndex(lastDay) - 7 * (weeksShown - 1));
  const weeks: ProgressDay[][] = [];
  for (let w = 0; w < weeksShown; w++) {
    weeks.push(
      Array.from({ length: 7 }, (_, d) => {
        const day = addDays(start, w * 7 + d);
        const entry = byDay.get(day);
        const total = entry ? (sessionsIn.get(entry.revision) ?? entry.items.size) : 0;
        const done = entry ? Math.min(entry.items.size, total) : 0;
        const pain = entry?.pains.length ? entry.pains.reduce((a, b) => a + b, 0) / entry.pains.length : null;
        const maxPain = entry?.pains.length ? Math.max(...entry.pains) : null;
        // A tick on a day before the start (a backdated start date) still shows: the patient did it.
        const beforeStart = day < startDay && !entry;
        const share = day > lastDay || beforeStart ? null : total ? done / total : 0;
        return { day, done, total, share, beforeStart, pain, maxPain };
      }),
    );
  }
  return {
    weeks,
    lastDay,
    startDay,
    activeDays: weeks.flat().filter((d) => d.done > 0).length,
    comments: comments.map((c) => ({ ...c, exercise: c.exercise ?? "An exercise since deleted" })),
  };
}
