import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, patients, routines, shareLinks, shareTicks } from "@/db/schema";
import { saveClinicSettings } from "@/lib/clinic/settings";
import { findPainAlert, isQuiet, median, type PainScore } from "@/lib/dashboard/attention-rules";
import { getNeedsAttention } from "@/lib/dashboard/get-needs-attention";
import { markRoutineFeedbackRead } from "@/lib/dashboard/mark-feedback-read";
import { setPatientPolicy, setPatientShared } from "@/lib/patients/access";
import { addDays, utcDay } from "@/lib/share/days";
import { shareFixture } from "../helpers/share-fixture";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const dayMs = 86_400_000;
const today = "2026-12-01";
const at = (day: string, hour = 12) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
const score = (day: string, pain: number): PainScore => ({ day, pain, exercise: "Cat-Cow", updatedAt: at(day) });

describe("the rules", () => {
  it("takes the median as the baseline", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 9])).toBe(2.5);
  });

  it("flags a score at or above the clinic's threshold, within the last 7 days only", () => {
    const options = { today, threshold: 7, readUntil: null };
    expect(findPainAlert([score(today, 7)], options)).toMatchObject({ pain: 7, reason: "threshold" });
    expect(findPainAlert([score(today, 6)], options)).toBeNull();
    expect(findPainAlert([score(addDays(today, -6), 9)], options)).toMatchObject({ pain: 9 });
    expect(findPainAlert([score(addDays(today, -7), 9)], options)).toBeNull();
    // The worst one wins; on a tie the latest.
    const worst = findPainAlert([score(addDays(today, -2), 8), score(addDays(today, -1), 9), score(today, 9)], options);
    expect(worst).toMatchObject({ pain: 9, day: today });
  });

  it("flags 3 points above the patient's own baseline: the median of at least 3 scores on earlier days", () => {
    const options = { today, threshold: 7, readUntil: null };
    const earlier = [score("2026-11-20", 1), score("2026-11-21", 2), score("2026-11-22", 2)];
    expect(findPainAlert([...earlier, score(today, 5)], options)).toMatchObject({
      reason: "above_baseline",
      baseline: 2,
      earlierScores: 3,
    });
    expect(findPainAlert([...earlier, score(today, 4)], options)).toBeNull();
    // Two earlier scores are no baseline yet.
    expect(findPainAlert([...earlier.slice(1), score(today, 6)], options)).toBeNull();
    // Scores of the same day are not "earlier".
    expect(findPainAlert([score(today, 1), score(today, 1), score(today, 1), score(today, 5)], options)).toBeNull();
  });

  it("leaves out what was marked read", () => {
    expect(findPainAlert([score(today, 9)], { today, threshold: 7, readUntil: at(today, 13) })).toBeNull();
    expect(findPainAlert([score(today, 9)], { today, threshold: 7, readUntil: at(today, 11) })).toMatchObject({ pain: 9 });
  });

  it("calls a routine quiet after 7 days without a tick, once its link has been out 7 days", () => {
    expect(isQuiet({ lastTickDay: null, linkSince: addDays(today, -7), today })).toBe(true);
    expect(isQuiet({ lastTickDay: null, linkSince: addDays(today, -6), today })).toBe(false);
    expect(isQuiet({ lastTickDay: addDays(today, -7), linkSince: "2026-10-01", today })).toBe(true);
    expect(isQuiet({ lastTickDay: addDays(today, -6), linkSince: "2026-10-01", today })).toBe(false);
  });
});

