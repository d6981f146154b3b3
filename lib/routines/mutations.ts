import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { insertRoutine, readRoutineContent, writeRoutineContent } from "@/db/routine-store";
import { exercises, patients, routineRevisions, routines } from "@/db/schema";
import { assertPatientAccess, assertRoutineAccess } from "@/lib/patients/access";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/users/accounts";
import { sameValue } from "@/lib/exercises/diff";
import type { VersionConflict } from "@/lib/versioned-save/conflict";
import { updateWhereVersion, versionConflict } from "@/lib/versioned-save/save";
import { routineContent, routineFieldLabels, type RoutineContent, type RoutineField } from "./schemas";

export const blankRoutineSections: RoutineContent["sections"] = [
  { title: "Warm-up", items: [] },
  { title: "Exercises", items: [] },
];

/**
 * Only published exercises may be added. One that was in the routine before and has since been archived
 * (or set back to draft) may stay: the routine keeps showing it.
 */
async function checkExercises(tx: Tx, content: RoutineContent, before: RoutineContent | null): Promise<void> {
  const ids = [...new Set(content.sections.flatMap((s) => s.items.map((i) => i.exerciseId)))];
  if (ids.length === 0) return;
  const rows = await tx
    .select({ id: exercises.id, name: exercises.name, status: exercises.status })
    .from(exercises)
    .where(inArray(exercises.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const kept = new Set(before?.sections.flatMap((s) => s.items.map((i) => i.exerciseId)) ?? []);
  const fieldErrors: Record<string, string[]> = {};
  content.sections.forEach((section, s) =>
    section.items.forEach((item, i) => {
      const exercise = byId.get(item.exerciseId);
      if (!exercise) fieldErrors[`sections.${s}.items.${i}`] = ["This exercise no longer exists: remove it."];
      else if (exercise.status !== "published" && !kept.has(item.exerciseId)) {
        fieldErrors[`sections.${s}.items.${i}`] = [`“${exercise.name}” is ${exercise.status}: only published exercises can be added.`];
      }
    }),
  );
  if (Object.keys(fieldErrors).length) throw new AppError("validation", "Some exercises cannot be used in a routine.", fieldErrors);
}

/** A new routine for a patient (or a new template), empty or copied from a template. */
export async function createRoutine(
  db: Db,
  actor: SessionUser,
  input: { patientId: number | null; templateId: number | null; title?: string },
): Promise<{ id: number }> {
  if (input.patientId !== null) await assertPatientAccess(db, actor, input.patientId);
  return db.transaction(async (tx) => {
    let patientName: string | null = null;
    if (input.patientId !== null) {
      const [patient] = await tx
        .select({ name: patients.displayName })
        .from(patients)
        .where(and(eq(patients.id, input.patientId), isNull(patients.archivedAt)));
      if (!patient) throw new AppError("not_found", "That patient does not exist or is archived.");
      patientName = patient.name;
    }
    const template = input.templateId !== null ? await readRoutineContent(tx, input.templateId, { templateOnly: true }) : null;
    if (input.templateId !== null && !template) throw new AppError("not_found", "That template no longer exists.");

    const content = routineContent.parse({
      title: input.title || template?.title || (patientName ? `Home exercises for ${patientName}` : "New template"),
      instructions: template?.instructions ?? "",
      sections: template?.sections.length ? template.sections : blankRoutineSections,
    });
    const row = await insertRoutine(tx, { patientId: input.patientId }, content, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "routine.created",
      entityType: "routine",
      entityId: row.id,
      changes: { fromTemplate: input.templateId, patientId: input.patientId },
    });
    return { id: row.id };
  });
}

export type RoutineConflict = VersionConflict<RoutineContent, RoutineField>;

/** Which parts of the content a save changes: what a conflict tells the next editor. */
function changedFields(before: RoutineContent, after: RoutineContent): Partial<Record<RoutineField, true>> {
  return Object.fromEntries(
    (Object.keys(routineFieldLabels) as RoutineField[]).filter((f) => !sameValue(before[f], after[f])).map((f) => [f, true]),
  );
}

/**
 * Saves the whole routine on top of `baseVersion` as a new immutable revision. A stale save is refused
 * (nothing written) with who saved in between; the builder keeps the user's work.
 */
export async function saveRoutine(
  db: Db,
  actor: SessionUser,
  id: number,
  baseVersion: number,
  content: RoutineContent,
  action = "routine.saved",
): Promise<{ version: number; revision: number }> {
  await assertRoutineAccess(db, actor, id);
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ version: routines.version }).from(routines).where(eq(routines.id, id));
    if (!current) throw new AppError("not_found", "That routine no longer exists.");
    const before = (await readRoutineContent(tx, id))!;
    if (current.version !== baseVersion) throw await routineConflict(tx, id, baseVersion, current.version, before);
    await checkExercises(tx, content, before);

    const version = await updateWhereVersion(tx, routines, id, baseVersion, { updatedBy: actor.id, updatedAt: new Date() });
    if (version === null) throw await routineConflict(tx, id, baseVersion, baseVersion + 1, before);
    const { revision } = await writeRoutineContent(tx, id, content, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action,
      entityType: "routine",
      entityId: id,
      changes: { version, revision, fields: changedFields(before, content) },
    });
    return { version, revision };
  });
}

const routineConflict = (tx: Tx, id: number, baseVersion: number, currentVersion: number, current: RoutineContent) =>
  versionConflict(tx, {
    entityType: "routine",
    id,
    baseVersion,
    currentVersion,
    current,
    labels: routineFieldLabels,
    advice:
      "Your changes are still here: save again to make yours the newest revision (theirs stays in the history), or reload to see theirs.",
  });

/** Brings back an old revision as the newest one; nothing in the history is rewritten. */
export async function restoreRoutineRevision(db: Db, actor: SessionUser, id: number, baseVersion: number, number: number) {
  await assertRoutineAccess(db, actor, id);
  const [revision] = await db
    .select({ snapshot: routineRevisions.snapshot })
    .from(routineRevisions)
    .where(and(eq(routineRevisions.routineId, id), eq(routineRevisions.number, number)));
  if (!revision) throw new AppError("not_found", `Revision ${number} does not exist.`);
  return saveRoutine(db, actor, id, baseVersion, routineContent.parse(revision.snapshot), "routine.restored");
}

/** Copies a routine's current content into a new template (patient details never travel with it). */
export async function saveRoutineAsTemplate(db: Db, actor: SessionUser, id: number, title: string): Promise<{ id: number }> {
  await assertRoutineAccess(db, actor, id);
  const content = await readRoutineContent(db, id);
  if (!content) throw new AppError("not_found", "That routine no longer exists.");
  return db.transaction(async (tx) => {
    const row = await insertRoutine(tx, { patientId: null }, { ...content, title, startDate: null, reviewDate: null }, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "routine.template_saved",
      entityType: "routine",
      entityId: row.id,
      changes: { from: id },
    });
    return { id: row.id };
  });
}

export async function setRoutineArchived(db: Db, actor: SessionUser, id: number, archived: boolean): Promise<void> {
  await assertRoutineAccess(db, actor, id);
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(routines)
      .set({ archivedAt: archived ? new Date() : null })
      .where(eq(routines.id, id))
      .returning({ id: routines.id });
    if (!rows.length) throw new AppError("not_found", "That routine no longer exists.");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: archived ? "routine.archived" : "routine.restored_from_archive",
      entityType: "routine",
      entityId: id,
    });
  });
}
