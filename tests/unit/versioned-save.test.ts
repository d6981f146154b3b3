import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exercises, patients, routines } from "@/db/schema";
import { seedStarterContent } from "@/db/seed";
import { toExerciseInput, updateExercise } from "@/lib/exercises/mutations";
import { createPatient, updatePatient } from "@/lib/patients/mutations";
import { patientInput } from "@/lib/patients/schemas";
import { createRoutine, saveRoutine } from "@/lib/routines/mutations";
import { readRoutineContent } from "@/lib/routines/queries";
import type { SessionUser } from "@/lib/users/accounts";
import { mergeMine } from "@/lib/versioned-save/conflict";
import { updateWhereVersion } from "@/lib/versioned-save/save";
import { createTempDb, insertStaff, type TempDb } from "../helpers/temp-db";

describe("mergeMine: keep my changes", () => {
  const base = { name: "Cat-cow", steps: ["a"], dose: { sets: "2", reps: "10" }, tags: "back" };

  it("takes my value where I changed a field and theirs everywhere else, one level into objects", () => {
    const mine = { ...base, name: "Cat–cow (kneeling)", dose: { sets: "3", reps: "10" } };
    const theirs = { ...base, steps: ["a", "b"], dose: { sets: "2", reps: "12" }, tags: "spine" };
    expect(mergeMine(base, mine, theirs)).toEqual({
      name: "Cat–cow (kneeling)",
      steps: ["a", "b"],
      dose: { sets: "3", reps: "12" },
      tags: "spine",
    });
  });

  it("keeps mine where we both changed the same field, and theirs when I changed nothing", () => {
    expect(mergeMine(base, { ...base, tags: "mine" }, { ...base, tags: "theirs" }).tags).toBe("mine");
    const theirs = { ...base, name: "Theirs" };
    expect(mergeMine(base, base, theirs)).toEqual(theirs);
  });
});

describe("versioned saves", () => {
  let t: TempDb;
  let ada: SessionUser;
  let bo: SessionUser;
  beforeEach(async () => {
    t = await createTempDb();
    await seedStarterContent(t.db);
    ({ ada, bo } = await insertStaff(t.db));
  });
  afterEach(() => t.close());

  it("updates only on the expected version and bumps it; a stale version writes nothing", async () => {
    const { id } = await createPatient(t.db, ada, patientInput.parse({ displayName: "Jo" }));
    expect(await updateWhereVersion(t.db, patients, id, 1, { phone: "1" })).toBe(2);
    expect(await updateWhereVersion(t.db, patients, id, 1, { phone: "2" })).toBeNull();
    expect(await updateWhereVersion(t.db, patients, id + 100, 2, { phone: "3" })).toBeNull();
    const [row] = await t.db.select().from(patients).where(eq(patients.id, id));
    expect(row).toMatchObject({ phone: "1", version: 2 });
  });

  it("gives exercises, patients and routines one conflict payload: who saved, when, which fields, the values now stored", async () => {
    const [exercise] = await t.db.select().from(exercises).where(eq(exercises.key, "cat-cow"));
    await updateExercise(t.db, ada, exercise!.id, 1, { name: "Cat-cow kneeling", cues: "Slowly" });
    const exerciseError = await updateExercise(t.db, bo, exercise!.id, 1, { summary: "Mine" }).catch((e: unknown) => e);
    expect(exerciseError).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("Ada saved this exercise while you were editing (changed: Name, Cues)"),
      details: {
        currentVersion: 2,
        by: "Ada",
        at: expect.any(String),
        saves: [{ by: "Ada", fields: ["Name", "Cues"] }],
        fields: [
          { name: "name", label: "Name" },
          { name: "cues", label: expect.any(String) },
        ],
        current: { name: "Cat-cow kneeling", cues: "Slowly" },
      },
    });

    const patient = await createPatient(t.db, ada, patientInput.parse({ displayName: "Jo" }));
    await updatePatient(t.db, ada, patient.id, 1, patientInput.parse({ displayName: "Jo", phone: "0161" }));
    await updatePatient(t.db, bo, patient.id, 2, patientInput.parse({ displayName: "Jo B", phone: "0161" }));
    await expect(
      updatePatient(t.db, ada, patient.id, 1, patientInput.parse({ displayName: "Jo", email: "jo@x.test" })),
    ).rejects.toMatchObject({
      message: expect.stringContaining("Bo saved this patient while you were editing (changed: Display name, Phone)"),
      details: {
        currentVersion: 3,
        by: "Bo",
        saves: [
          { by: "Ada", fields: ["Phone"] },
          { by: "Bo", fields: ["Display name"] },
        ],
        current: { displayName: "Jo B", phone: "0161" },
      },
    });

    const [template] = await t.db.select({ id: routines.id }).from(routines).where(eq(routines.isTemplate, true));
    const { id: routineId } = await createRoutine(t.db, ada, { patientId: patient.id, templateId: template!.id });
    const content = (await readRoutineContent(t.db, routineId))!;
    await saveRoutine(t.db, bo, routineId, 1, { ...content, title: "Week 2", sections: content.sections.slice(1) });
    await expect(saveRoutine(t.db, ada, routineId, 1, { ...content, instructions: "Mine" })).rejects.toMatchObject({
      message: expect.stringContaining("Bo saved this routine while you were editing (changed: Title, Exercises)"),
      details: { currentVersion: 2, by: "Bo", fields: [{ name: "title" }, { name: "sections" }], current: { title: "Week 2" } },
    });
  });

  it("leaves an unchanged exercise at its version", async () => {
    const [exercise] = await t.db.select().from(exercises).where(eq(exercises.key, "cat-cow"));
    expect(await updateExercise(t.db, ada, exercise!.id, 1, toExerciseInput(exercise!))).toMatchObject({ version: 1 });
  });
});
