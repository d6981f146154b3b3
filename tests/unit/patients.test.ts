import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, patients, routines } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createPatient, setPatientArchived, updatePatient, type PatientConflict } from "@/lib/patients/mutations";
import { containsPattern, getPatient, listPatientRoutines, listPatients } from "@/lib/patients/queries";
import { patientInput, patientQuery, type PatientInput } from "@/lib/patients/schemas";
import type { SessionUser } from "@/lib/users/accounts";
import { createTempDb, insertStaff, type TempDb } from "../helpers/temp-db";

let t: TempDb;
let ada: SessionUser;
let bo: SessionUser;

beforeEach(async () => {
  t = await createTempDb();
  ({ ada, bo } = await insertStaff(t.db));
});
afterEach(() => t.close());

const input = (overrides: Record<string, unknown> = {}): PatientInput =>
  patientInput.parse({
    displayName: "Sam Okafor",
    externalRef: "MRN-1001",
    email: "sam@example.com",
    phone: "+44 (0)20 7946-0000",
    notes: "Left knee ACL reconstruction, 6 weeks post-op.",
    ...overrides,
  });
const query = (q: Record<string, unknown>) => patientQuery.parse(q);
const names = async (q: Record<string, unknown>) => (await listPatients(t.db, ada, query(q))).items.map((i) => i.displayName);
const auditOf = (id: number) =>
  t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "patient"), eq(auditEvents.entityId, id)))
    .orderBy(auditEvents.id);

describe("validation", () => {
  it("trims, turns blank optional boxes into null and keeps notes as text", () => {
    expect(patientInput.parse({ displayName: "  Sam ", externalRef: " ", email: "", phone: "", notes: "" })).toEqual({
      displayName: "Sam",
      externalRef: null,
      email: null,
      phone: null,
      notes: "",
    });
    expect(patientInput.parse({ displayName: "Sam" })).toMatchObject({ externalRef: null, email: null, notes: "" });
    expect(patientInput.parse({ displayName: "Sam", email: " Sam@Example.COM " }).email).toBe("sam@example.com");
  });

  it("says what is wrong, field by field", () => {
    const result = patientInput.safeParse({
      displayName: "   ",
      externalRef: "x".repeat(61),
      email: "sam-at-example",
      phone: "call me",
      notes: "n".repeat(5001),
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      displayName: "Enter the name the patient is addressed by.",
      externalRef: "Use at most 60 characters.",
      email: "Enter an email address like name@example.com.",
      phone: "Enter a phone number using digits, spaces and + ( ) - only.",
      notes: "Use at most 5,000 characters.",
    });
    expect(patientInput.safeParse({ displayName: "x".repeat(81) }).error?.issues[0]?.message).toBe("Use at most 80 characters.");
    expect(patientInput.safeParse({ displayName: "Sam", phone: "+() -" }).success).toBe(false);
  });

  it("defaults anything odd in the list URL", () => {
    expect(patientQuery.parse({ q: ["a"], archived: "maybe", page: "-3", view: "constructor" })).toEqual({
      q: "",
      archived: false,
      page: 1,
      view: "mine",
    });
    expect(patientQuery.parse({ q: " sam ", archived: "1", page: "2" })).toEqual({ q: "sam", archived: true, page: 2, view: "mine" });
  });
});

