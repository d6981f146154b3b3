import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, exerciseImages, exercises, users } from "@/db/schema";
import { seedStarterContent } from "@/db/seed";
import { AppError } from "@/lib/errors";
import { toExerciseInput } from "@/lib/exercises/mutations";
import { exerciseQuery } from "@/lib/exercises/schemas";
import { exportExercises } from "@/lib/exercises/transfer/export-exercises";
import { parseCsv, type ExerciseExport } from "@/lib/exercises/transfer/format";
import { applyImport, validateImport, type ImportCounts } from "@/lib/exercises/transfer/import-exercises";
import { mintSessionUser, type SessionUser } from "@/lib/auth/session-user";
import { createTempDb, type TempDb } from "../helpers/temp-db";

// A valid 1×1 PNG: small enough to inline, real enough for inspectImage.
const onePixelPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const everything = exerciseQuery.parse({ status: "all" });

let source: TempDb;
let target: TempDb;
beforeEach(async () => {
  [source, target] = await Promise.all([createTempDb(), createTempDb()]);
});
afterEach(() => {
  source.close();
  target.close();
});

async function createActor(db: Db): Promise<SessionUser> {
  const [row] = await db
    .insert(users)
    .values({ email: "admin@example.org", name: "Ada Admin", role: "admin", passwordHash: "not-a-real-hash" })
    .returning({ id: users.id });
  return mintSessionUser({ id: row!.id, email: "admin@example.org", name: "Ada Admin", role: "admin" });
}

/** Validates and applies a file the way the import endpoint does; fails the test on row errors. */
async function importText(db: Db, actor: SessionUser, text: string, name: string): Promise<ImportCounts> {
  const validation = validateImport(text, name);
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  return applyImport(db, actor, validation.rows);
}

async function libraryOf(db: Db) {
  const rows = await db.select().from(exercises).orderBy(asc(exercises.key));
  return rows.map((r) => ({ key: r.key, ...toExerciseInput(r) }));
}

async function picturesOf(db: Db, key: string) {
  const [row] = await db.select({ id: exercises.id }).from(exercises).where(eq(exercises.key, key));
  return db
    .select({
      data: exerciseImages.data,
      mimeType: exerciseImages.mimeType,
      alt: exerciseImages.alt,
      position: exerciseImages.position,
      sha256: exerciseImages.sha256,
    })
    .from(exerciseImages)
    .where(eq(exerciseImages.exerciseId, row!.id))
    .orderBy(asc(exerciseImages.position));
}

