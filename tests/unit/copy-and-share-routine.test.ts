import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, patients, routines, shareLinks } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { setPatientPolicy } from "@/lib/patients/access";
import { copyRoutine, copyRoutineInput } from "@/lib/routines/copy-routine";
import { createRoutine, saveRoutine } from "@/lib/routines/mutations";
import { getRoutine, readRoutineContent } from "@/lib/routines/queries";
import { saveAndShareRoutine, savePrintShareInput } from "@/lib/routines/save-print-share";
import { revokeShareLink } from "@/lib/share/links";
import { shareTokenKey } from "@/lib/share/tokens";
import { appUrl, shareFixture } from "../helpers/share-fixture";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let t: TempDb;
let f: Awaited<ReturnType<typeof shareFixture>>;
const now = Date.now();
beforeEach(async () => {
  t = await createTempDb();
  f = await shareFixture(t, now);
});
afterEach(() => t.close());

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "done",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
const addPatient = async (displayName: string, more: Partial<typeof patients.$inferInsert> = {}) =>
  (
    await t.db
      .insert(patients)
      .values({ displayName, ...more })
      .returning({ id: patients.id })
  )[0]!.id;

describe("duplicating and copying a routine", () => {
  it("duplicates for the same patient: same content titled “(copy)”, revision 1, its own history, no links, audited", async () => {
    await saveRoutine(t.db, f.ada, f.routineId, 1, { ...(await readRoutineContent(t.db, f.routineId))!, reviewDate: "2027-01-10" });
    const { id } = await copyRoutine(t.db, f.bo, copyRoutineInput.parse({ routineId: String(f.routineId), patientId: "" }));
    const [source, copy] = [await getRoutine(t.db, f.bo, f.routineId), await getRoutine(t.db, f.bo, id)];
    expect(copy.patient?.id).toBe(f.patientId);
    expect(copy.content).toEqual({ ...source.content, title: `${source.content.title} (copy)` });
    expect(copy.revisions.map((r) => r.number)).toEqual([1]);
    expect(source.revisions.map((r) => r.number)).toEqual([2, 1]);
    expect(copy.version).toBe(1);
    expect(await t.db.select().from(shareLinks).where(eq(shareLinks.routineId, id))).toEqual([]);
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "routine.duplicated"));
    expect(audit).toMatchObject({ actorId: f.bo.id, entityId: id, changes: { from: f.routineId, patientId: f.patientId } });
  });

  it("copies to another patient without the first patient's dates; saving the copy leaves the source alone", async () => {
    const other = await addPatient("Lee");
    const { id } = await copyRoutine(t.db, f.bo, { routineId: f.routineId, patientId: other });
    const copy = await getRoutine(t.db, f.bo, id);
    const source = await readRoutineContent(t.db, f.routineId);
    expect(copy.patient).toEqual({ id: other, displayName: "Lee" });
    expect(copy.content).toEqual({ ...source, startDate: null, reviewDate: null });
    await saveRoutine(t.db, f.bo, id, 1, { ...copy.content, title: "Lee's plan" });
    expect((await readRoutineContent(t.db, f.routineId))!.title).toBe(source!.title);
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.action, "routine.copied"))).toHaveLength(1);
  });

  it("respects who may see which patient, and refuses archived patients and templates", async () => {
    await setPatientPolicy(t.db, f.ada, "own");
    // Sam is Ada's patient; Bo has a patient of his own with a routine.
    const bos = await addPatient("Bo's own", { clinicianId: f.bo.id });
    const bosOther = await addPatient("Bo's other", { clinicianId: f.bo.id });
    const { id: bosRoutine } = await createRoutine(t.db, f.bo, { patientId: bos, templateId: f.templateId });
    const before = (await t.db.select().from(routines)).length;
    // To a patient Bo may not see, and from a routine he may not see: "not found", and nothing is made.
    expect(await codeOf(copyRoutine(t.db, f.bo, { routineId: bosRoutine, patientId: f.patientId }))).toBe("not_found");
    expect(await codeOf(copyRoutine(t.db, f.bo, { routineId: f.routineId, patientId: null }))).toBe("not_found");
    expect((await t.db.select().from(routines)).length).toBe(before);
    expect(await codeOf(copyRoutine(t.db, f.bo, { routineId: bosRoutine, patientId: bosOther }))).toBe("done");
    const archived = await addPatient("Gone", { archivedAt: new Date() });
    expect(await codeOf(copyRoutine(t.db, f.ada, { routineId: f.routineId, patientId: archived }))).toBe("not_found");
    expect(await codeOf(copyRoutine(t.db, f.ada, { routineId: f.templateId, patientId: f.patientId }))).toBe("validation");
    // An admin sees everyone.
    expect(await codeOf(copyRoutine(t.db, f.ada, { routineId: bosRoutine, patientId: f.patientId }))).toBe("done");
  });
});

