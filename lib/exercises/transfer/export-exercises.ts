import "server-only";
import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exerciseImages, exercises } from "@/db/schema";
import { toExerciseInput } from "../mutations";
import type { ExerciseQuery } from "../schemas";
import { findExerciseIds } from "../search";
import { exportFormatName, exportFormatVersion, toCsv, type ExerciseExport, type ExportedImage, type TransferFormat } from "./format";
import { mainPictureFirst } from "@/lib/exercises/picture-columns";

export type ExportFile = { body: string; fileName: string; contentType: string };

// Keeps each IN (...) list well under SQLite's bound-parameter limit.
const chunkSize = 500;

function chunksOf<T>(items: T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += chunkSize) chunks.push(items.slice(i, i + chunkSize));
  return chunks;
}

/**
 * The exercises a list query matches, as a file to download: JSON with pictures (a complete copy that
 * re-imports without loss) or CSV for spreadsheets (no pictures). Rows follow the list's order.
 */
export async function exportExercises(db: Db, query: ExerciseQuery, format: TransferFormat): Promise<ExportFile> {
  const ids = await findExerciseIds(db, query);
  const found = new Map<number, typeof exercises.$inferSelect>();
  for (const chunk of chunksOf(ids)) {
    for (const row of await db.select().from(exercises).where(inArray(exercises.id, chunk))) found.set(row.id, row);
  }
  const rows = ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  const exportedAt = new Date().toISOString();
  const fileName = `exercises-${exportedAt.slice(0, 10)}.${format}`;

  if (format === "csv") {
    return { body: toCsv(rows.map((r) => ({ key: r.key, ...toExerciseInput(r) }))), fileName, contentType: "text/csv; charset=utf-8" };
  }

  const images = new Map<number, ExportedImage[]>();
  for (const chunk of chunksOf(rows.map((r) => r.id))) {
    const stored = await db
      .select({
        exerciseId: exerciseImages.exerciseId,
        mimeType: exerciseImages.mimeType,
        alt: exerciseImages.alt,
        position: exerciseImages.position,
        data: exerciseImages.data,
      })
      .from(exerciseImages)
      .where(inArray(exerciseImages.exerciseId, chunk))
      .orderBy(...mainPictureFirst);
    for (const { exerciseId, data, ...image } of stored) {
      images.set(exerciseId, [...(images.get(exerciseId) ?? []), { ...image, data: Buffer.from(data).toString("base64") }]);
    }
  }
  const file: ExerciseExport = {
    format: exportFormatName,
    version: exportFormatVersion,
    exportedAt,
    // Every exercise lists its pictures, even none: importing an empty list removes pictures, so the copy stays exact.
    exercises: rows.map((r) => ({ key: r.key, ...toExerciseInput(r), images: images.get(r.id) ?? [] })),
  };
  return { body: JSON.stringify(file, null, 2), fileName, contentType: "application/json; charset=utf-8" };
}
