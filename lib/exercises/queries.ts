import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, exerciseImages, exercises, routineItems, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Illustration } from "@/lib/illustrations/schema";
import { imageUrl } from "./images";
import { toExerciseInput } from "./mutations";
import { exerciseFieldLabels, type ExerciseInput } from "./schemas";
import { mainPictureFirst, pictureRefColumns } from "@/lib/exercises/picture-columns";

export type ExerciseImageView = { id: number; url: string; alt: string; width: number | null; height: number | null; byteSize: number };

export type ExerciseDetail = ExerciseInput & {
  id: number;
  key: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  images: ExerciseImageView[];
  usedInItems: number;
};

/** No actor: the library is the clinic's, open to every signed-in clinician (the caller checked the session). */
export async function getExercise(db: Db, id: number): Promise<ExerciseDetail> {
  const [row] = await db.select().from(exercises).where(eq(exercises.id, id));
  if (!row) throw new AppError("not_found", "That exercise does not exist.");
  const [images, [usage]] = await Promise.all([
    db
      .select({
        id: exerciseImages.id,
        ...pictureRefColumns,
        width: exerciseImages.width,
        height: exerciseImages.height,
        byteSize: exerciseImages.byteSize,
      })
      .from(exerciseImages)
      .where(eq(exerciseImages.exerciseId, id))
      .orderBy(...mainPictureFirst),
    db
      .select({ n: sql<number>`count(*)` })
      .from(routineItems)
      .where(eq(routineItems.exerciseId, id)),
  ]);
  return {
    ...toExerciseInput(row),
    id: row.id,
    key: row.key,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    usedInItems: usage?.n ?? 0,
    images: images.map(({ sha256, mimeType, ...image }) => ({ ...image, url: imageUrl({ sha256, mimeType }) })),
  };
}

/** An exercise's drawing, or null when it has none; not_found when there is no such exercise. */
export async function getExerciseIllustration(db: Db, id: number): Promise<Illustration | null> {
  const [row] = await db.select({ illustration: exercises.illustration }).from(exercises).where(eq(exercises.id, id));
  if (!row) throw new AppError("not_found", "That exercise does not exist.");
  return row.illustration ?? null;
}

export type HistoryEntry = {
  id: number;
  at: Date;
  by: string;
  action: string;
  version: number | null;
  changes: { field: string; from: unknown; to: unknown }[];
};

/** The audit trail of one exercise, newest first: who did what, when, and which fields changed. */
export async function listExerciseHistory(db: Db, id: number): Promise<HistoryEntry[]> {
  const rows = await db
    .select({ id: auditEvents.id, at: auditEvents.createdAt, by: users.name, action: auditEvents.action, changes: auditEvents.changes })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entityType, "exercise"), eq(auditEvents.entityId, id)))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(200);
  return rows.map((r) => {
    const changes = r.changes as { version?: number; fields?: Record<string, { from: unknown; to: unknown }> };
    return {
      id: r.id,
      at: r.at,
      by: r.by ?? "Starter content",
      action: r.action,
      version: changes.version ?? null,
      changes: Object.entries(changes.fields ?? {}).map(([field, change]) => ({
        field: exerciseFieldLabels[field as keyof typeof exerciseFieldLabels] ?? field,
        ...change,
      })),
    };
  });
}

/** A picture's bytes by content hash, for the public image route. */
export async function findImageByHash(db: Db, sha256: string) {
  const [row] = await db
    .select({ data: exerciseImages.data, mimeType: exerciseImages.mimeType })
    .from(exerciseImages)
    .where(eq(exerciseImages.sha256, sha256))
    .limit(1);
  return row;
}
