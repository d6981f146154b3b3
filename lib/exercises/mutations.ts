import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { exerciseImages, exercises, routineItems } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/users/accounts";
import type { VersionConflict } from "@/lib/versioned-save/conflict";
import { updateWhereVersion, versionConflict } from "@/lib/versioned-save/save";
import { diffExercise, type ExerciseChanges } from "./diff";
import { exerciseFieldLabels, exerciseFields, type ExerciseInput } from "./schemas";

type Writer = Db | Tx;

/** The editable fields of a stored exercise, in the shape the form and the diff use. */
export function toExerciseInput(row: typeof exercises.$inferSelect): ExerciseInput {
  return Object.fromEntries(exerciseFields.map((field) => [field, row[field]])) as ExerciseInput;
}

export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "exercise";
}

/** A key derived from the name that no exercise has yet ("cat-cow", then "cat-cow-2", …). */
export async function uniqueExerciseKey(db: Writer, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (
      await db
        .select({ key: exercises.key })
        .from(exercises)
        .where(sql`${exercises.key} = ${base} or ${exercises.key} like ${base + "-%"}`)
    ).map((r) => r.key),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function insertExercise(db: Writer, actor: SessionUser, key: string, input: ExerciseInput): Promise<number> {
  const [row] = await db
    .insert(exercises)
    .values({ ...input, key, createdBy: actor.id, updatedBy: actor.id })
    .returning({ id: exercises.id });
  if (!row) throw new Error("Inserting the exercise returned no row.");
  await recordAuditEvent(db, {
    actorId: actor.id,
    action: "exercise.created",
    entityType: "exercise",
    entityId: row.id,
    changes: { version: 1, fields: diffExercise({}, input) },
  });
  return row.id;
}

export async function createExercise(db: Db, actor: SessionUser, input: ExerciseInput): Promise<{ id: number }> {
  return db.transaction(async (tx) => ({ id: await insertExercise(tx, actor, await uniqueExerciseKey(tx, input.name), input) }));
}

export type ExerciseConflict = VersionConflict<ExerciseInput, keyof typeof exerciseFieldLabels>;

/**
 * Saves an edit made on top of `baseVersion`. If someone saved in between, nothing is written and an
 * AppError("conflict") carries what they changed, so the editor can compare before deciding.
 */
export async function updateExercise(
  db: Writer,
  actor: SessionUser,
  id: number,
  baseVersion: number,
  input: Partial<ExerciseInput>,
  action = "exercise.updated",
): Promise<{ version: number; changes: ExerciseChanges }> {
  const [before] = await db.select().from(exercises).where(eq(exercises.id, id));
  if (!before) throw new AppError("not_found", "That exercise no longer exists.");
  if (before.version !== baseVersion) throw await exerciseConflict(db, before, baseVersion);

  const changes = diffExercise(toExerciseInput(before), input);
  if (Object.keys(changes).length === 0) return { version: before.version, changes };
  const version = await updateWhereVersion(db, exercises, id, baseVersion, { ...input, updatedBy: actor.id, updatedAt: new Date() });
  // Someone saved between our read and our write: the version check in WHERE caught it.
  if (version === null) {
    const [now] = await db.select().from(exercises).where(eq(exercises.id, id));
    throw now ? await exerciseConflict(db, now, baseVersion) : new AppError("not_found", "That exercise no longer exists.");
  }
  await recordAuditEvent(db, { actorId: actor.id, action, entityType: "exercise", entityId: id, changes: { version, fields: changes } });
  return { version, changes };
}

const exerciseConflict = (db: Writer, current: typeof exercises.$inferSelect, baseVersion: number) =>
  versionConflict(db, {
    entityType: "exercise",
    id: current.id,
    baseVersion,
    currentVersion: current.version,
    current: toExerciseInput(current),
    labels: exerciseFieldLabels,
    advice: "Your changes are still in the form: compare, then save again to keep yours.",
  });

/** Publishing, archiving and restoring are edits of one field, with the same conflict check. */
export async function setExerciseStatus(
  db: Db,
  actor: SessionUser,
  id: number,
  baseVersion: number,
  status: ExerciseInput["status"],
): Promise<{ version: number }> {
  return db.transaction(async (tx) => updateExercise(tx, actor, id, baseVersion, { status }, `exercise.${status}`));
}

/** Only an exercise no routine uses can be deleted; a used one is archived instead and routines keep it. */
export async function deleteExercise(db: Db, actor: SessionUser, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [usage] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(routineItems)
      .where(eq(routineItems.exerciseId, id));
    if ((usage?.n ?? 0) > 0) {
      throw new AppError(
        "conflict",
        `This exercise is used in ${usage!.n} routine item${usage!.n === 1 ? "" : "s"}, so it cannot be deleted. Archive it instead: routines keep showing it.`,
      );
    }
    const [gone] = await tx.delete(exercises).where(eq(exercises.id, id)).returning({ name: exercises.name, key: exercises.key });
    if (!gone) throw new AppError("not_found", "That exercise no longer exists.");
    await recordAuditEvent(tx, { actorId: actor.id, action: "exercise.deleted", entityType: "exercise", entityId: id, changes: gone });
  });
}

/** A draft copy with its pictures, for making a variation without touching the original. */
export async function duplicateExercise(db: Db, actor: SessionUser, id: number): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    const [source] = await tx.select().from(exercises).where(eq(exercises.id, id));
    if (!source) throw new AppError("not_found", "That exercise no longer exists.");
    const input = { ...toExerciseInput(source), name: `${source.name} (copy)`.slice(0, 120), status: "draft" as const };
    const copyId = await insertExercise(tx, actor, await uniqueExerciseKey(tx, input.name), input);
    await tx.run(sql`
      insert into ${exerciseImages} (exercise_id, sha256, mime_type, byte_size, width, height, data, alt, position)
      select ${copyId}, sha256, mime_type, byte_size, width, height, data, alt, position
      from ${exerciseImages} where exercise_id = ${id}`);
    return { id: copyId };
  });
}