describe("the dashboard's worklist", () => {
  let t: TempDb;
  let f: Awaited<ReturnType<typeof shareFixture>>;
  const now = Date.now();
  const day = utcDay(now);
  let position = 0;

  /** A tick through the fixture's link, as the patient's page writes it (updated at `updatedAt`). */
  const tick = async (values: { day: string; pain?: number | null; comment?: string; updatedAt?: number }) => {
    const updated = new Date(values.updatedAt ?? now - 60_000);
    await t.db.insert(shareTicks).values({
      linkId: f.link.id,
      day: values.day,
      position: position++,
      exerciseId: 1,
      revision: 1,
      pain: values.pain ?? null,
      comment: values.comment ?? "",
      createdAt: updated,
      updatedAt: updated,
    });
  };
  const kinds = async (actor = f.ada, when = now) => (await getNeedsAttention(t.db, actor, when)).items.map((i) => i.kind);

  beforeEach(async () => {
    t = await createTempDb();
    f = await shareFixture(t, now);
    position = 0;
  });
  afterEach(() => t.close());

  it("is empty for a routine whose patient is doing fine", async () => {
    await tick({ day, pain: 2 });
    expect(await kinds()).toEqual([]);
  });

  it("lists a pain score at the clinic's threshold, saying what and why, and follows the threshold in Settings", async () => {
    await tick({ day, pain: 8 });
    const { items } = await getNeedsAttention(t.db, f.ada, now);
    expect(items).toEqual([
      expect.objectContaining({
        kind: "pain",
        routineId: f.routineId,
        patientName: "Sam",
        what: "Pain 8 out of 10",
        why: expect.stringContaining("at or above the clinic's alert level of 7"),
      }),
    ]);
    await saveClinicSettings(t.db, f.ada, { baseVersion: 0, name: "", contact: "", paper: "A4", linkDays: "90", painThreshold: 9 });
    expect(await kinds()).toEqual([]);
  });

  it("lists a score 3 above the patient's baseline on this routine, naming the baseline", async () => {
    for (const [i, pain] of [1, 2, 2, 3].entries()) await tick({ day: addDays(day, -20 + i), pain, updatedAt: now - (20 - i) * dayMs });
    await tick({ day, pain: 5 });
    const [item] = (await getNeedsAttention(t.db, f.ada, now)).items;
    expect(item).toMatchObject({ kind: "pain", what: "Pain 5 out of 10" });
    expect(item!.why).toContain("above their usual 2 (the median of their 4 earlier scores on this routine)");
  });

  it("lists new comments until marked read; feedback sent afterwards is new again; marking is audited", async () => {
    await tick({ day, pain: 8, comment: "Made me dizzy, stopped after 3", updatedAt: now - 5000 });
    const { items } = await getNeedsAttention(t.db, f.ada, now);
    expect(items.map((i) => i.kind)).toEqual(["pain", "comments"]);
    const comments = items.find((i) => i.kind === "comments")!;
    expect(comments).toMatchObject({ what: "A new comment", quote: "Made me dizzy, stopped after 3" });
    expect(comments.feedbackUntil).toBe(now - 5000);

    await markRoutineFeedbackRead(t.db, f.bo, f.routineId, comments.feedbackUntil!, now);
    expect(await kinds()).toEqual([]);
    const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "routine.feedback_read"));
    expect(audit).toMatchObject({ actorId: f.bo.id, entityType: "routine", entityId: f.routineId });

    // A comment the page did not show (written after it loaded) stays new.
    await tick({ day, comment: "Better today", updatedAt: now - 1000 });
    expect(await kinds()).toEqual(["comments"]);
    // An older page's "Mark as read" never makes read feedback new again.
    await markRoutineFeedbackRead(t.db, f.ada, f.routineId, now - 100_000, now);
    expect(await kinds()).toEqual(["comments"]);
  });

  it("lists a patient with no ticks for 7 days on an active link, not one whose link is new", async () => {
    await t.db
      .update(shareLinks)
      .set({ createdAt: new Date(now - 3 * dayMs) })
      .where(eq(shareLinks.id, f.link.id));
    expect(await kinds()).toEqual([]);
    await t.db
      .update(shareLinks)
      .set({ createdAt: new Date(now - 10 * dayMs) })
      .where(eq(shareLinks.id, f.link.id));
    expect(await getNeedsAttention(t.db, f.ada, now)).toMatchObject({ items: [{ kind: "quiet", what: "Nothing ticked yet" }] });
    await tick({ day: addDays(day, -8) });
    expect((await getNeedsAttention(t.db, f.ada, now)).items).toEqual([
      expect.objectContaining({ kind: "quiet", what: "Nothing ticked for 8 days" }),
    ]);
    await tick({ day: addDays(day, -6) });
    expect(await kinds()).toEqual([]);
    // A revoked link is no reason to tick.
    await t.db.delete(shareTicks).where(eq(shareTicks.linkId, f.link.id));
    await t.db
      .update(shareLinks)
      .set({ revokedAt: new Date(now) })
      .where(eq(shareLinks.id, f.link.id));
    expect(await kinds()).toEqual([]);
  });

  it("lists a link that stops working within 7 days, unless another active link lasts longer", async () => {
    await t.db
      .update(shareLinks)
      .set({ expiresAt: new Date(now + 3 * dayMs) })
      .where(eq(shareLinks.id, f.link.id));
    const [item] = (await getNeedsAttention(t.db, f.ada, now)).items;
    expect(item).toMatchObject({ kind: "link_expiring", why: expect.stringContaining("(in 3 days)") });
    await t.db
      .insert(shareLinks)
      .values({ routineId: f.routineId, label: "tablet", tokenHash: "b".repeat(64), expiresAt: new Date(now + 60 * dayMs) });
    expect(await kinds()).toEqual([]);
  });

  it("lists reviews due within 7 days or overdue", async () => {
    await t.db
      .update(routines)
      .set({ reviewDate: addDays(day, 10) })
      .where(eq(routines.id, f.routineId));
    expect(await kinds()).toEqual([]);
    await t.db
      .update(routines)
      .set({ reviewDate: addDays(day, 2) })
      .where(eq(routines.id, f.routineId));
    expect(await getNeedsAttention(t.db, f.ada, now)).toMatchObject({ items: [{ kind: "review_due", what: "Review due" }] });
    await t.db
      .update(routines)
      .set({ reviewDate: addDays(day, -3) })
      .where(eq(routines.id, f.routineId));
    expect(await getNeedsAttention(t.db, f.ada, now)).toMatchObject({
      items: [{ kind: "review_due", what: "Review overdue", why: expect.stringContaining("(3 days ago)") }],
    });
  });

  it("leaves out archived routines and patients", async () => {
    await tick({ day, pain: 9 });
    await t.db
      .update(patients)
      .set({ archivedAt: new Date(now) })
      .where(eq(patients.id, f.patientId));
    expect(await kinds()).toEqual([]);
  });

  it("follows the patient-visibility policy: under 'own' a clinician sees only their patients and those shared with them", async () => {
    await tick({ day, pain: 9, comment: "Sharp pain" });
    // The patient is Ada's; under "all" (the default) Bo sees the rows too.
    expect(await kinds(f.bo)).toEqual(["pain", "comments"]);
    await setPatientPolicy(t.db, f.ada, "own");
    expect(await kinds(f.bo)).toEqual([]);
    expect(await kinds(f.ada)).toEqual(["pain", "comments"]);
    await setPatientShared(t.db, f.ada, f.patientId, f.bo.id, true);
    expect(await kinds(f.bo)).toEqual(["pain", "comments"]);
    await setPatientShared(t.db, f.ada, f.patientId, f.bo.id, false);
    // Nor can Bo mark another clinician's patient's feedback read.
    await expect(markRoutineFeedbackRead(t.db, f.bo, f.routineId, now, now)).rejects.toThrow(/does not exist/);
    const reads = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "routine.feedback_read")));
    expect(reads).toHaveLength(0);
  });
});
