import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exerciseImages, exercises } from "@/db/schema";
import { seedStarterContent } from "@/db/seed";
import { AppError } from "@/lib/errors";
import { addExerciseImage, makeExerciseImageMain } from "@/lib/exercises/image-mutations";
import { inspectImage, sniffImageType } from "@/lib/exercises/images";
import {
  createExercise,
  deleteExercise,
  duplicateExercise,
  setExerciseStatus,
  slugify,
  updateExercise,
  type ExerciseConflict,
} from "@/lib/exercises/mutations";
import { getExercise, listExerciseHistory } from "@/lib/exercises/queries";
import { exerciseInput, exerciseQuery, type ExerciseInput } from "@/lib/exercises/schemas";
import { searchExercises, toFtsQuery } from "@/lib/exercises/search";
import type { SessionUser } from "@/lib/users/accounts";
import { createTempDb, insertStaff, type TempDb } from "../helpers/temp-db";

let t: TempDb;
let ada: SessionUser;
let bo: SessionUser;

beforeEach(async () => {
  t = await createTempDb();
  await seedStarterContent(t.db);
  ({ ada, bo } = await insertStaff(t.db));
});
afterEach(() => t.close());

const input = (overrides: Partial<ExerciseInput> = {}): ExerciseInput =>
  exerciseInput.parse({
    name: "Chin Tuck",
    summary: "Draw the chin straight back.",
    steps: ["Sit tall.", "Slide your chin back.", "Hold, then relax."],
    category: "mobility",
    bodyRegions: ["neck"],
    position: "seated",
    difficulty: "easy",
    defaultDose: { reps: 10, holdSeconds: 3 },
    status: "published",
    ...overrides,
  });
const query = (q: Record<string, unknown>) => exerciseQuery.parse(q);

// A real 1×1 PNG.
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

describe("search", () => {
  it("escapes what people type and matches the last word as a prefix", () => {
    expect(toFtsQuery('cat "cow" OR x*')).toBe('"cat"* "cow"* "OR"* "x"*');
    expect(toFtsQuery("  ")).toBeUndefined();
  });

  it("finds by name prefix, by words in steps, ranks name hits first, and combines with filters", async () => {
    const names = async (q: Record<string, unknown>) => (await searchExercises(t.db, query(q))).items.map((i) => i.name);
    expect((await names({ q: "cat" })).slice(0, 2).sort()).toEqual(["Cat-Cow", "Desk Cat-Cow"]);
    expect(await names({ q: "doorway" })).toContain("Doorway Chest Stretch");
    expect((await names({ q: "doorway" }))[0]).toBe("Doorway Chest Stretch");
    expect(await names({ q: "roll", equipment: "foam-roller" })).toEqual(expect.arrayContaining(["Upper Back Rollout"]));
    const neckStretches = await searchExercises(t.db, query({ category: "stretch", region: "neck" }));
    expect(neckStretches.total).toBeGreaterThan(0);
    for (const item of neckStretches.items) {
      expect(item.category).toBe("stretch");
      expect(item.bodyRegions).toContain("neck");
    }
  });

  it("keeps the index in step with edits and hides archived exercises unless asked", async () => {
    const { id } = await createExercise(t.db, ada, input({ name: "Zebra Crossing Drill" }));
    expect((await searchExercises(t.db, query({ q: "zebra" }))).total).toBe(1);
    await t.db.transaction((tx) => updateExercise(tx, ada, id, 1, { name: "Pelican Drill" }));
    expect((await searchExercises(t.db, query({ q: "zebra" }))).total).toBe(0);
    expect((await searchExercises(t.db, query({ q: "pelic" }))).total).toBe(1);
    await setExerciseStatus(t.db, ada, id, 2, "archived");
    expect((await searchExercises(t.db, query({ q: "pelican" }))).total).toBe(0);
    expect((await searchExercises(t.db, query({ q: "pelican", status: "archived" }))).total).toBe(1);
  });

  it("paginates in a stable order", async () => {
    const first = await searchExercises(t.db, query({ page: 1 }));
    const second = await searchExercises(t.db, query({ page: 2 }));
    expect(first.items).toHaveLength(25);
    expect(first.pageCount).toBe(2);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(first.total);
  });
});

