import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients, routineRevisions, routines, shareTicks } from "@/db/schema";
import { describeDose } from "@/lib/routines/dose-sentence";
import { loadExerciseCards } from "@/lib/routines/queries";
import { routineContent, type RoutineContent } from "@/lib/routines/schemas";
import { addDays, utcDay } from "./days";

export type LatestRevision = { number: number; savedAt: Date; displayName: string; content: RoutineContent };

/** The routine as last saved (links always show the newest revision), and only the patient's display name. */
export async function readLatestRevision(db: Db, routineId: number): Promise<LatestRevision | null> {
  const [row] = await db
    .select({ number: routineRevisions.number, savedAt: routineRevisions.createdAt, snapshot: routineRevisions.snapshot, displayName: patients.displayName })
    .from(routineRevisions)
    .innerJoin(routines, eq(routines.id, routineRevisions.routineId))
    .innerJoin(patients, eq(patients.id, routines.patientId))
    .where(eq(routineRevisions.routineId, routineId))
    .orderBy(desc(routineRevisions.number))
    .limit(1);
  if (!row) return null;
  return { number: row.number, savedAt: row.savedAt, displayName: row.displayName, content: routineContent.parse(row.snapshot) };
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

export async function getSharedRoutine(db: Db, access: { linkId: number; routineId: number }, now = Date.now()): Promise<SharedRoutine | null> {
  const latest = await readLatestRevision(db, access.routineId);
  if (!latest) return null;
  const serverDay = utcDay(now);
  const days = [addDays(serverDay, -1), serverDay, addDays(serverDay, 1)];
  const ids = [...new Set(flattenItems(latest.content).map((i) => i.exerciseId))];
  const [cards, ticks] = await Promise.all([
    loadExerciseCards(db, ids),
    db
      .select({ day: shareTicks.day, position: shareTicks.position, exerciseId: shareTicks.exerciseId, pain: shareTicks.pain, comment: shareTicks.comment })
      .from(shareTicks)
      .where(and(eq(shareTicks.linkId, access.linkId), inArray(shareTicks.day, days))),
  ]);

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
