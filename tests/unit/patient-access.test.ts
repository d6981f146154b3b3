import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { mintSessionUser } from "@/lib/auth/session-user";
import { getDashboardSummary } from "@/lib/dashboard/get-dashboard-summary";
import { AppError } from "@/lib/errors";
import { assignPatient, getPatientPolicy, setPatientPolicy, setPatientShared } from "@/lib/patients/access";
import { createPatient, setPatientArchived, updatePatient } from "@/lib/patients/mutations";
import { getPatient, listPatientRoutines, listPatients } from "@/lib/patients/queries";
import { patientInput, patientQuery } from "@/lib/patients/schemas";
import { createRoutine, saveRoutine } from "@/lib/routines/mutations";
import { getRoutine, listPatientChoices, listPatientRoutinesAll } from "@/lib/routines/queries";
import { emailShareLink, getShareLinkEmailSetup } from "@/lib/share/email-share-link";
import { createShareLink, listShareLinks, revokeShareLink } from "@/lib/share/links";
import { showShareLink } from "@/lib/share/show-share-link";
import { getRoutineProgress } from "@/lib/share/progress";
import type { SessionUser } from "@/lib/users/accounts";
import { createTempDb, insertStaff, type TempDb } from "../helpers/temp-db";

let t: TempDb;
let ada: SessionUser;
let bo: SessionUser;
let cy: SessionUser;

beforeEach(async () => {
  t = await createTempDb();
  ({ ada, bo } = await insertStaff(t.db));
  const [row] = await t.db.insert(users).values({ email: "cy@clinic.test", name: "Cy", role: "clinician", passwordHash: "x" }).returning();
  cy = mintSessionUser({ id: row!.id, email: row!.email, name: row!.name, role: row!.role });
});
afterEach(() => t.close());

const patient = (displayName: string) => patientInput.parse({ displayName, notes: `${displayName}'s private notes` });
const view = (v: "mine" | "all") => patientQuery.parse({ view: v });
const names = async (actor: SessionUser, v: "mine" | "all") => (await listPatients(t.db, actor, view(v))).items.map((p) => p.displayName);

/** Bo's patient with a routine and a link; every way of reaching it as Cy. */
async function reachAsCy() {
  const { id: patientId } = await createPatient(
    t.db,
    bo,
    patientInput.parse({ displayName: "Bo's Patient", email: "bos.patient@example.test" }),
  );
  const { id: routineId } = await createRoutine(t.db, bo, { patientId, templateId: null });
  const link = await createShareLink(t.db, bo, { routineId, label: "phone", expiry: "90" }, "http://x");
  const routine = await getRoutine(t.db, bo, routineId);
  const attempts: Record<string, () => Promise<unknown>> = {
    // Before updatePatient, which clears the address, and revokeShareLink, which ends the link.
    showShareLink: () => showShareLink(t.db, cy, routineId, link.id, "http://x"),
    getShareLinkEmailSetup: () => getShareLinkEmailSetup(t.db, cy, routineId, { mailConfigured: true }),
    emailShareLink: () =>
      emailShareLink(
        t.db,
        cy,
        { routineId, linkId: link.id, subject: "Your exercises", message: "Here is your link." },
        { mailer: { send: async () => {} }, appUrl: "http://x" },
      ),
    getPatient: () => getPatient(t.db, cy, patientId),
    listPatientRoutines: () => listPatientRoutines(t.db, cy, patientId),
    updatePatient: () => updatePatient(t.db, cy, patientId, 1, patient("Renamed")),
    setPatientArchived: () => setPatientArchived(t.db, cy, patientId, false),
    getRoutine: () => getRoutine(t.db, cy, routineId),
    saveRoutine: () => saveRoutine(t.db, cy, routineId, routine.version, routine.content),
    createRoutine: () => createRoutine(t.db, cy, { patientId, templateId: null }),
    createShareLink: () => createShareLink(t.db, cy, { routineId, label: "mine", expiry: "90" }, "http://x"),
    listShareLinks: () => listShareLinks(t.db, cy, routineId),
    revokeShareLink: () => revokeShareLink(t.db, cy, routineId, link.id),
    getRoutineProgress: () => getRoutineProgress(t.db, cy, routineId),
  };
  return { patientId, routineId, attempts };
}

