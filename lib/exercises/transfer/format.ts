import Papa from "papaparse";
import { z } from "zod";
import type { Dose } from "../dose";
import { exerciseInput, exerciseKey, type ExerciseInput } from "../schemas";
import type { ImageMimeType } from "../images";

/*
 * The two file formats the library moves in and out with.
 * JSON is the complete copy: every field, the key, and the pictures (base64), so an export re-imports
 * into a fresh install without loss. CSV is for spreadsheets: every text, vocabulary and dose field,
 * but no pictures; steps share one cell (one per line) and list fields are joined with "|".
 */

export const exportFormatName = "routine-exercises";
export const exportFormatVersion = 1;
export const maxImportBytes = 50 * 1024 * 1024;

export type TransferFormat = "json" | "csv";

export type ExportedImage = { mimeType: ImageMimeType; alt: string; position: number; data: string };
export type ExportedExercise = { key: string } & ExerciseInput & { images?: ExportedImage[] };
export type ExerciseExport = {
  format: typeof exportFormatName;
  version: typeof exportFormatVersion;
  exportedAt: string;
  exercises: ExportedExercise[];
};

/** A problem with one row of an import; rows count from the first exercise (a CSV header is not a row). */
export type RowError = { row: number; field: string; message: string };

/**
 * What the import endpoint streams, one JSON object per line. A 200 response carries validated, then
 * progress after each batch, then done or failed; a 422 response carries a single invalid line.
 */
export type ImportEvent =
  | { type: "validated"; total: number }
  | { type: "progress"; done: number; total: number }
  | { type: "done"; created: number; updated: number; unchanged: number }
  | { type: "failed"; message: string }
  | { type: "invalid"; errors: RowError[]; errorCount: number; total: number };

const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A picture inside a JSON export; the bytes decide its type, so a wrong mimeType is harmless. */
export const importedImage = z.object({
  mimeType: z.enum(["image/png", "image/jpeg", "image/webp"], { error: "Use image/png, image/jpeg or image/webp." }).optional(),
  alt: z.string({ error: "Give the alt text as text." }).trim().max(300, "Use at most 300 characters.").default(""),
  // Positions may be negative: making a picture the main one moves it before the others.
  position: z.number({ error: "Give the position as a whole number." }).int("Give the position as a whole number.").optional(),
  data: z.string({ error: "Give the picture's bytes as base64 text." }).regex(base64, "The picture's data is not valid base64."),
});

/** One exercise of an import file: what a clinician can edit, plus the stable key and (JSON only) pictures. */
export const importedExercise = exerciseInput.extend({
  key: exerciseKey.optional(),
  images: z.array(importedImage, { error: "Give the pictures as a list." }).optional(),
});
export type ImportedExercise = z.infer<typeof importedExercise>;

export const csvColumns = [
  "key",
  "name",
  "summary",
  "steps",
  "cues",
  "precautions",
  "category",
  "body_regions",
  "equipment",
  "position",
  "difficulty",
  "tags",
  "status",
  "dose_sets",
  "dose_reps",
  "dose_reps_max",
  "dose_hold_seconds",
  "dose_hold_seconds_max",
  "dose_rest_seconds",
  "dose_side",
  "dose_times_per_day",
  "dose_days_per_week",
  "dose_duration_seconds",
  "dose_load",
] as const;
export type CsvColumn = (typeof csvColumns)[number];
export type CsvRow = Partial<Record<CsvColumn, string>>;

const doseColumns = {
  dose_sets: "sets",
  dose_reps: "reps",
  dose_reps_max: "repsMax",
  dose_hold_seconds: "holdSeconds",
  dose_hold_seconds_max: "holdSecondsMax",
  dose_rest_seconds: "restSeconds",
  dose_side: "side",
  dose_times_per_day: "timesPerDay",
  dose_days_per_week: "daysPerWeek",
  dose_duration_seconds: "durationSeconds",
  dose_load: "load",
} as const satisfies Partial<Record<CsvColumn, keyof Dose>>;
type DoseColumn = keyof typeof doseColumns;
const doseColumnOf = Object.fromEntries(Object.entries(doseColumns).map(([column, field]) => [field, column])) as Record<
  keyof Dose,
  DoseColumn
>;

// A spreadsheet runs a cell starting with one of these as a formula: exports prefix it with ' and imports drop it.
const formulaStart = /^[=+\-@\t\r]/;
const escapedFormula = /^'(?=[=+\-@\t\r])/;