describe("JSON export and import", () => {
  it("copies the library into a fresh install field by field, pictures byte for byte", async () => {
    await seedStarterContent(source.db);
    const [catCow] = await source.db.select().from(exercises).where(eq(exercises.key, "cat-cow"));
    await source.db.insert(exerciseImages).values({
      exerciseId: catCow!.id,
      sha256: createHash("sha256").update(onePixelPng).digest("hex"),
      mimeType: "image/png",
      byteSize: onePixelPng.byteLength,
      width: 1,
      height: 1,
      data: onePixelPng,
      alt: "Back rounded like a cat",
      position: -1,
    });

    const file = await exportExercises(source.db, everything, "json");
    expect(file.fileName).toMatch(/^exercises-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.contentType).toContain("application/json");

    const counts = await importText(target.db, await createActor(target.db), file.body, file.fileName);
    const library = await libraryOf(source.db);
    expect(counts).toEqual({ created: library.length, updated: 0, unchanged: 0 });
    // Drawings too: every starter exercise has one, and each arrives equal to the source's.
    expect(library.every((e) => e.illustration)).toBe(true);
    expect(await libraryOf(target.db)).toEqual(library);

    const [copied] = await picturesOf(target.db, "cat-cow");
    expect(Buffer.from(copied!.data).equals(onePixelPng)).toBe(true);
    expect(copied).toMatchObject({ mimeType: "image/png", alt: "Back rounded like a cat", position: -1 });
  });

  it("exports only the filtered view when the query narrows it", async () => {
    await seedStarterContent(source.db);
    const file = await exportExercises(source.db, exerciseQuery.parse({ category: "stretch" }), "json");
    const parsed = JSON.parse(file.body) as ExerciseExport;
    expect(parsed.exercises.length).toBeGreaterThan(0);
    expect(parsed.exercises.every((e) => e.category === "stretch")).toBe(true);
  });

  it("re-importing the same file changes nothing; editing one row updates exactly that one", async () => {
    await seedStarterContent(source.db);
    const actor = await createActor(source.db);
    const file = await exportExercises(source.db, everything, "json");
    const total = (JSON.parse(file.body) as ExerciseExport).exercises.length;

    expect(await importText(source.db, actor, file.body, "backup.json")).toEqual({ created: 0, updated: 0, unchanged: total });
    const [before] = await source.db.select().from(exercises).where(eq(exercises.key, "wall-angels"));

    const edited = JSON.parse(file.body) as ExerciseExport;
    edited.exercises.find((e) => e.key === "wall-angels")!.summary = "Slide your arms up the wall like a snow angel.";
    expect(await importText(source.db, actor, JSON.stringify(edited), "backup.json")).toEqual({
      created: 0,
      updated: 1,
      unchanged: total - 1,
    });

    const [after] = await source.db.select().from(exercises).where(eq(exercises.key, "wall-angels"));
    expect(after!.summary).toBe("Slide your arms up the wall like a snow angel.");
    expect(after!.version).toBe(before!.version + 1);
    const events = await source.db.select().from(auditEvents).where(eq(auditEvents.action, "exercise.imported"));
    expect(events.map((e) => e.entityId)).toEqual([after!.id]);
    expect(Object.keys((events[0]!.changes as { fields: object }).fields)).toEqual(["summary"]);
  });

  it("carries a drawing edit as one audited change; a file without drawings leaves them alone", async () => {
    await seedStarterContent(source.db);
    const actor = await createActor(source.db);
    const file = JSON.parse((await exportExercises(source.db, everything, "json")).body) as ExerciseExport;
    const total = file.exercises.length;
    const catCow = file.exercises.find((e) => e.key === "cat-cow")!;
    const turned = {
      ...catCow.illustration!,
      view: { ...catCow.illustration!.view, yaw: 20 },
      alt: "Cat-Cow, seen a little from the front",
    };
    catCow.illustration = turned;
    expect(await importText(source.db, actor, JSON.stringify(file), "drawing.json")).toEqual({
      created: 0,
      updated: 1,
      unchanged: total - 1,
    });
    const [after] = await source.db.select().from(exercises).where(eq(exercises.key, "cat-cow"));
    expect(after!.illustration).toEqual(turned);
    const [event] = await source.db.select().from(auditEvents).where(eq(auditEvents.action, "exercise.imported"));
    expect(Object.keys((event!.changes as { fields: object }).fields)).toEqual(["illustration"]);

    // An export from before drawings existed has no illustration field: nothing changes.
    for (const e of file.exercises) delete e.illustration;
    expect(await importText(source.db, actor, JSON.stringify(file), "old.json")).toEqual({ created: 0, updated: 0, unchanged: total });
    const [kept] = await source.db.select().from(exercises).where(eq(exercises.key, "cat-cow"));
    expect(kept!.illustration).toEqual(turned);
  });

  it("refuses a drawing with a joint past its limit, naming the field", () => {
    const row = {
      name: "Bent",
      steps: ["Bend."],
      category: "mobility",
      bodyRegions: ["neck"],
      position: "standing",
      difficulty: "easy",
      defaultDose: {},
      status: "draft",
      illustration: {
        version: 1,
        view: { kind: "side" },
        layout: "side-by-side",
        frames: [{ pose: { angles: { rightKnee: 400 } } }],
        props: [],
        arrows: [],
        highlights: [],
        alt: "",
      },
    };
    const validation = validateImport(JSON.stringify({ format: "routine-exercises", version: 1, exercises: [row] }), "bad.json");
    expect(validation.ok).toBe(false);
    expect(validation.ok ? [] : validation.errors.map((e) => e.field)).toEqual(["illustration.frames.0.pose.angles.rightKnee"]);
  });

  it("reports progress once per batch and gives keyless rows a key from the name", async () => {
    const actor = await createActor(target.db);
    const base = {
      summary: "",
      steps: ["Stand tall."],
      cues: "",
      precautions: "",
      category: "mobility",
      bodyRegions: ["neck"],
      equipment: [],
      position: "standing",
      difficulty: "easy",
      tags: [],
      defaultDose: {},
      status: "draft",
    };
    const rows = Array.from({ length: 250 }, (_, i) => ({ ...base, key: `move-${i}`, name: `Move ${i}` }));
    rows.push({ ...base, name: "Move 1" } as (typeof rows)[number]);
    const validation = validateImport(JSON.stringify({ format: "routine-exercises", version: 1, exercises: rows }), "big.json");
    expect(validation.ok).toBe(true);
    const progress: number[] = [];
    await applyImport(target.db, actor, validation.ok ? validation.rows : [], (p) => void progress.push(p.done));
    expect(progress).toEqual([100, 200, 251]);
    const keys = (await libraryOf(target.db)).filter((e) => e.name === "Move 1").map((e) => e.key);
    expect(keys.sort()).toEqual(["move-1", "move-1-2"]);
  });
});

