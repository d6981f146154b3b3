import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { exerciseImages, exercises } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/users/accounts";
import { sameValue } from "../diff";
import { createPauser, type Pauser } from "./pause";
import { inspectImage, type InspectedImage } from "../images";
import { insertExercise, toExerciseInput, uniqueExerciseKey, updateExercise } from "../mutations";
import { exerciseFields, type ExerciseInput } from "../schemas";
import { mainPictureFirst } from "@/lib/exercises/picture-columns";
import {
  csvRowToInput,
  exportFormatName,
  exportFormatVersion,
  fieldNameOf,
  importedExercise,
  maxImportBytes,
  parseCsv,
  type ImportedExercise,
  type RowError,
  type TransferFormat,
} from "./format";

export type PreparedImage = InspectedImage & { data: Buffer; alt: string; position: number };
export type ImportRow = { row: number; key: string | undefined; input: ExerciseInput; images: PreparedImage[] | undefined };
export type ImportValidation = { ok: true; rows: ImportRow[] } | { ok: false; errors: RowError[]; errorCount: number; total: number };
export type ImportCounts = { created: number; updated: number; unchanged: number };
export type ImportProgress = { done: number; total: number };

export const importBatchSize = 100;
// Enough to fix a file in one go; a file with thousands of problems is probably the wrong file.
const maxReportedErrors = 200;

/** The format a file is in: its extension decides, else its first character (JSON starts with { or [). */
export function detectFormat(fileNameOrFormat: string, text: string): TransferFormat {
  const name = fileNameOrFormat.toLowerCase();
  if (name === "json" || name.endsWith(".json")) return "json";
  if (name === "csv" || name.endsWith(".csv")) return "csv";
  return /^\ufeff?\s*[{[]/.test(text) ? "json" : "csv";
}

type ValidationState = { format: TransferFormat; raws: unknown[]; rows: ImportRow[]; errors: RowError[]; rowOfKey: Map<string, number> };

function readImportFile(fileText: string, fileNameOrFormat: string): ValidationState {
  if (Buffer.byteLength(fileText) > maxImportBytes) {
    throw new AppError("validation", `The file is over ${maxImportBytes / 1024 / 1024} MB. Split it into smaller files and import each.`);
  }
  if (fileText.replace(/^\ufeff/, "").trim() === "") throw new AppError("validation", "The file is empty.");
  const format = detectFormat(fileNameOrFormat, fileText);
  const raws = format === "json" ? readJsonRows(fileText) : readCsvRows(fileText);
  if (raws.length === 0) throw new AppError("validation", "The file holds no exercises.");
  return { format, raws, rows: [], errors: [], rowOfKey: new Map() };
}

function validateRow(state: ValidationState, raw: unknown, index: number): void {
  const { format, rows, errors, rowOfKey } = state;
  const row = index + 1;
  const parsed = importedExercise.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push({ row, field: fieldNameOf(issue.path, format), message: issue.message });
    return;
  }
  const { key, images, ...input } = parsed.data;
  if (key !== undefined) {
    const first = rowOfKey.get(key);
    if (first !== undefined) errors.push({ row, field: "key", message: `Row ${first} already uses the key "${key}".` });
    else rowOfKey.set(key, row);
  }
  const prepared = images && prepareImages(images, row, errors);
  rows.push({ row, key, input, images: prepared });
}

function validationResult({ rows, errors, raws }: ValidationState): ImportValidation {
  if (errors.length) return { ok: false, errors: errors.slice(0, maxReportedErrors), errorCount: errors.length, total: raws.length };
  return { ok: true, rows };
}

/**
 * Checks every row of an import file before anything is written. A file that cannot be read at all
 * (not JSON, not an export, not a CSV, too big, empty) throws an AppError with a sentence to show.
 */
export function validateImport(fileText: string, fileNameOrFormat: string): ImportValidation {
  const state = readImportFile(fileText, fileNameOrFormat);
  state.raws.forEach((raw, index) => validateRow(state, raw, index));
  return validationResult(state);
}

/** validateImport for the server: the same checks, giving other requests a turn every few milliseconds. */
export async function validateImportInSlices(
  fileText: string,
  fileNameOrFormat: string,
  pause: Pauser = createPauser(),
): Promise<ImportValidation> {
  await pause();
  const state = readImportFile(fileText, fileNameOrFormat);
  for (let index = 0; index < state.raws.length; index++) {
    validateRow(state, state.raws[index], index);
    await pause();
  }
  return validationResult(state);
}

function readJsonRows(text: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (error) {
    throw new AppError("validation", `The file is not valid JSON (${(error as Error).message}).`);
  }
  const envelope = data as { format?: unknown; version?: unknown; exercises?: unknown } | null;
  if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope) || envelope.format !== exportFormatName) {
    throw new AppError(
      "validation",
      `This JSON file is not a Routine exercise export: it needs "format": "${exportFormatName}" and an "exercises" list.`,
    );
  }
  if (envelope.version !== exportFormatVersion) {
    throw new AppError(
      "validation",
      `This export is format version ${String(envelope.version)}; this app reads version ${exportFormatVersion}.`,
    );
  }
  if (!Array.isArray(envelope.exercises)) throw new AppError("validation", `This export has no "exercises" list.`);
  return envelope.exercises;
}

function readCsvRows(text: string): unknown[] {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new AppError("validation", parsed.error);
  return parsed.rows.map(csvRowToInput);
}