describe("editing with optimistic concurrency", () => {
  it("refuses a save made on an old version and says who changed which fields", async () => {
    const { id } = await createExercise(t.db, ada, input());
    await t.db.transaction((tx) => updateExercise(tx, ada, id, 1, { name: "Chin Tuck (seated)", cues: "Keep your eyes level." }));
    const stale = t.db.transaction((tx) => updateExercise(tx, bo, id, 1, { summary: "Bo's words." }));
    await expect(stale).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("Ada saved this exercise") });
    const error = (await stale.catch((e: AppError) => e)) as AppError;
    const detail = error.details as ExerciseConflict;
    expect(detail.currentVersion).toBe(2);
    expect(detail.current.name).toBe("Chin Tuck (seated)");
    expect(detail.saves).toEqual([expect.objectContaining({ by: "Ada", fields: ["Name", "Cues"] })]);
    // Nothing of Bo's was written.
    expect((await getExercise(t.db, id)).summary).toBe("Draw the chin straight back.");
  });

  it("records every change in the history, old and new value", async () => {
    const { id } = await createExercise(t.db, ada, input());
    await t.db.transaction((tx) => updateExercise(tx, bo, id, 1, { steps: ["Sit tall.", "Tuck."] }));
    const [latest, created] = await listExerciseHistory(t.db, id);
    expect(latest).toMatchObject({ by: "Bo", action: "exercise.updated", version: 2 });
    expect(latest!.changes).toEqual([{ field: "Steps", from: input().steps, to: ["Sit tall.", "Tuck."] }]);
    expect(created).toMatchObject({ by: "Ada", action: "exercise.created", version: 1 });
  });

  it("does not bump the version for a save that changes nothing", async () => {
    const { id } = await createExercise(t.db, ada, input());
    expect((await t.db.transaction((tx) => updateExercise(tx, ada, id, 1, input()))).version).toBe(1);
  });
});

describe("deleting, archiving and duplicating", () => {
  it("refuses to delete an exercise a routine uses, and deletes an unused one", async () => {
    const [used] = await t.db.select().from(exercises).where(eq(exercises.key, "cat-cow"));
    await expect(deleteExercise(t.db, ada, used!.id)).rejects.toThrow(/Archive it instead/);
    const { id } = await createExercise(t.db, ada, input());
    await deleteExercise(t.db, ada, id);
    await expect(getExercise(t.db, id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("duplicates as a draft with a fresh key and the pictures", async () => {
    const { id } = await createExercise(t.db, ada, input());
    expect("id" in (await addExerciseImage(t.db, ada, id, { bytes: png, name: "dot.png", alt: "A dot" }))).toBe(true);
    const copy = await getExercise(t.db, (await duplicateExercise(t.db, bo, id)).id);
    expect(copy).toMatchObject({ name: "Chin Tuck (copy)", status: "draft", key: "chin-tuck-copy" });
    expect(copy.images).toHaveLength(1);
    expect(copy.images[0]!.alt).toBe("A dot");
  });
});

describe("pictures", () => {
  it("are judged by their bytes, not their name, and have a size limit", () => {
    expect(sniffImageType(png)).toBe("image/png");
    expect(inspectImage(Buffer.from("GIF89a..."), "x.png")).toEqual({ ok: false, error: "x.png is not a PNG, JPEG or WebP picture." });
    expect(inspectImage(Buffer.alloc(6 * 1024 * 1024, 1), "big.jpg")).toMatchObject({
      ok: false,
      error: expect.stringContaining("at most 5 MB"),
    });
    expect(inspectImage(png)).toMatchObject({ ok: true, image: { mimeType: "image/png", width: 1, height: 1 } });
  });

  it("are stored once per exercise and the chosen one becomes main", async () => {
    const { id } = await createExercise(t.db, ada, input());
    const first = await addExerciseImage(t.db, ada, id, { bytes: png, name: "a.png", alt: "first" });
    expect(await addExerciseImage(t.db, ada, id, { bytes: png, name: "again.png", alt: "" })).toEqual({
      error: '"again.png" is already one of this exercise\'s pictures.',
    });
    const jpeg = Buffer.from(
      "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
      "base64",
    );
    const second = await addExerciseImage(t.db, ada, id, { bytes: jpeg, name: "b.jpg", alt: "second" });
    expect("id" in first && "id" in second).toBe(true);
    await makeExerciseImageMain(t.db, ada, id, (second as { id: number }).id);
    const detail = await getExercise(t.db, id);
    expect(detail.images.map((i) => i.alt)).toEqual(["second", "first"]);
    expect(await t.db.select().from(exerciseImages)).toHaveLength(2);
  });

  it("slugs keys from names", () => {
    expect(slugify("Côté Stretch — Level 2!")).toBe("cote-stretch-level-2");
    expect(slugify("!!!")).toBe("exercise");
  });
});