describe("CSV export and import", () => {
  it("copies every text, vocabulary and dose field into a fresh install", async () => {
    await seedStarterContent(source.db);
    const [neck] = await source.db.select().from(exercises).where(eq(exercises.key, "neck-rolls"));
    // Cells a spreadsheet would run as formulas, and commas, quotes and line breaks inside cells.
    await source.db
      .update(exercises)
      .set({
        summary: '=SUM(A1), "quoted", and more',
        steps: ["-Lean forward.", 'Breathe, then "relax".'],
        defaultDose: { ...neck!.defaultDose, load: "2 kg" },
      })
      .where(eq(exercises.id, neck!.id));

    const file = await exportExercises(source.db, everything, "csv");
    expect(file.fileName).toMatch(/\.csv$/);
    expect(file.body).toContain("'=SUM(A1)");

    const counts = await importText(target.db, await createActor(target.db), file.body, file.fileName);
    // CSV carries no pictures: neither photos nor drawings.
    const library = (await libraryOf(source.db)).map((e) => ({ ...e, illustration: null }));
    expect(counts.created).toBe(library.length);
    expect(await libraryOf(target.db)).toEqual(library);
  });

  it("reads semicolon-separated files and names CSV columns in errors", async () => {
    const header =
      "name;steps;category;body_regions;equipment;position;difficulty;tags;status;summary;cues;precautions;" +
      "dose_sets;dose_reps;dose_reps_max;dose_hold_seconds;dose_hold_seconds_max;dose_rest_seconds;dose_side;dose_times_per_day;dose_days_per_week;dose_duration_seconds;dose_load";
    const good = "Chin tucks;Sit tall.;mobility;neck;;seated;easy;;draft;;;;;10;;;;;;;;;";
    const bad = "Chin nods;Sit tall.;mobility;neck;;seated;easy;;draft;;;;;ten;;;;;;;;;";
    const validation = validateImport([header, good, bad].join("\n"), "list.csv");
    expect(validation).toMatchObject({ ok: false, errors: [{ row: 2, field: "dose_reps", message: "Enter a whole number." }] });
  });
});

