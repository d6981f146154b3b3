import { count, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exercises, routineItems, routineRevisions, routines, routineSections, seedLog } from "@/db/schema";
import { seedStarterContent } from "@/db/seed";
import { starterExercises } from "@/db/seed/exercises";
import { starterTemplates } from "@/db/seed/templates";
import { doseInput } from "@/lib/exercises/dose";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let t: TempDb;
beforeEach(async () => (t = await createTempDb()));
afterEach(() => t.close());

describe("starter content", () => {
  it("names every exercise the reference article describes, each with complete, valid fields", () => {
    const keys = starterExercises.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThanOrEqual(30);
    for (const key of ["cat-cow", "open-book-rotation", "wall-angels", "neck-flexion-stretch", "seated-spinal-twist", "upper-back-rollout", "thoracic-spine-release", "doorway-chest-stretch", "locust-pose", "scapular-clocks"]) {
      expect(keys).toContain(key);
    }
    for (const e of starterExercises) {
      expect(e.steps.length, e.key).toBeGreaterThanOrEqual(3);
      expect(e.summary && e.cues && e.precautions, e.key).toBeTruthy();
      expect(doseInput.safeParse(e.defaultDose).success, e.key).toBe(true);
    }
  });

  it("carries the article's doses", () => {
    const dose = (key: string) => starterExercises.find((e) => e.key === key)?.defaultDose;
    expect(dose("cat-cow")).toMatchObject({ reps: 5, repsMax: 10 });
    expect(dose("open-book-rotation")).toMatchObject({ reps: 5, repsMax: 10, side: "each" });
    expect(dose("neck-flexion-stretch")).toMatchObject({ holdSeconds: 10, side: "each" });
    expect(dose("seated-spinal-twist")).toMatchObject({ holdSeconds: 15 });
    expect(dose("upper-back-rollout")).toMatchObject({ holdSeconds: 30, holdSecondsMax: 60 });
  });

  it("template items refer to starter exercises", () => {
    const keys = new Set(starterExercises.map((e) => e.key));
    const template = starterTemplates.find((x) => x.title === "Upper back pain — mobility");
    expect(template).toBeDefined();
    for (const item of template!.sections.flatMap((s) => s.items)) expect(keys).toContain(item.exerciseKey);
  });
});

describe("seedStarterContent", () => {
  it("plants the library as published exercises and the template with its sections, items and first revision", async () => {
    const report = await seedStarterContent(t.db);
    expect(report).toEqual({ exercisesAdded: starterExercises.length, templatesAdded: 1 });

    const [{ n }] = (await t.db.select({ n: count() }).from(exercises).where(eq(exercises.status, "published"))) as [{ n: number }];
    expect(n).toBe(starterExercises.length);
    const [template] = await t.db.select().from(routines).where(eq(routines.isTemplate, true));
    expect(template?.title).toBe("Upper back pain — mobility");
    const sections = await t.db.select().from(routineSections).where(eq(routineSections.routineId, template!.id));
    expect(sections.map((s) => s.title)).toEqual(starterTemplates[0]!.sections.map((s) => s.title));
    const items = await t.db.select().from(routineItems);
    expect(items).toHaveLength(starterTemplates[0]!.sections.flatMap((s) => s.items).length);
    expect(await t.db.select().from(routineRevisions)).toHaveLength(1);
  });

  it("is idempotent: a second run adds nothing", async () => {
    await seedStarterContent(t.db);
    expect(await seedStarterContent(t.db)).toEqual({ exercisesAdded: 0, templatesAdded: 0 });
    const [{ n }] = (await t.db.select({ n: count() }).from(exercises)) as [{ n: number }];
    expect(n).toBe(starterExercises.length);
  });

  it("never overwrites a clinician's edit or brings back an exercise they removed", async () => {
    await seedStarterContent(t.db);
    await t.db.update(exercises).set({ name: "Cat-cow (our way)", version: 2 }).where(eq(exercises.key, "cat-cow"));
    await t.db.delete(exercises).where(eq(exercises.key, "locust-pose"));
    await seedStarterContent(t.db);
    const names = (await t.db.select({ key: exercises.key, name: exercises.name }).from(exercises)).map((r) => r.key + "=" + r.name);
    expect(names).toContain("cat-cow=Cat-cow (our way)");
    expect(names.some((n) => n.startsWith("locust-pose="))).toBe(false);
  });

  it("leaves an existing exercise with a starter key alone (an import got there first)", async () => {
    const [first] = starterExercises;
    await t.db.insert(exercises).values({ key: first!.key, name: "Imported version", category: "stretch", position: "seated" });
    await seedStarterContent(t.db);
    const [row] = await t.db.select().from(exercises).where(eq(exercises.key, first!.key));
    expect(row?.name).toBe("Imported version");
    expect(await t.db.select().from(seedLog).where(eq(seedLog.key, `exercise:${first!.key}`))).toHaveLength(1);
  });
});

describe("the embedded database", () => {
  it("runs in WAL mode with foreign keys enforced", async () => {
    const mode = await t.db.get<{ journal_mode: string }>(sql`pragma journal_mode`);
    expect(mode?.journal_mode).toBe("wal");
    const fk = await t.db.get<{ foreign_keys: number }>(sql`pragma foreign_keys`);
    expect(fk?.foreign_keys).toBe(1);
    await expect(t.db.insert(routineSections).values({ routineId: 999, position: 0, title: "Orphan" })).rejects.toThrow();
  });

  it("refuses to hard-delete an exercise a routine uses", async () => {
    await seedStarterContent(t.db);
    const [item] = await t.db.select().from(routineItems).limit(1);
    await expect(t.db.delete(exercises).where(eq(exercises.id, item!.exerciseId))).rejects.toThrow();
  });
});