export function toCsv(rows: (ExerciseInput & { key: string })[]): string {
  const data = rows.map((r) => {
    const cells: Record<CsvColumn, string | number> = {
      key: r.key,
      name: r.name,
      summary: r.summary,
      steps: r.steps.join("\n"),
      cues: r.cues,
      precautions: r.precautions,
      category: r.category,
      body_regions: r.bodyRegions.join("|"),
      equipment: r.equipment.join("|"),
      position: r.position,
      difficulty: r.difficulty,
      tags: r.tags.join("|"),
      status: r.status,
      ...(Object.fromEntries(Object.entries(doseColumns).map(([column, field]) => [column, r.defaultDose[field] ?? ""])) as Record<
        DoseColumn,
        string | number
      >),
    };
    return csvColumns.map((c) => cells[c]);
  });
  // The byte-order mark makes Excel read the file as UTF-8 instead of the system code page.
  return "\ufeff" + Papa.unparse({ fields: [...csvColumns], data }, { escapeFormulae: formulaStart, newline: "\r\n" });
}

/** The cells of each row by column name, or a sentence saying why the text is not a usable CSV. */
export function parseCsv(text: string): { ok: true; rows: CsvRow[] } | { ok: false; error: string } {
  const body = text.replace(/^\ufeff/, "");
  const headerLine = body.slice(0, body.search(/\r?\n|$/));
  // Spreadsheets in some locales save with ";"; the header decides, since "|" also appears inside cells.
  const delimiter = headerLine.includes(",") ? "," : headerLine.includes(";") ? ";" : headerLine.includes("\t") ? "\t" : ",";
  const parsed = Papa.parse<Record<string, string>>(body, {
    header: true,
    delimiter,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const header = parsed.meta.fields ?? [];
  const known = new Set<string>(csvColumns);
  const unknown = header.filter((h) => !known.has(h));
  if (unknown.length) {
    return {
      ok: false,
      error: `The CSV has columns this app does not know: ${unknown.join(", ")}. The first line must name the columns ${csvColumns.join(",")}.`,
    };
  }
  const duplicated = header.filter((h, i) => header.indexOf(h) !== i);
  if (duplicated.length) return { ok: false, error: `The CSV names the column ${duplicated[0]} twice.` };
  // A missing column would silently blank that field on every updated exercise, so all but key are required.
  const missing = csvColumns.filter((c) => c !== "key" && !header.includes(c));
  if (missing.length)
    return {
      ok: false,
      error: `The CSV has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}. Start from an export to get every column.`,
    };
  const problem = parsed.errors[0];
  if (problem) {
    const row = (problem.row ?? 0) + 1;
    return {
      ok: false,
      error:
        problem.type === "FieldMismatch"
          ? `Row ${row} of the CSV does not have the ${header.length} cells the first line names. Check for a missing quote or separator.`
          : `The CSV cannot be read near row ${row} (${problem.message}). Check for a missing quote.`,
    };
  }
  return { ok: true, rows: parsed.data as CsvRow[] };
}

const list = (cell: string) =>
  cell
    .split("|")
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);

/** A CSV row in the shape importedExercise validates; odd cells pass through so zod names the problem. */
export function csvRowToInput(raw: CsvRow): unknown {
  const cell = (c: CsvColumn) => (raw[c] ?? "").replace(escapedFormula, "");
  const word = (c: CsvColumn) => cell(c).trim().toLowerCase() || undefined;
  const count = (c: DoseColumn) => {
    const value = cell(c).trim();
    if (value === "") return undefined;
    return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  };
  const dose: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(doseColumns) as [DoseColumn, keyof Dose][]) {
    if (field === "side") dose[field] = word(column);
    else if (field === "load") dose[field] = cell(column).trim() || undefined;
    else dose[field] = count(column);
  }
  return {
    key: word("key"),
    name: cell("name"),
    summary: cell("summary"),
    steps: cell("steps")
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean),
    cues: cell("cues"),
    precautions: cell("precautions"),
    category: word("category"),
    bodyRegions: list(cell("body_regions")),
    equipment: list(cell("equipment")),
    position: word("position"),
    difficulty: word("difficulty"),
    tags: list(cell("tags")),
    status: word("status"),
    defaultDose: Object.fromEntries(Object.entries(dose).filter(([, v]) => v !== undefined)),
  };
}

/** The name a person sees for the field at a validation path: the CSV column, or the JSON path. */
export function fieldNameOf(path: readonly PropertyKey[], format: TransferFormat): string {
  if (path.length === 0) return "exercise";
  if (format === "json") return path.map(String).join(".");
  const [head, sub] = path;
  if (head === "defaultDose") return typeof sub === "string" && sub in doseColumnOf ? doseColumnOf[sub as keyof Dose] : "dose";
  if (head === "bodyRegions") return "body_regions";
  return String(head);
}