function prepareImages(images: NonNullable<ImportedExercise["images"]>, row: number, errors: RowError[]): PreparedImage[] {
  const prepared: PreparedImage[] = [];
  const indexOfSha = new Map<string, number>();
  images.forEach((image, index) => {
    const label = `Picture ${index + 1}`;
    const data = Buffer.from(image.data, "base64");
    const checked = inspectImage(data, label);
    if (!checked.ok) return void errors.push({ row, field: "images", message: checked.error });
    const same = indexOfSha.get(checked.image.sha256);
    if (same !== undefined)
      return void errors.push({ row, field: "images", message: `${label} is the same picture as picture ${same + 1}.` });
    indexOfSha.set(checked.image.sha256, index);
    prepared.push({ ...checked.image, data, alt: image.alt, position: image.position ?? index });
  });
  return prepared;
}

type ImageSummary = { sha256: string; alt: string; position: number };
const imageOrder = (a: ImageSummary, b: ImageSummary) =>
  a.position - b.position || (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0);
const sameImages = (a: ImageSummary[], b: ImageSummary[]) =>
  sameValue(
    [...a].sort(imageOrder).map(({ sha256, alt, position }) => ({ sha256, alt, position })),
    [...b].sort(imageOrder).map(({ sha256, alt, position }) => ({ sha256, alt, position })),
  );

/**
 * Writes validated rows in one transaction, a batch at a time, reporting progress after each batch and
 * pausing every few milliseconds so the server keeps answering (the transaction stays all-or-nothing).
 * Rows whose key exists update that exercise (pictures replaced when the row lists pictures); the
 * rest are created. Any failure rolls everything back, so a file is imported whole or not at all.
 */
export async function applyImport(
  db: Db,
  actor: SessionUser,
  rows: ImportRow[],
  onProgress?: (progress: ImportProgress) => void | Promise<void>,
  pause: Pauser = createPauser(),
): Promise<ImportCounts> {
  // Keyed rows first: a key made up for a keyless row must not take a key a later row of the file names.
  const ordered = [...rows.filter((r) => r.key !== undefined), ...rows.filter((r) => r.key === undefined)];
  const total = ordered.length;
  return db.transaction(async (tx) => {
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    for (let start = 0; start < total; start += importBatchSize) {
      const batch = ordered.slice(start, start + importBatchSize);
      const keys = batch.flatMap((r) => (r.key === undefined ? [] : [r.key]));
      const existing = keys.length ? await tx.select().from(exercises).where(inArray(exercises.key, keys)) : [];
      const byKey = new Map(existing.map((e) => [e.key, e]));
      const picturesOf = await loadImageSummaries(
        tx,
        batch.flatMap((r) => (r.images && r.key && byKey.get(r.key) ? [byKey.get(r.key)!.id] : [])),
      );

      for (const row of batch) {
        const current = row.key === undefined ? undefined : byKey.get(row.key);
        if (!current) {
          const id = await insertExercise(tx, actor, row.key ?? (await uniqueExerciseKey(tx, row.input.name)), row.input);
          if (row.images?.length) await insertImages(tx, id, row.images);
          counts.created++;
          await pause();
          continue;
        }
        const before = toExerciseInput(current);
        // A field the file leaves out (a CSV's illustration) keeps its stored value.
        const changed = exerciseFields.filter((f) => row.input[f] !== undefined && !sameValue(before[f], row.input[f]));
        if (changed.length) {
          const fields = Object.fromEntries(changed.map((f) => [f, row.input[f]])) as Partial<ExerciseInput>;
          await updateExercise(tx, actor, current.id, current.version, fields, "exercise.imported");
        }
        const stored = picturesOf.get(current.id) ?? [];
        const picturesChanged = row.images !== undefined && !sameImages(stored, row.images);
        if (picturesChanged) await replaceImages(tx, actor, current.id, stored.length, row.images!);
        if (changed.length || picturesChanged) counts.updated++;
        else counts.unchanged++;
        await pause();
      }
      await onProgress?.({ done: Math.min(start + batch.length, total), total });
    }
    return counts;
  });
}

async function loadImageSummaries(tx: Tx, exerciseIds: number[]): Promise<Map<number, ImageSummary[]>> {
  const byExercise = new Map<number, ImageSummary[]>();
  if (exerciseIds.length === 0) return byExercise;
  const rows = await tx
    .select({
      exerciseId: exerciseImages.exerciseId,
      sha256: exerciseImages.sha256,
      alt: exerciseImages.alt,
      position: exerciseImages.position,
    })
    .from(exerciseImages)
    .where(inArray(exerciseImages.exerciseId, exerciseIds))
    .orderBy(...mainPictureFirst);
  for (const { exerciseId, ...image } of rows) byExercise.set(exerciseId, [...(byExercise.get(exerciseId) ?? []), image]);
  return byExercise;
}

async function insertImages(tx: Tx, exerciseId: number, images: PreparedImage[]): Promise<void> {
  // One statement per picture: a batch of several 5 MB blobs would make one enormous statement.
  for (const { sha256, mimeType, byteSize, width, height, data, alt, position } of images) {
    await tx.insert(exerciseImages).values({ exerciseId, sha256, mimeType, byteSize, width, height, data, alt, position });
  }
}

async function replaceImages(tx: Tx, actor: SessionUser, exerciseId: number, before: number, images: PreparedImage[]): Promise<void> {
  await tx.delete(exerciseImages).where(eq(exerciseImages.exerciseId, exerciseId));
  await insertImages(tx, exerciseId, images);
  await recordAuditEvent(tx, {
    actorId: actor.id,
    action: "exercise.imported",
    entityType: "exercise",
    entityId: exerciseId,
    changes: { pictures: { from: before, to: images.length } },
  });
}
