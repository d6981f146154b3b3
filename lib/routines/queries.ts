import "server-only";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exerciseImages, exercises, patients, routineRevisions, routines, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Dose } from "@/lib/exercises/dose";
import { imageUrl } from "@/lib/exercises/images";
import type { Illustration } from "@/lib/illustrations/schema";
import type { SessionUser } from "@/lib/users/accounts";
import { readRoutineContent } from "@/db/routine-store";
import type { RoutineContent } from "./schemas";

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

/** What the builder and the patient's preview show for each exercise a routine uses. */
export async function loadExerciseCards(db: Db, ids: number[]): Promise<Record<number, ExerciseCard>> {
  if (ids.length === 0) return {};
  const [rows, images] = await Promise.all([
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
      .where(inArray(exercises.id, ids)),
    db
      .select({ exerciseId: exerciseImages.exerciseId, sha256: exerciseImages.sha256, mimeType: exerciseImages.mimeType, alt: exerciseImages.alt })
      .from(exerciseImages)
      .where(inArray(exerciseImages.exerciseId, ids))
      .orderBy(asc(exerciseImages.position), asc(exerciseImages.id)),
  ]);
  const cards: Record<number, ExerciseCard> = {};
  for (const row of rows) cards[row.id] = { ...row, image: null };
  for (const image of images) {
    const card = cards[image.exerciseId];
    if (card && !card.image) card.image = { url: imageUrl(image), alt: image.alt };
  }
  return cards;
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

export async function getRoutine(db: Db, actor: SessionUser, id: number): Promise<RoutineDetail> {
  void actor; // routines are shared by the clinic's clinicians
  const [routine] = await db
    .select({ id: routines.id, version: routines.version, isTemplate: routines.isTemplate, archivedAt: routines.archivedAt, updatedAt: routines.updatedAt, patientId: patients.id, displayName: patients.displayName })
    .from(routines)
    .leftJoin(patients, eq(patients.id, routines.patientId))
    .where(eq(routines.id, id));
  if (!routine) throw new AppError("not_found", "That routine does not exist.");
  const content = (await readRoutineContent(db, id))!;
  const [cards, revisions] = await Promise.all([
    loadExerciseCards(db, [...new Set(content.sections.flatMap((s) => s.items.map((i) => i.exerciseId)))]),
    db
      .select({ number: routineRevisions.number, at: routineRevisions.createdAt, by: users.name })
      .from(routineRevisions)
      .leftJoin(users, eq(users.id, routineRevisions.createdBy))
      .where(eq(routineRevisions.routineId, id))
      .orderBy(desc(routineRevisions.number))
      .limit(100),
  ]);
  return {
    id: routine.id,
    version: routine.version,
    isTemplate: routine.isTemplate,
    archived: routine.archivedAt !== null,
    patient: routine.patientId !== null ? { id: routine.patientId, displayName: routine.displayName! } : null,
    content,
    exercises: cards,
    revisions: revisions.map((r) => ({ ...r, by: r.by ?? "Starter content" })),
    updatedAt: routine.updatedAt,
  };
}

/** Patients' routines for the Routines page, most recently changed first. */
export async function listPatientRoutinesAll(db: Db, actor: SessionUser) {
  void actor;
  return db
    .select({ id: routines.id, title: routines.title, updatedAt: routines.updatedAt, reviewDate: routines.reviewDate, patientId: patients.id, patientName: patients.displayName })
    .from(routines)
    .innerJoin(patients, eq(patients.id, routines.patientId))
    .where(and(eq(routines.isTemplate, false), isNull(routines.archivedAt)))
    .orderBy(desc(routines.updatedAt))
    .limit(200);
}

/** Active patients to start a routine for, by name (a clinic's active list is hundreds, not millions). */
export async function listPatientChoices(db: Db, actor: SessionUser) {
  void actor;
  return db
    .select({ id: patients.id, displayName: patients.displayName, externalRef: patients.externalRef })
    .from(patients)
    .where(isNull(patients.archivedAt))
    .orderBy(asc(patients.displayName))
    .limit(2000);
}
