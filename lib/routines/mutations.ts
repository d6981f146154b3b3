import "server-only";
import { assertPatientAccess, assertRoutineAccess } from "@/lib/patients/access";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exercises, patients, routineItems, routineRevisions, routines, routineSections, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/users/accounts";
import { readRoutineContent } from "./queries";
import { routineContent, type RoutineContent } from "./schemas";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

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
  const rows = await tx.select({ id: exercises.id, name: exercises.name, status: exercises.status }).from(exercises).where(inArray(exercises.id, ids));
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

async function writeContent(tx: Tx, actor: SessionUser, routineId: number, content: RoutineContent): Promise<number> {
  await tx.delete(routineSections).where(eq(routineSections.routineId, routineId));
  for (const [position, section] of content.sections.entries()) {
    const [row] = await tx.insert(routineSections).values({ routineId, position, title: section.title }).returning({ id: routineSections.id });
    if (section.items.length) {
      await tx.insert(routineItems).values(section.items.map((item, i) => ({ ...item, sectionId: row!.id, position: i })));
    }
  }
  const [last] = await tx
    .select({ n: sql<number>`coalesce(max(${routineRevisions.number}), 0)` })
    .from(routineRevisions)
    .where(eq(routineRevisions.routineId, routineId));
  const number = (last?.n ?? 0) + 1;
  await tx.insert(routineRevisions).values({ routineId, number, snapshot: content, createdBy: actor.id });
  return number;
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
    const template = input.templateId !== null ? await readRoutineContent(tx as unknown as Db, input.templateId, { templateOnly: true }) : null;
    if (input.templateId !== null && !template) throw new AppError("not_found", "That template no longer exists.");

    const content = routineContent.parse({
      title: input.title || template?.title || (patientName ? `Home exercises for ${patientName}` : "New template"),
      instructions: template?.instructions ?? "",
      sections: template?.sections.length ? template.sections : blankRoutineSections,
    });
    const [row] = await tx
      .insert(routines)
      .values({ patientId: input.patientId, isTemplate: input.patientId === null, title: content.title, instructions: content.instructions, createdBy: actor.id, updatedBy: actor.id })
      .returning({ id: routines.id });
    await writeContent(tx, actor, row!.id, content);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "routine.created",
      entityType: "routine",
      entityId: row!.id,
      changes: { fromTemplate: input.templateId, patientId: input.patientId },
    });
    return { id: row!.id };
  });
}

export type RoutineConflict = { currentVersion: number; by: string; at: string };

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
    const [current] = await tx.select({ version: routines.version, archivedAt: routines.archivedAt }).from(routines).where(eq(routines.id, id));
    if (!current) throw new AppError("not_found", "That routine no longer exists.");
    if (current.version !== baseVersion) throw await conflictFor(tx, id, current.version);
    await checkExercises(tx, content, await readRoutineContent(tx as unknown as Db, id));

    const updated = await tx
      .update(routines)
      .set({
        title: content.title,
        instructions: content.instructions,
        startDate: content.startDate,
        reviewDate: content.reviewDate,
        version: sql`${routines.version} + 1`,
        updatedBy: actor.id,
        updatedAt: new Date(),
      })
      .where(and(eq(routines.id, id), eq(routines.version, baseVersion)))
      .returning({ version: routines.version });
    if (updated.length === 0) throw await conflictFor(tx, id, baseVersion + 1);
    const revision = await writeContent(tx, actor, id, content);
    await recordAuditEvent(tx, { actorId: actor.id, action, entityType: "routine", entityId: id, changes: { version: updated[0]!.version, revision } });
    return { version: updated[0]!.version, revision };
  });
}

async function conflictFor(tx: Tx, routineId: number, currentVersion: number): Promise<AppError> {
  const [latest] = await tx
    .select({ by: users.name, at: routineRevisions.createdAt })
    .from(routineRevisions)
    .leftJoin(users, eq(users.id, routineRevisions.createdBy))
    .where(eq(routineRevisions.routineId, routineId))
    .orderBy(desc(routineRevisions.number))
    .limit(1);
  const by = latest?.by ?? "Someone";
  const details: RoutineConflict = { currentVersion, by, at: (latest?.at ?? new Date()).toISOString() };
  return new AppError(
    "conflict",
    `${by} saved this routine while you were editing. Your changes are still here: save again to make yours the newest revision (theirs stays in the history), or reload to see theirs.`,
    {},
    details,
  );
}

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
    const [row] = await tx
      .insert(routines)
      .values({ isTemplate: true, title, instructions: content.instructions, createdBy: actor.id, updatedBy: actor.id })
      .returning({ id: routines.id });
    await writeContent(tx, actor, row!.id, { ...content, title, startDate: null, reviewDate: null });
    await recordAuditEvent(tx, { actorId: actor.id, action: "routine.template_saved", entityType: "routine", entityId: row!.id, changes: { from: id } });
    return { id: row!.id };
  });
}

export async function setRoutineArchived(db: Db, actor: SessionUser, id: number, archived: boolean): Promise<void> {
  await assertRoutineAccess(db, actor, id);
  await db.transaction(async (tx) => {
    const rows = await tx.update(routines).set({ archivedAt: archived ? new Date() : null }).where(eq(routines.id, id)).returning({ id: routines.id });
    if (!rows.length) throw new AppError("not_found", "That routine no longer exists.");
    await recordAuditEvent(tx, { actorId: actor.id, action: archived ? "routine.archived" : "routine.restored_from_archive", entityType: "routine", entityId: id });
  });
}
