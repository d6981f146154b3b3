import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients, routineRevisions, routines, shareLinks, shareTicks } from "@/db/schema";
import { describeDose } from "@/lib/routines/dose-sentence";
import { exerciseCardQueries, routineExerciseIds, toExerciseCards } from "@/lib/routines/queries";
import { routineContent, type RoutineContent } from "@/lib/routines/schemas";
import { liveLink } from "./access";
import { addDays, utcDay } from "./days";
import { hashShareToken, isWellFormedShareToken } from "./tokens";

export type LatestRevision = { number: number; savedAt: Date; displayName: string; content: RoutineContent };

function latestRevisionQuery(db: Db, routineId: number | SQL) {
  return db
    .select({ number: routineRevisions.number, savedAt: routineRevisions.createdAt, snapshot: routineRevisions.snapshot, displayName: patients.displayName })
    .from(routineRevisions)
    .innerJoin(routines, eq(routines.id, routineRevisions.routineId))
    .innerJoin(patients, eq(patients.id, routines.patientId))
    .where(eq(routineRevisions.routineId, routineId))
    .orderBy(desc(routineRevisions.number))
    .limit(1);
}

function toLatestRevision(row: Awaited<ReturnType<typeof latestRevisionQuery>>[number] | undefined): LatestRevision | null {
  if (!row) return null;
  return { number: row.number, savedAt: row.savedAt, displayName: row.displayName, content: routineContent.parse(row.snapshot) };
}

/** The routine as last saved (links always show the newest revision), and only the patient's display name. */
export async function readLatestRevision(db: Db, routineId: number): Promise<LatestRevision | null> {
  const [row] = await latestRevisionQuery(db, routineId);
  return toLatestRevision(row);
}

/**
 * An active link and its routine's newest revision, in one round trip: what a tick checks before writing.
 * Null when the token opens nothing (unknown, revoked, expired or archived, all alike).
 */
export async function resolveShareLinkRevision(
  db: Db,
  token: string,
  now = Date.now(),
): Promise<{ linkId: number; routineId: number; latest: LatestRevision | null } | null> {
  if (!isWellFormedShareToken(token)) return null;
  const live = liveLink(db, hashShareToken(token), now);
  const [[access], [revision]] = await db.batch([
    db.select({ linkId: shareLinks.id, routineId: shareLinks.routineId }).from(shareLinks).where(live),
    latestRevisionQuery(db, sql`(${db.select({ id: shareLinks.routineId }).from(shareLinks).where(live)})`),
  ]);
  return access ? { ...access, latest: toLatestRevision(revision) } : null;
}

/** Items in reading order, numbered by position across sections: the position is how a tick names its item. */
export function flattenItems(content: RoutineContent): { position: number; exerciseId: number }[] {
  let position = 0;
  return content.sections.flatMap((section) => section.items.map((item) => ({ position: position++, exerciseId: item.exerciseId })));
}

export type SharedItem = {
  position: number;
  exerciseId: number;
  name: string;
  steps: string[];
  dose: string;
  cues: string;
  precautions: string;
  note: string;
  image: { url: string; alt: string } | null;
};

export type TickState = { position: number; exerciseId: number; pain: number | null; comment: string };

/** Everything the patient's page shows, and nothing more: no record number, contact details or notes. */
export type SharedRoutine = {
  displayName: string;
  title: string;
  instructions: string;
  revision: number;
  updatedAt: Date;
  sections: { title: string; items: SharedItem[] }[];
  itemCount: number;
  /** The server's UTC day; the page's script switches to the patient's own day, which is at most a day away. */
  serverDay: string;
  ticksByDay: Record<string, TickState[]>;
};

/**
 * What the patient's page shows, in one round trip (one batch): the link check, the newest revision, the
 * exercise cards (their ids taken in SQL from the routine's items) and the ticks. Given a token, the batch
 * checks the link itself and the answer is null when it opens nothing; given a resolved link, it trusts it.
 */
export async function getSharedRoutine(db: Db, link: { linkId: number; routineId: number } | { token: string }, now = Date.now()): Promise<SharedRoutine | null> {
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
  const [[revision], cardRows, imageRows, ticks] = await db.batch([
    latestRevisionQuery(db, routineId),
    ...exerciseCardQueries(db, routineExerciseIds(routineId)),
    db
      .select({ day: shareTicks.day, position: shareTicks.position, exerciseId: shareTicks.exerciseId, pain: shareTicks.pain, comment: shareTicks.comment })
      .from(shareTicks)
      .where(and(eq(shareTicks.linkId, linkId), inArray(shareTicks.day, days))),
  ]);
  // With a token, no revision means no live link (or a routine never saved): the same answer either way.
  const latest = toLatestRevision(revision);
  if (!latest) return null;
  const cards = toExerciseCards([cardRows, imageRows]);

  let position = 0;
  const sections = latest.content.sections.map((section) => ({
    title: section.title,
    items: section.items.map((item): SharedItem => {
      const card = cards[item.exerciseId];
      return {
        position: position++,
        exerciseId: item.exerciseId,
        name: card?.name ?? "Exercise",
        steps: card?.steps ?? [],
        dose: describeDose(item.dose),
        cues: card?.cues ?? "",
        precautions: card?.precautions ?? "",
        note: item.note,
        image: card?.image ?? null,
      };
    }),
  }));
  const ticksByDay: Record<string, TickState[]> = Object.fromEntries(days.map((d) => [d, []]));
  for (const { day, ...tick } of ticks) ticksByDay[day]!.push(tick);

  return {
    displayName: latest.displayName,
    title: latest.content.title,
    instructions: latest.content.instructions,
    revision: latest.number,
    updatedAt: latest.savedAt,
    sections,
    itemCount: position,
    serverDay,
    ticksByDay,
  };
}