describe("save, print and share in one step", () => {
  it("takes the content on screen, or null for nothing unsaved, and judges the content with the routine's schema", async () => {
    const content = (await readRoutineContent(t.db, f.routineId))!;
    expect(savePrintShareInput.parse({ routineId: "3", baseVersion: "2", content: null })).toEqual({
      routineId: 3,
      baseVersion: 2,
      content: null,
    });
    expect(savePrintShareInput.parse({ routineId: 3, baseVersion: 2, content }).content).toEqual(content);
    const refused = savePrintShareInput.safeParse({ routineId: 3, baseVersion: 2, content: { ...content, title: "" } });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(["content", "title"]);
  });

  it("saves what is on screen and reuses the active link (shown again, audited), making no new one", async () => {
    const content = { ...(await readRoutineContent(t.db, f.routineId))!, title: "On screen" };
    const result = await saveAndShareRoutine(t.db, f.bo, { routineId: f.routineId, baseVersion: 1, content }, appUrl, now);
    expect(result.saved).toEqual({ version: 2, revision: 2 });
    expect(result.link).toMatchObject({ id: f.link.id, url: f.link.url, reused: true });
    expect((await readRoutineContent(t.db, f.routineId))!.title).toBe("On screen");
    expect(await t.db.select().from(shareLinks).where(eq(shareLinks.routineId, f.routineId))).toHaveLength(1);
    const shown = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "share_link.shown"));
    expect(shown[0]).toMatchObject({ changes: { linkId: f.link.id, via: "save_print_share" } });
  });

  it("refuses a stale save as a conflict and then neither shares nor overwrites", async () => {
    await revokeShareLink(t.db, f.ada, f.routineId, f.link.id, now);
    await saveRoutine(t.db, f.ada, f.routineId, 1, { ...(await readRoutineContent(t.db, f.routineId))!, title: "Theirs" });
    const mine = { ...(await readRoutineContent(t.db, f.routineId))!, title: "Mine" };
    const error = await saveAndShareRoutine(t.db, f.bo, { routineId: f.routineId, baseVersion: 1, content: mine }, appUrl, now).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("conflict");
    expect((await readRoutineContent(t.db, f.routineId))!.title).toBe("Theirs");
    expect((await t.db.select().from(shareLinks).where(eq(shareLinks.routineId, f.routineId))).filter((l) => !l.revokedAt)).toEqual([]);
  });

  it("makes a “Handout” link when none can be shown, and saves nothing when nothing is unsaved", async () => {
    await revokeShareLink(t.db, f.ada, f.routineId, f.link.id, now);
    const first = await saveAndShareRoutine(t.db, f.bo, { routineId: f.routineId, baseVersion: 1, content: null }, appUrl, now);
    expect(first.saved).toBeNull();
    expect(first.link).toMatchObject({ label: "Handout", reused: false });
    expect(first.link.id).not.toBe(f.link.id);
    expect((await getRoutine(t.db, f.bo, f.routineId)).revisions).toHaveLength(1);
    // Under another server secret the link cannot be shown again: a new one is made rather than failing.
    const other = shareTokenKey("another-secret-of-at-least-thirty-two-chars");
    const second = await saveAndShareRoutine(t.db, f.bo, { routineId: f.routineId, baseVersion: 1, content: null }, appUrl, now, other);
    expect(second.link.reused).toBe(false);
    expect(second.link.id).not.toBe(first.link.id);
  });

  it("follows the patient visibility policy", async () => {
    await setPatientPolicy(t.db, f.ada, "own");
    await t.db.update(patients).set({ clinicianId: f.ada.id }).where(eq(patients.id, f.patientId));
    expect(await codeOf(saveAndShareRoutine(t.db, f.bo, { routineId: f.routineId, baseVersion: 1, content: null }, appUrl, now))).toBe(
      "not_found",
    );
  });
});