describe("defect 10: who sees which patient", () => {
  it('"clinicians see all patients" is the default: team care', async () => {
    expect(await getPatientPolicy(t.db)).toBe("all");
    const { patientId, attempts } = await reachAsCy();
    for (const [name, attempt] of Object.entries(attempts))
      await expect(
        attempt().then(() => "allowed"),
        name,
      ).resolves.toBe("allowed");
    // "My patients" is the default view: Bo's patient is under Cy's "All patients" only.
    expect(patientQuery.parse({}).view).toBe("mine");
    expect(await names(cy, "mine")).toEqual([]);
    expect(await names(cy, "all")).toEqual(["Renamed"]);
    expect((await getPatient(t.db, bo, patientId)).displayName).toBe("Renamed");
  });

  it('"own patients and those shared with them": every data-layer door is shut to others, and opens when shared', async () => {
    await setPatientPolicy(t.db, ada, "own");
    const { patientId, attempts } = await reachAsCy();
    for (const [name, attempt] of Object.entries(attempts)) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(AppError);
      expect((error as AppError).code, name).toBe("not_found");
    }
    expect(await names(cy, "all")).toEqual([]);
    expect((await listPatientChoices(t.db, cy)).map((p) => p.id)).toEqual([]);
    expect(await listPatientRoutinesAll(t.db, cy)).toEqual([]);
    // The admin and the assigned clinician still see them.
    expect(await names(ada, "all")).toEqual(["Bo's Patient"]);
    expect(await names(bo, "mine")).toEqual(["Bo's Patient"]);

    await setPatientShared(t.db, bo, patientId, cy.id, true);
    expect(await names(cy, "all")).toEqual(["Bo's Patient"]);
    expect(await names(cy, "mine")).toEqual([]);
    for (const [name, attempt] of Object.entries(attempts))
      await expect(
        attempt().then(() => "allowed"),
        name,
      ).resolves.toBe("allowed");

    await setPatientShared(t.db, bo, patientId, cy.id, false);
    await expect(getPatient(t.db, cy, patientId)).rejects.toThrow(AppError);
    await assignPatient(t.db, ada, patientId, cy.id);
    expect(await names(cy, "mine")).toEqual(["Renamed"]);
    await expect(getPatient(t.db, bo, patientId)).rejects.toThrow(AppError);
  });

  it("the dashboard counts only the patients, routines and links the actor may see", async () => {
    await setPatientPolicy(t.db, ada, "own");
    const { patientId } = await reachAsCy();
    const counts = async (actor: SessionUser) => {
      const { patients, routines, templates, activeLinks } = await getDashboardSummary(t.db, actor);
      return { patients, routines, templates, activeLinks };
    };
    const all = await counts(ada);
    expect(all).toMatchObject({ patients: 1, routines: 1, activeLinks: 1 });
    expect(await counts(bo)).toEqual(all);
    expect(await counts(cy)).toEqual({ patients: 0, routines: 0, templates: all.templates, activeLinks: 0 });
    await setPatientShared(t.db, bo, patientId, cy.id, true);
    expect(await counts(cy)).toEqual(all);
  });

  it("only an admin chooses the policy", async () => {
    await expect(setPatientPolicy(t.db, bo, "own")).rejects.toThrow(/administrator/);
    await setPatientPolicy(t.db, ada, "own");
    expect(await getPatientPolicy(t.db)).toBe("own");
    await setPatientPolicy(t.db, ada, "all");
    expect(await getPatientPolicy(t.db)).toBe("all");
  });
});
