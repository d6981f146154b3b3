import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exerciseImages, exercises } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/users/accounts";
import { inspectImage } from "./images";

const altText = (alt: string) => alt.trim().slice(0, 300);

/** Adds a checked picture to an exercise (after its others). The same picture twice is kept once. */
export async function addExerciseImage(
  db: Db,
  actor: SessionUser,
  exerciseId: number,
  file: { bytes: Uint8Array; name: string; alt: string },
): Promise<{ id: number } | { error: string }> {
  const checked = inspectImage(file.bytes, `"${file.name}"`);
  if (!checked.ok) return { error: checked.error };
  const { image } = checked;
  return db.transaction(async (tx) => {
    const [exercise] = await tx.select({ id: exercises.id }).from(exercises).where(eq(exercises.id, exerciseId));
    if (!exercise) throw new AppError("not_found", "That exercise no longer exists.");
    const [last] = await tx
      .select({ max: sql<number | null>`max(${exerciseImages.position})` })
      .from(exerciseImages)
      .where(eq(exerciseImages.exerciseId, exerciseId));
    const [row] = await tx
      .insert(exerciseImages)
      .values({ ...image, exerciseId, data: Buffer.from(file.bytes), alt: altText(file.alt), position: (last?.max ?? -1) + 1 })
      .onConflictDoNothing()
      .returning({ id: exerciseImages.id });
    if (!row) return { error: `"${file.name}" is already one of this exercise's pictures.` };
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "exercise.image_added",
      entityType: "exercise",
      entityId: exerciseId,
      changes: { image: image.sha256.slice(0, 12), bytes: image.byteSize },
    });
    return { id: row.id };
  });
}

async function imageOf(db: Db, exerciseId: number, imageId: number) {
  const [image] = await db
    .select({ id: exerciseImages.id, sha256: exerciseImages.sha256 })
    .from(exerciseImages)
    .where(and(eq(exerciseImages.id, imageId), eq(exerciseImages.exerciseId, exerciseId)));
  if (!image) throw new AppError("not_found", "That picture is no longer there.");
  return image;
}

export async function updateExerciseImageAlt(db: Db, actor: SessionUser, exerciseId: number, imageId: number, alt: string): Promise<void> {
  await imageOf(db, exerciseId, imageId);
  await db
    .update(exerciseImages)
    .set({ alt: altText(alt) })
    .where(eq(exerciseImages.id, imageId));
  await recordAuditEvent(db, {
    actorId: actor.id,
    action: "exercise.image_alt",
    entityType: "exercise",
    entityId: exerciseId,
    changes: { alt: altText(alt) },
  });
}

/** The main picture is the first: move this one before all others. */
export async function makeExerciseImageMain(db: Db, actor: SessionUser, exerciseId: number, imageId: number): Promise<void> {
  await imageOf(db, exerciseId, imageId);
  await db.transaction(async (tx) => {
    const [first] = await tx
      .select({ min: sql<number>`min(${exerciseImages.position})` })
      .from(exerciseImages)
      .where(eq(exerciseImages.exerciseId, exerciseId));
    await tx
      .update(exerciseImages)
      .set({ position: (first?.min ?? 0) - 1 })
      .where(eq(exerciseImages.id, imageId));
    await recordAuditEvent(tx, { actorId: actor.id, action: "exercise.image_main", entityType: "exercise", entityId: exerciseId });
  });
}

export async function removeExerciseImage(db: Db, actor: SessionUser, exerciseId: number, imageId: number): Promise<void> {
  const image = await imageOf(db, exerciseId, imageId);
  await db.transaction(async (tx) => {
    await tx.delete(exerciseImages).where(eq(exerciseImages.id, imageId));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "exercise.image_removed",
      entityType: "exercise",
      entityId: exerciseId,
      changes: { image: image.sha256.slice(0, 12) },
    });
  });
}
