import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { RoutineContent } from "@/lib/routines/schemas";
import type { Db, Tx } from "./client";
import { patients, routineItems, routineRevisions, routines, routineSections, users } from "./schema";

/*
 * A routine's current content is stored once: its row (title, instructions, dates) with its routine_sections
 * and routine_items, where foreign keys keep every exercise it uses from being deleted. routine_revisions is
 * the history: an immutable snapshot per save, written here in the same transaction, and read back only to
 * list or restore old revisions. The builder, the link and the PDF all read the current content from here.
 */

/** The one way to write a routine's content, for the app and the seed alike: replaces it and appends a revision. */
export async function writeRoutineContent(
  tx: Tx,
  routineId: number,
  content: RoutineContent,
  createdBy: number | null,
): Promise<{ revision: number }> {
  const { title, instructions, startDate, reviewDate } = content;
  await tx.update(routines).set({ title, instructions, startDate, reviewDate }).where(eq(routines.id, routineId));
  await tx.delete(routineSections).where(eq(routineSections.routineId, routineId));
  for (const [position, section] of content.sections.entries()) {
    const [row] = await tx
      .insert(routineSections)
      .values({ routineId, position, title: section.title })
      .returning({ id: routineSections.id });
    if (section.items.length) {
      await tx.insert(routineItems).values(section.items.map((item, i) => ({ ...item, sectionId: row!.id, position: i })));
    }
  }
  const [last] = await tx
    .select({ n: sql<number>`coalesce(max(${routineRevisions.number}), 0)` })
    .from(routineRevisions)
    .where(eq(routineRevisions.routineId, routineId));
  const revision = (last?.n ?? 0) + 1;
  await tx.insert(routineRevisions).values({ routineId, number: revision, snapshot: content, createdBy });
  return { revision };
}

/**
 * The one way to make a routine, for the app and the seed alike: its row, then its content as revision 1.
 * No patient makes it a template.
 */
export async function insertRoutine(
  tx: Tx,
  { patientId, key }: { patientId: number | null; key?: string },
  content: RoutineContent,
  createdBy: number | null,
): Promise<{ id: number }> {
  const [row] = await tx
    .insert(routines)
    .values({
      patientId,
      isTemplate: patientId === null,
      key,
      title: content.title,
      instructions: content.instructions,
      createdBy,
      updatedBy: createdBy,
    })
    .returning({ id: routines.id });
  if (!row) throw new Error(`Could not create the routine "${content.title}".`);
  await writeRoutineContent(tx, row.id, content, createdBy);
  return row;
}

type RoutineRow = typeof routines.$inferSelect;
type ContentRow = {
  sectionId: number;
  title: string;
  exerciseId: number | null;
  dose: RoutineContent["sections"][number]["items"][number]["dose"] | null;
  note: string | null;
};

/** A routine's own fields that its content carries besides the sections. */
export const routineHeadColumns = {
  title: routines.title,
  instructions: routines.instructions,
  startDate: routines.startDate,
  reviewDate: routines.reviewDate,
};

/** A routine's sections with their items, in order; `routineId` may be a subquery (a share link's routine). */
export const contentRows = (db: Db | Tx, routineId: number | SQL) =>
  db
    .select({
      sectionId: routineSections.id,
      title: routineSections.title,
      exerciseId: routineItems.exerciseId,
      dose: routineItems.dose,
      note: routineItems.note,
    })
    .from(routineSections)
    .leftJoin(routineItems, eq(routineItems.sectionId, routineSections.id))
    .where(eq(routineSections.routineId, routineId))
    .orderBy(asc(routineSections.position), asc(routineItems.position));

export function assembleContent(
  routine: Pick<RoutineRow, "title" | "instructions" | "startDate" | "reviewDate">,
  rows: ContentRow[],
): RoutineContent {
  const sections: RoutineContent["sections"] = [];
  let last: number | undefined;
  for (const row of rows) {
    if (row.sectionId !== last) sections.push({ title: row.title, items: [] });
    last = row.sectionId;
    if (row.exerciseId !== null) sections.at(-1)!.items.push({ exerciseId: row.exerciseId, dose: row.dose ?? {}, note: row.note ?? "" });
  }
  return {
    title: routine.title,
    instructions: routine.instructions,
    startDate: routine.startDate,
    reviewDate: routine.reviewDate,
    sections,
  };
}

/** A routine's current sections and items, in order, in the shape the builder saves. */
export async function readRoutineContent(db: Db | Tx, id: number, { templateOnly = false } = {}): Promise<RoutineContent | null> {
  const [routine] = await db
    .select()
    .from(routines)
    .where(templateOnly ? and(eq(routines.id, id), eq(routines.isTemplate, true), isNull(routines.archivedAt)) : eq(routines.id, id));
  if (!routine) return null;
  return assembleContent(routine, await contentRows(db, id));
}

export type CurrentRoutine = {
  content: RoutineContent;
  /** Null for a template. Only the display name: never the record number, contact details or notes. */
  patientName: string | null;
  /** The revision this content was saved as: who saved it and when. */
  revision: { id: number; number: number; savedAt: Date; savedBy: string | null };
};

/**
 * The reads behind readCurrentRoutine, unawaited, so a caller can put them in its own `db.batch` (one round
 * trip) with what else it needs; `routineId` may be a subquery. Turn the results back with toCurrentRoutine.
 */
export function currentRoutineQueries(db: Db, routineId: number | SQL) {
  return [
    db
      .select({
        ...routineHeadColumns,
        patientName: patients.displayName,
      })
      .from(routines)
      .leftJoin(patients, eq(patients.id, routines.patientId))
      .where(eq(routines.id, routineId)),
    contentRows(db, routineId),
    db
      .select({ id: routineRevisions.id, number: routineRevisions.number, savedAt: routineRevisions.createdAt, savedBy: users.name })
      .from(routineRevisions)
      .leftJoin(users, eq(users.id, routineRevisions.createdBy))
      .where(eq(routineRevisions.routineId, routineId))
      .orderBy(desc(routineRevisions.number))
      .limit(1),
  ] as const;
}

type CurrentRoutineQueries = ReturnType<typeof currentRoutineQueries>;

export function toCurrentRoutine([[routine], rows, [revision]]: readonly [
  Awaited<CurrentRoutineQueries[0]>,
  Awaited<CurrentRoutineQueries[1]>,
  Awaited<CurrentRoutineQueries[2]>,
]): CurrentRoutine | null {
  if (!routine || !revision) return null;
  return { content: assembleContent(routine, rows), patientName: routine.patientName, revision };
}

/** The current content with the revision it was saved as, read in one batch (one transaction) so the two agree. */
export async function readCurrentRoutine(db: Db, id: number): Promise<CurrentRoutine | null> {
  return toCurrentRoutine(await db.batch(currentRoutineQueries(db, id)));
}
