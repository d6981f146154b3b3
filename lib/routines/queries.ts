import "server-only";
import { routineAccessQuery, throwUnlessRoutineSeen, visiblePatients } from "@/lib/patients/access";
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exerciseImages, exercises, patients, routineItems, routineRevisions, routines, routineSections, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Dose } from "@/lib/exercises/dose";
import { imageUrl } from "@/lib/exercises/images";
import type { Illustration } from "@/lib/illustrations/schema";
import type { SessionUser } from "@/lib/users/accounts";
import { assembleContent, contentRows, routineHeadColumns } from "@/db/routine-store";
import type { RoutineContent } from "./schemas";
import { mainPictureFirst, pictureRefColumns } from "@/lib/exercises/picture-columns";

export { readRoutineContent } from "@/db/routine-store";

export type ExerciseCard = {
  id: number;
  name: string;
  summary: string;
  steps: string[];
  cues: string;
  precautions: string;
  status: string;
  defaultDose: Dose;
  image: { url: string; alt: string } | null;
  illustration: Illustration | null;
};

/**
 * The ids of the exercises a routine uses now, as a subquery, so their cards load in the same round trip (the
 * same batch) as the routine itself; `routineId` may be a subquery too (a share link's routine).
 */
export function routineExerciseIds(routineId: number | SQL): SQL {
  return sql`(select ${routineItems.exerciseId} from ${routineItems} join ${routineSections} on ${routineSections.id} = ${routineItems.sectionId} where ${routineSections.routineId} = ${routineId})`;
}

const idIn = (column: typeof exercises.id | typeof exerciseImages.exerciseId, ids: number[] | SQL) =>
  Array.isArray(ids) ? inArray(column, ids) : sql`${column} in ${ids}`;

/** The two reads behind exercise cards, unawaited, so callers can put them in one `db.batch` with their own. */
export function exerciseCardQueries(db: Db, ids: number[] | SQL) {
  return [
    db
      .select({
        id: exercises.id,
        name: exercises.name,
        summary: exercises.summary,
        steps: exercises.steps,
        cues: exercises.cues,
        precautions: exercises.precautions,
        status: exercises.status,
        defaultDose: exercises.defaultDose,
        illustration: exercises.illustration,
      })
      .from(exercises)
      .where(idIn(exercises.id, ids)),
    db
      .select({
        exerciseId: exerciseImages.exerciseId,
        ...pictureRefColumns,
      })
      .from(exerciseImages)
      .where(idIn(exerciseImages.exerciseId, ids))
      .orderBy(...mainPictureFirst),
  ] as const;
}

type CardQueries = ReturnType<typeof exerciseCardQueries>;
type CardRows = [Awaited<CardQueries[0]>, Awaited<CardQueries[1]>];

/** Cards by exercise id, each with its main picture (the lowest position). */
export function toExerciseCards([rows, images]: CardRows): Record<number, ExerciseCard> {
  const cards: Record<number, ExerciseCard> = {};
  for (const row of rows) cards[row.id] = { ...row, image: null };
  for (const image of images) {
    const card = cards[image.exerciseId];
    if (card && !card.image) card.image = { url: imageUrl(image), alt: image.alt };
  }
  return cards;
}

/** What the builder and the patient's preview show for each exercise a routine uses. */
export async function loadExerciseCards(db: Db, ids: number[]): Promise<Record<number, ExerciseCard>> {
  if (ids.length === 0) return {};
  const [rows, images] = exerciseCardQueries(db, ids);
  return toExerciseCards(await Promise.all([rows, images]));
}

export type RoutineDetail = {
  id: number;
  version: number;
  isTemplate: boolean;
  archived: boolean;
  patient: { id: number; displayName: string } | null;
  content: RoutineContent;
  exercises: Record<number, ExerciseCard>;
  revisions: { number: number; at: Date; by: string }[];
  updatedAt: Date;
};

/** Everything the routine page shows, read in one round trip (one batch). */
export async function getRoutine(db: Db, actor: SessionUser, id: number): Promise<RoutineDetail> {
  const [access, [routine], rows, ...rest] = await db.batch([
    routineAccessQuery(db, actor, id),
    db
      .select({
        id: routines.id,
        version: routines.version,
        isTemplate: routines.isTemplate,
        archivedAt: routines.archivedAt,
        updatedAt: routines.updatedAt,
        ...routineHeadColumns,
        patientId: patients.id,
        displayName: patients.displayName,
      })
      .from(routines)
      .leftJoin(patients, eq(patients.id, routines.patientId))
      .where(eq(routines.id, id)),
    contentRows(db, id),
    ...exerciseCardQueries(db, routineExerciseIds(id)),
    db
      .select({ number: routineRevisions.number, at: routineRevisions.createdAt, by: users.name })
      .from(routineRevisions)
      .leftJoin(users, eq(users.id, routineRevisions.createdBy))
      .where(eq(routineRevisions.routineId, id))
      .orderBy(desc(routineRevisions.number))
      .limit(100),
  ]);
  throwUnlessRoutineSeen(access);
  if (!routine) throw new AppError("not_found", "That routine does not exist.");
  const [cardRows, imageRows, revisions] = rest;
  return {
    id: routine.id,
    version: routine.version,
    isTemplate: routine.isTemplate,
    archived: routine.archivedAt !== null,
    patient: routine.patientId !== null ? { id: routine.patientId, displayName: routine.displayName! } : null,
    content: assembleContent(routine, rows),
    exercises: toExerciseCards([cardRows, imageRows]),
    revisions: revisions.map((r) => ({ ...r, by: r.by ?? "Starter content" })),
    updatedAt: routine.updatedAt,
  };
}

/** Patients' routines for the Routines page, most recently changed first. */
export async function listPatientRoutinesAll(db: Db, actor: SessionUser) {
  const visible = await visiblePatients(db, actor);
  return db
    .select({
      id: routines.id,
      title: routines.title,
      updatedAt: routines.updatedAt,
      reviewDate: routines.reviewDate,
      patientId: patients.id,
      patientName: patients.displayName,
    })
    .from(routines)
    .innerJoin(patients, eq(patients.id, routines.patientId))
    .where(and(eq(routines.isTemplate, false), isNull(routines.archivedAt), visible))
    .orderBy(desc(routines.updatedAt))
    .limit(200);
}

/** Active patients to start a routine for, by name (a clinic's active list is hundreds, not millions). */
export async function listPatientChoices(db: Db, actor: SessionUser) {
  const visible = await visiblePatients(db, actor);
  return db
    .select({ id: patients.id, displayName: patients.displayName, externalRef: patients.externalRef })
    .from(patients)
    .where(and(isNull(patients.archivedAt), visible))
    .orderBy(asc(patients.displayName))
    .limit(2000);
}
