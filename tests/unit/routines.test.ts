import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exercises, patients, routineRevisions, routines } from "@/db/schema";
import { seedStarterContent } from "@/db/seed";
import { setExerciseStatus } from "@/lib/exercises/mutations";
import { createRoutine, restoreRoutineRevision, saveRoutine, saveRoutineAsTemplate } from "@/lib/routines/mutations";
import { getRoutine, readRoutineContent } from "@/lib/routines/queries";
import { routineContent, type RoutineContent } from "@/lib/routines/schemas";
import type { SessionUser } from "@/lib/users/accounts";
import { createTempDb, insertStaff, type TempDb } from "../helpers/temp-db";

let t: TempDb;
let ada: SessionUser;
let bo: SessionUser;
let patientId: number;
let templateId: number;

beforeEach(async () => {
  t = await createTempDb();
  await seedStarterContent(t.db);
  ({ ada, bo } = await insertStaff(t.db));
  [{ id: patientId }] = (await t.db.insert(patients).values({ displayName: "Jo" }).returning({ id: patients.id })) as [{ id: number }];
  [{ id: templateId }] = (await t.db.select({ id: routines.id }).from(routines).where(eq(routines.isTemplate, true))) as [{ id: number }];
});
afterEach(() => t.close());

const exerciseId = async (key: string) => (await t.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.key, key)))[0]!.id;

describe("routines", () => {
  it("starts a patient's routine as a copy of the template, with revision 1", async () => {
    const { id } = await createRoutine(t.db, ada, { patientId, templateId });
    const routine = await getRoutine(t.db, ada, id);
    const template = await readRoutineContent(t.db, templateId);
    expect(routine.patient).toEqual({ id: patientId, displayName: "Jo" });
    expect(routine.content.sections).toEqual(template!.sections);
    expect(routine.revisions.map((r) => r.number)).toEqual([1]);
    expect(Object.keys(routine.exercises)).toHaveLength(10);
  });

  it("saves each change as a new immutable revision and refuses a stale save", async () => {
    const { id } = await createRoutine(t.db, ada, { patientId, templateId: null });
    const content: RoutineContent = routineContent.parse({
      title: "Week 1",
      sections: [{ title: "Mobility", items: [{ exerciseId: await exerciseId("cat-cow"), dose: { sets: 2, reps: 10 } }] }],
    });
    expect(await saveRoutine(t.db, ada, id, 1, content)).toEqual({ version: 2, revision: 2 });
    await expect(saveRoutine(t.db, bo, id, 1, { ...content, title: "Bo's" })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("Ada saved this routine"),
    });
    expect((await readRoutineContent(t.db, id))!.title).toBe("Week 1");
    const revisions = await t.db.select().from(routineRevisions).where(eq(routineRevisions.routineId, id));
    expect(revisions.map((r) => r.number).sort()).toEqual([1, 2]);
    expect(revisions.find((r) => r.number === 2)!.snapshot).toEqual(content);
  });

  it("restores an old revision as a new one, leaving history intact", async () => {
    const { id } = await createRoutine(t.db, ada, { patientId, templateId });
    const original = await readRoutineContent(t.db, id);
    await saveRoutine(t.db, ada, id, 1, { ...original!, title: "Changed", sections: original!.sections.slice(0, 1) });
    expect(await restoreRoutineRevision(t.db, bo, id, 2, 1)).toEqual({ version: 3, revision: 3 });
    expect(await readRoutineContent(t.db, id)).toEqual(original);
  });

  it("adds only published exercises, but keeps one archived after it was added", async () => {
    const { id } = await createRoutine(t.db, ada, { patientId, templateId: null });
    const catCow = await exerciseId("cat-cow");
    const content = routineContent.parse({ title: "R", sections: [{ title: "S", items: [{ exerciseId: catCow, dose: {} }] }] });
    await saveRoutine(t.db, ada, id, 1, content);
    await setExerciseStatus(t.db, ada, catCow, 1, "archived");
    // Already in the routine: may stay.
    await expect(saveRoutine(t.db, ada, id, 2, { ...content, title: "R2" })).resolves.toMatchObject({ version: 3 });
    // Not yet in this routine: refused, with the item named.
    const other = await createRoutine(t.db, ada, { patientId, templateId: null });
    await expect(saveRoutine(t.db, ada, other.id, 1, content)).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { "sections.0.items.0": [expect.stringContaining("only published exercises")] },
    });
  });

  it("saves a routine as a template without the patient's dates", async () => {
    const { id } = await createRoutine(t.db, ada, { patientId, templateId });
    const content = await readRoutineContent(t.db, id);
    await saveRoutine(t.db, ada, id, 1, { ...content!, startDate: "2026-12-01", reviewDate: "2027-01-15" });
    const template = await getRoutine(t.db, ada, (await saveRoutineAsTemplate(t.db, ada, id, "Desk workers")).id);
    expect(template).toMatchObject({ isTemplate: true, patient: null });
    expect(template.content).toMatchObject({ title: "Desk workers", startDate: null, reviewDate: null });
  });

  it("validates dates and sizes with clear messages", () => {
    const bad = routineContent.safeParse({ title: "", sections: [], startDate: "2026-02-30", reviewDate: "2026-01-01" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "title: Give the routine a title.",
        "sections: Keep at least one section.",
        "startDate: That date does not exist.",
      ]),
    );
  });
});
