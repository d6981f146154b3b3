import { and, count, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, exercises, routineItems, routineRevisions, routines, routineSections, seedLog } from "@/db/schema";
import { seedStarterContent } from "@/db/seed";
import { starterExercises } from "@/db/seed/exercises";
import { starterIllustrations } from "@/db/seed/illustrations";
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
    for (const key of [
      "cat-cow",
      "open-book-rotation",
      "wall-angels",
      "neck-flexion-stretch",
      "seated-spinal-twist",
      "upper-back-rollout",
      "thoracic-spine-release",
      "doorway-chest-stretch",
      "locust-pose",
      "scapular-clocks",
    ]) {
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
    expect(report).toEqual({ exercisesAdded: starterExercises.length, templatesAdded: 1, illustrationsAdded: 0 });

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
    expect(await seedStarterContent(t.db)).toEqual({ exercisesAdded: 0, templatesAdded: 0, illustrationsAdded: 0 });
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
    expect(
      await t.db
        .select()
        .from(seedLog)
        .where(eq(seedLog.key, `exercise:${first!.key}`)),
    ).toHaveLength(1);
  });
});

describe("starter illustrations", () => {
  it("plants each starter exercise with its drawing", async () => {
    await seedStarterContent(t.db);
    const rows = await t.db.select({ key: exercises.key, illustration: exercises.illustration }).from(exercises);
    expect(rows).toHaveLength(starterExercises.length);
    for (const row of rows) expect(row.illustration, row.key).toEqual(starterIllustrations[row.key]);
  });

  it("fills a database seeded before drawings existed, once, and never over a clinician's drawing or removal", async () => {
    // As an older install left it: exercises planted, no drawings, no illustration entries in seed_log.
    await seedStarterContent(t.db, { exercises: starterExercises, templates: starterTemplates, illustrations: {} });
    const mine = { ...starterIllustrations["cat-cow"]!, alt: "Our own cat-cow drawing" };
    await t.db.update(exercises).set({ illustration: mine }).where(eq(exercises.key, "cat-cow"));
    const [before] = await t.db.select().from(exercises).where(eq(exercises.key, "wall-angels"));

    const report = await seedStarterContent(t.db);
    expect(report).toEqual({ exercisesAdded: 0, templatesAdded: 0, illustrationsAdded: starterExercises.length - 1 });
    const [catCow] = await t.db.select().from(exercises).where(eq(exercises.key, "cat-cow"));
    expect(catCow?.illustration).toEqual(mine);
    const [after] = await t.db.select().from(exercises).where(eq(exercises.key, "wall-angels"));
    expect(after?.illustration).toEqual(starterIllustrations["wall-angels"]);
    // A form opened before the fill sees a conflict rather than saving "no drawing" over it; the audit says why.
    expect(after?.version).toBe(before!.version + 1);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, after!.id), eq(auditEvents.action, "exercise.illustrated")));
    expect(event?.changes).toMatchObject({ version: after!.version });

    // A clinician removes a drawing: the next start leaves it removed.
    await t.db.update(exercises).set({ illustration: null }).where(eq(exercises.key, "wall-angels"));
    expect(await seedStarterContent(t.db)).toEqual({ exercisesAdded: 0, templatesAdded: 0, illustrationsAdded: 0 });
    const [removed] = await t.db.select().from(exercises).where(eq(exercises.key, "wall-angels"));
    expect(removed?.illustration).toBeNull();
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