describe("listing and searching", () => {
  it("lists alphabetically ignoring case and searches name and reference, case-insensitively", async () => {
    await createPatient(t.db, ada, input({ displayName: "zoe Hart", externalRef: "MRN-2002" }));
    await createPatient(t.db, ada, input({ displayName: "Amir Khan", externalRef: null }));
    await createPatient(t.db, ada, input());
    expect(await names({})).toEqual(["Amir Khan", "Sam Okafor", "zoe Hart"]);
    expect(await names({ q: "OKAF" })).toEqual(["Sam Okafor"]);
    expect(await names({ q: "mrn-2002" })).toEqual(["zoe Hart"]);
    expect(await names({ q: "mrn" })).toEqual(["Sam Okafor", "zoe Hart"]);
  });

  it("takes % and _ in the search literally", async () => {
    await createPatient(t.db, ada, input({ displayName: "Sam 100% Okafor" }));
    await createPatient(t.db, ada, input({ displayName: "Samuel Obi", externalRef: "A_1" }));
    await createPatient(t.db, ada, input({ displayName: "Sam Other", externalRef: "AB1" }));
    expect(containsPattern("10%_\\")).toBe("%10\\%\\_\\\\%");
    expect(await names({ q: "%" })).toEqual(["Sam 100% Okafor"]);
    expect(await names({ q: "S%O" })).toEqual([]);
    expect(await names({ q: "A_1" })).toEqual(["Samuel Obi"]);
  });

  it("pages through 25 at a time", async () => {
    for (let i = 0; i < 27; i++) await createPatient(t.db, ada, input({ displayName: `Patient ${String(i).padStart(2, "0")}` }));
    const first = await listPatients(t.db, ada, query({}));
    const second = await listPatients(t.db, ada, query({ page: "2" }));
    expect(first).toMatchObject({ total: 27, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(25);
    expect(second.items.map((i) => i.displayName)).toEqual(["Patient 25", "Patient 26"]);
  });

  it("archived patients leave the list but keep their page, and can be restored", async () => {
    const { id } = await createPatient(t.db, ada, input());
    await setPatientArchived(t.db, bo, id, true);
    expect(await names({})).toEqual([]);
    expect(await names({ archived: "1" })).toEqual(["Sam Okafor"]);
    const archived = await getPatient(t.db, ada, id);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(archived.version).toBe(1);
    await setPatientArchived(t.db, bo, id, true); // a second click records nothing
    await setPatientArchived(t.db, ada, id, false);
    expect(await names({})).toEqual(["Sam Okafor"]);
    expect((await auditOf(id)).map((e) => [e.action, e.actorId])).toEqual([
      ["patient.created", ada.id],
      ["patient.archived", bo.id],
      ["patient.restored", ada.id],
    ]);
    await expect(setPatientArchived(t.db, ada, 9999, true)).rejects.toMatchObject({ code: "not_found" });
    await expect(getPatient(t.db, ada, 9999)).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists a patient's routines, current ones newest first, then the archived ones", async () => {
    const { id } = await createPatient(t.db, ada, input());
    const { id: other } = await createPatient(t.db, ada, input({ displayName: "Someone Else" }));
    const at = (day: number) => new Date(Date.UTC(2026, 0, day));
    await t.db.insert(routines).values([
      { patientId: id, title: "Old knee plan", archivedAt: at(5), updatedAt: at(9) },
      { patientId: id, title: "Knee week 1", updatedAt: at(2) },
      { patientId: id, title: "Knee week 3", updatedAt: at(8), reviewDate: "2026-02-01" },
      { patientId: other, title: "Not theirs", updatedAt: at(10) },
      { patientId: null, isTemplate: true, title: "A template", updatedAt: at(10) },
    ]);
    const listed = await listPatientRoutines(t.db, ada, id);
    expect(listed.map((r) => r.title)).toEqual(["Knee week 3", "Knee week 1", "Old knee plan"]);
    expect(listed[0]).toMatchObject({ reviewDate: "2026-02-01", startDate: null, archivedAt: null, version: 1 });
  });
});

describe("editing with optimistic concurrency", () => {
  it("saves on the current version and records old and new values", async () => {
    const { id } = await createPatient(t.db, ada, input());
    const saved = await updatePatient(t.db, bo, id, 1, input({ email: "sam.okafor@example.com", phone: null }));
    expect(saved.version).toBe(2);
    expect(await getPatient(t.db, ada, id)).toMatchObject({ email: "sam.okafor@example.com", phone: null, version: 2 });
    const [, updated] = await auditOf(id);
    expect(updated).toMatchObject({ action: "patient.updated", actorId: bo.id });
    expect(updated!.changes).toEqual({
      version: 2,
      fields: {
        email: { from: "sam@example.com", to: "sam.okafor@example.com" },
        phone: { from: "+44 (0)20 7946-0000", to: null },
      },
    });
    // A save that changes nothing writes nothing.
    expect((await updatePatient(t.db, ada, id, 2, input({ email: "sam.okafor@example.com", phone: null }))).version).toBe(2);
    expect(await auditOf(id)).toHaveLength(2);
  });

  it("refuses a save made on an old version, says who saved, and writes nothing", async () => {
    const { id } = await createPatient(t.db, ada, input());
    await updatePatient(t.db, ada, id, 1, input({ displayName: "Samuel Okafor", notes: "Now 8 weeks post-op." }));
    const stale = updatePatient(t.db, bo, id, 1, input({ phone: "07700 900123" }));
    await expect(stale).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("Ada saved this patient while you were editing (changed: Display name, Private clinical notes)"),
    });
    const detail = ((await stale.catch((e: AppError) => e)) as AppError).details as PatientConflict;
    expect(detail).toMatchObject({
      currentVersion: 2,
      by: "Ada",
      fields: [
        { name: "displayName", label: "Display name" },
        { name: "notes", label: "Private clinical notes" },
      ],
    });
    expect(detail.current.displayName).toBe("Samuel Okafor");
    const now = await getPatient(t.db, bo, id);
    expect(now).toMatchObject({ version: 2, phone: "+44 (0)20 7946-0000" });
    expect(await auditOf(id)).toHaveLength(2);
    await expect(updatePatient(t.db, bo, 9999, 1, input())).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the audit trail", () => {
  it("records every change but never the text of the clinical notes", async () => {
    const secret = "Disclosed anxiety about returning to football.";
    const { id } = await createPatient(t.db, ada, input({ notes: secret }));
    await updatePatient(t.db, ada, id, 1, input({ notes: `${secret} Reassured.` }));
    await setPatientArchived(t.db, ada, id, true);
    const events = await auditOf(id);
    expect(events.map((e) => e.action)).toEqual(["patient.created", "patient.updated", "patient.archived"]);
    expect(events[0]!.changes).toMatchObject({ version: 1, fields: { displayName: { from: null, to: "Sam Okafor" }, notes: "changed" } });
    expect(events[1]!.changes).toEqual({ version: 2, fields: { notes: "changed" } });
    const everything = JSON.stringify(await t.db.select().from(auditEvents));
    expect(everything).not.toContain("football");
    // The notes themselves are stored on the patient, where they belong.
    const [row] = await t.db.select({ notes: patients.notes }).from(patients).where(eq(patients.id, id));
    expect(row!.notes).toBe(`${secret} Reassured.`);
  });
});