describe("invalid imports", () => {
  it("imports nothing when one row among good ones is bad, and names its row and field", async () => {
    await seedStarterContent(source.db);
    const file = JSON.parse((await exportExercises(source.db, everything, "json")).body) as ExerciseExport;
    (file.exercises[2] as { category: string }).category = "cardio";
    const validation = validateImport(JSON.stringify(file), "library.json");
    expect(validation).toEqual({
      ok: false,
      errors: [{ row: 3, field: "category", message: "Pick a category." }],
      errorCount: 1,
      total: file.exercises.length,
    });
    expect(await target.db.select().from(exercises)).toHaveLength(0);
  });

  it("rolls back every row when a write fails part-way", async () => {
    const actor = await createActor(target.db);
    const base = {
      summary: "",
      steps: ["Stand tall."],
      cues: "",
      precautions: "",
      category: "mobility",
      bodyRegions: ["neck"],
      equipment: [],
      position: "standing",
      difficulty: "easy",
      tags: [],
      defaultDose: {},
      status: "draft",
    };
    const rows = Array.from({ length: 150 }, (_, i) => ({ ...base, key: `move-${i}`, name: `Move ${i}` }));
    const validation = validateImport(JSON.stringify({ format: "routine-exercises", version: 1, exercises: rows }), "big.json");
    const failing = applyImport(target.db, actor, validation.ok ? validation.rows : [], () => {
      throw new Error("disk full");
    });
    await expect(failing).rejects.toThrow("disk full");
    expect(await target.db.select().from(exercises)).toHaveLength(0);
  });

  it("rejects a bad picture as a row error", async () => {
    const row = {
      key: "x",
      name: "Broken picture",
      steps: ["Stand."],
      category: "mobility",
      bodyRegions: ["neck"],
      position: "standing",
      difficulty: "easy",
      defaultDose: {},
      status: "draft",
      images: [{ mimeType: "image/png", alt: "", position: 0, data: Buffer.from("not a picture").toString("base64") }],
    };
    const validation = validateImport(JSON.stringify({ format: "routine-exercises", version: 1, exercises: [row] }), "x.json");
    expect(validation).toMatchObject({
      ok: false,
      errors: [{ row: 1, field: "images", message: "Picture 1 is not a PNG, JPEG or WebP picture." }],
    });
  });

  it("says why a malformed file cannot be read", () => {
    const reason = (text: string, name: string) => {
      try {
        validateImport(text, name);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return (error as Error).message;
      }
      throw new Error("expected the file to be refused");
    };
    expect(reason("{ not json", "a.json")).toMatch(/^The file is not valid JSON/);
    expect(reason("[]", "a.json")).toMatch(/not a Routine exercise export/);
    expect(reason(JSON.stringify({ format: "routine-exercises", version: 2, exercises: [] }), "a.json")).toMatch(
      /version 2; this app reads version 1/,
    );
    expect(reason(JSON.stringify({ format: "routine-exercises", version: 1, exercises: {} }), "a.json")).toMatch(/no "exercises" list/);
    expect(reason(JSON.stringify({ format: "routine-exercises", version: 1, exercises: [] }), "a.json")).toBe(
      "The file holds no exercises.",
    );
    expect(reason("", "a.csv")).toBe("The file is empty.");
    expect(reason("name,colour\nx,red", "a.csv")).toMatch(/columns this app does not know: colour/);
    expect(reason("name,steps\nx,y", "a.csv")).toMatch(/^The CSV has no summary, cues/);
  });

  it("reports a CSV row with the wrong number of cells as unreadable", () => {
    const header =
      "key,name,summary,steps,cues,precautions,category,body_regions,equipment,position,difficulty,tags,status,dose_sets,dose_reps,dose_reps_max,dose_hold_seconds,dose_hold_seconds_max,dose_rest_seconds,dose_side,dose_times_per_day,dose_days_per_week,dose_duration_seconds,dose_load";
    const result = parseCsv(`${header}\n${"a,".repeat(23)}a\nb,c`);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Row 2 of the CSV does not have the 24 cells/) });
  });

  it("refuses a key used twice in one file, on the second row", async () => {
    await seedStarterContent(source.db);
    const file = JSON.parse((await exportExercises(source.db, everything, "json")).body) as ExerciseExport;
    file.exercises[4]!.key = file.exercises[1]!.key.toUpperCase();
    const validation = validateImport(JSON.stringify(file), "library.json");
    expect(validation).toMatchObject({
      ok: false,
      errors: [{ row: 5, field: "key", message: `Row 2 already uses the key "${file.exercises[1]!.key}".` }],
    });
  });
});
