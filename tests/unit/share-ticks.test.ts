import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { routines, shareLinkWrites, shareTicks } from "@/db/schema";
import { saveRoutine } from "@/lib/routines/mutations";
import { readRoutineContent } from "@/lib/routines/queries";
import { openShareLink } from "@/lib/share/access";
import { addDays, utcDay } from "@/lib/share/days";
import { createShareLink } from "@/lib/share/links";
import { getRoutineProgress } from "@/lib/share/progress";
import { shareWritePolicy } from "@/lib/share/rate-limit";
import { newShareLinkInput, tickInput } from "@/lib/share/schemas";
import { getSharedRoutine, readLatestRevision, flattenItems } from "@/lib/share/shared-routine";
import { readTickFeedback, tickFeedbackQuery } from "@/lib/share/tick-feedback";
import { recordTick } from "@/lib/share/ticks";
import { appUrl, shareFixture } from "../helpers/share-fixture";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let t: TempDb;
let f: Awaited<ReturnType<typeof shareFixture>>;
let access: { linkId: number; routineId: number };
let items: { position: number; exerciseId: number }[];
let sessions: number[];
// Midday UTC, so "the patient's day" may be yesterday, today or tomorrow.
const now = Date.UTC(2026, 2, 11, 12, 0);
const today = utcDay(now);

beforeEach(async () => {
  t = await createTempDb();
  f = await shareFixture(t, now);
  access = { linkId: f.link.id, routineId: f.routineId };
  const flat = flattenItems((await readLatestRevision(t.db, f.routineId))!.content);
  items = flat.map(({ position, exerciseId }) => ({ position, exerciseId }));
  sessions = flat.map((i) => i.sessions);
});
afterEach(() => t.close());

const tick = (input: Record<string, unknown>, at = now) => recordTick(t.db, access, tickInput.parse(input), at);
const rows = () => t.db.select().from(shareTicks);

describe("ticking off", () => {
  it("is idempotent: ticking twice is one tick, the second only updates pain and comment", async () => {
    const item = items[2]!;
    await tick({ ...item, pain: "3" });
    const again = await tick({ ...item, pain: "5", comment: "  Stiff this morning " });
    expect(again).toEqual({ day: today, done: true, tick: { ...item, session: 0, done: true, pain: 5, comment: "Stiff this morning" } });
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ ...item, day: today, revision: 1, pain: 5, comment: "Stiff this morning" });
  });

  it("saves the pain score and the note by separate taps, each keeping the other", async () => {
    const item = items[2]!;
    await tick({ ...item });
    await tick({ ...item, pain: "6" });
    const noted = await tick({ ...item, comment: "Easier than yesterday" });
    expect(noted.tick).toMatchObject({ done: true, pain: 6, comment: "Easier than yesterday" });
    const repainted = await tick({ ...item, pain: "2" });
    expect(repainted.tick).toMatchObject({ done: true, pain: 2, comment: "Easier than yesterday" });
  });

  it("undo keeps the patient's note (and drops the pain score of what was not done)", async () => {
    const item = items[2]!;
    await tick({ ...item, pain: "4", comment: "Right shoulder clicked" });
    const undone = await tick({ ...item, intent: "undo" });
    expect(undone).toEqual({
      day: today,
      done: false,
      tick: { ...item, session: 0, done: false, pain: null, comment: "Right shoulder clicked" },
    });
    await tick({ ...item, intent: "undo" });
    expect(await rows()).toHaveLength(1);
    const redone = await tick({ ...item });
    expect(redone.tick).toMatchObject({ done: true, pain: null, comment: "Right shoulder clicked" });
  });

  it("gives an exercise done twice a day a tick per session, and refuses a session the dose does not have", async () => {
    const twice = items.findIndex((_, i) => sessions[i] === 2);
    const once = items.findIndex((_, i) => sessions[i] === 1);
    expect(twice).toBeGreaterThanOrEqual(0);
    await tick({ ...items[twice]!, session: "0", pain: "1" });
    await tick({ ...items[twice]!, session: "1", pain: "3" });
    expect((await rows()).map((r) => [r.session, r.pain])).toEqual([
      [0, 1],
      [1, 3],
    ]);
    await expect(tick({ ...items[twice]!, session: "2" })).rejects.toMatchObject({ code: "conflict" });
    await expect(tick({ ...items[once]!, session: "1" })).rejects.toMatchObject({ code: "conflict" });
    const view = await getSharedRoutine(t.db, access, now);
    expect(view!.ticksByDay[today]!.map((tk) => tk.session).sort()).toEqual([0, 1]);
  });

  it("files ticks under the patient's own day, within a day of the server's, and the server's day without one", async () => {
    await tick({ ...items[0]!, day: addDays(today, -1) });
    await tick({ ...items[0]!, day: addDays(today, 1) });
    await tick({ ...items[0]! });
    expect((await rows()).map((r) => r.day).sort()).toEqual([addDays(today, -1), today, addDays(today, 1)]);
    for (const day of [addDays(today, 2), addDays(today, -2)]) {
      await expect(tick({ ...items[0]!, day })).rejects.toMatchObject({ code: "validation", fieldErrors: { day: [expect.any(String)] } });
    }
    const view = await getSharedRoutine(t.db, access, now);
    expect(Object.keys(view!.ticksByDay).sort()).toEqual([addDays(today, -1), today, addDays(today, 1)]);
    expect(view!.ticksByDay[today]).toEqual([{ ...items[0]!, session: 0, done: true, pain: null, comment: "" }]);
  });

  it("validates the input with messages a patient can act on", () => {
    const bad = (input: Record<string, unknown>) =>
      tickInput.safeParse({ position: "0", exerciseId: "1", ...input }).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(bad({ pain: "11" })).toEqual(["pain: Choose a pain score from 0 to 10."]);
    expect(bad({ pain: "-1" })).toEqual(["pain: Choose a pain score from 0 to 10."]);
    expect(bad({ pain: "2.5" })).toEqual(["pain: Choose a whole number from 0 to 10."]);
    expect(bad({ comment: "x".repeat(281) })).toEqual(["comment: Keep the comment under 280 characters."]);
    expect(bad({ day: "2026-02-30" })).toEqual(["day: That date does not exist."]);
    expect(bad({ intent: "delete" })?.[0]).toMatch(/^intent:/);
    expect(bad({ session: "3" })?.[0]).toMatch(/^session:/);
    expect(tickInput.parse({ position: "0", exerciseId: "1", pain: "", day: "" })).toEqual({
      position: 0,
      exerciseId: 1,
      intent: "done",
      session: 0,
    });
  });

  it("refuses an item the routine no longer has at that position, once the clinician has edited it", async () => {
    await expect(tick({ position: 0, exerciseId: items[1]!.exerciseId })).rejects.toMatchObject({ code: "conflict" });
    await expect(tick({ position: 99, exerciseId: items[0]!.exerciseId })).rejects.toMatchObject({ code: "conflict" });
    const content = (await readRoutineContent(t.db, f.routineId))!;
    await saveRoutine(t.db, f.ada, f.routineId, 1, {
      ...content,
      sections: content.sections.map((s) => ({ ...s, items: [...s.items].reverse() })),
    });
    await expect(tick({ ...items[0]! })).rejects.toMatchObject({ code: "conflict" });
    const { position, exerciseId } = flattenItems((await readLatestRevision(t.db, f.routineId))!.content)[0]!;
    const moved = { position, exerciseId };
    await tick({ ...moved });
    expect((await rows())[0]).toMatchObject({ ...moved, revision: 2 });
  });

  it("limits writes per link over a sliding window, held in the database", async () => {
    const start = now;
    for (let i = 0; i < shareWritePolicy.limit; i++)
      await tick({ ...items[i % items.length]!, intent: i % 2 ? "undo" : "done" }, start + i);
    const refused = tick({ ...items[0]! }, start + 60_000);
    await expect(refused).rejects.toMatchObject({ code: "rate_limited", message: expect.stringContaining("try again in 9 minutes") });
    // Another link to the same routine has its own allowance.
    const other = await createShareLink(
      t.db,
      f.ada,
      newShareLinkInput.parse({ routineId: f.routineId, label: "printed sheet" }),
      appUrl,
      start,
    );
    await expect(
      recordTick(t.db, { linkId: other.id, routineId: f.routineId }, tickInput.parse({ ...items[0]! }), start + 60_000),
    ).resolves.toMatchObject({ done: true });
    // Once the first writes leave the window the link works again, and the old rows are pruned.
    await expect(tick({ ...items[0]! }, start + shareWritePolicy.windowMs + 1)).resolves.toMatchObject({ done: true });
    expect((await t.db.select().from(shareLinkWrites).where(eq(shareLinkWrites.linkId, f.link.id))).length).toBeLessThanOrEqual(
      shareWritePolicy.limit,
    );
  });

  it("never changes ticks when the page is opened", async () => {
    await tick({ ...items[0]!, pain: 2 });
    const before = await rows();
    await openShareLink(t.db, f.token, now);
    await getSharedRoutine(t.db, access, now);
    expect(await rows()).toEqual(before);
  });
});

describe("progress for the clinician", () => {
  it("shows the share of sessions ticked per day over four calendar weeks, mean pain and the latest comments", async () => {
    const total = sessions.reduce((a, b) => a + b, 0);
    expect(total).toBe(12); // ten exercises, two of them twice a day
    await tick({ ...items[0]!, pain: 2 });
    await tick({ ...items[1]!, pain: 5, comment: "Felt a pinch" });
    await tick({ ...items[2]! });
    await tick({ ...items[0]!, day: addDays(today, -1) });
    // The same exercise ticked through a second link counts once.
    const other = await createShareLink(t.db, f.ada, newShareLinkInput.parse({ routineId: f.routineId, label: "tablet" }), appUrl, now);
    await recordTick(t.db, { linkId: other.id, routineId: f.routineId }, tickInput.parse({ ...items[0]! }), now);
    // An undone tick does not count, though its note is kept and shown.
    await tick({ ...items[3]!, comment: "Skipped: too tired" });
    await tick({ ...items[3]!, intent: "undo" });

    const progress = await getRoutineProgress(t.db, f.ada, f.routineId, now);
    const days = progress.weeks.flat();
    expect(progress.weeks).toHaveLength(4);
    expect(progress.weeks.every((w) => w.length === 7)).toBe(true);
    expect(new Date(`${days[0]!.day}T00:00:00Z`).getUTCDay()).toBe(1); // Monday
    expect(days.find((d) => d.day === today)).toEqual({
      day: today,
      done: 3,
      total,
      share: 3 / total,
      beforeStart: false,
      pain: 3.5,
      maxPain: 5,
    });
    expect(days.find((d) => d.day === addDays(today, -1))).toMatchObject({ done: 1, share: 1 / total, pain: null });
    expect(days.find((d) => d.day === addDays(today, 1))).toMatchObject({ share: null });
    expect(progress.activeDays).toBe(2);
    expect(progress.comments.map((c) => c.comment).sort()).toEqual(["Felt a pinch", "Skipped: too tired"]);
    expect(progress.comments).toContainEqual({ day: today, exercise: expect.any(String), pain: 5, comment: "Felt a pinch", link: "phone" });
  });

  it("counts days from the routine's start, never days before it existed", async () => {
    // The routine was made today (fixture); a start date a week back does not make the days before today missed.
    await t.db
      .update(routines)
      .set({ startDate: addDays(today, -7) })
      .where(eq(routines.id, f.routineId));
    await tick({ ...items[0]!, pain: 2 });
    let days = (await getRoutineProgress(t.db, f.ada, f.routineId, now)).weeks.flat();
    expect(days.find((d) => d.day === addDays(today, -3))).toMatchObject({ beforeStart: true, share: null });
    expect(days.filter((d) => d.share !== null).map((d) => d.day)).toEqual([today]);
    // Made three weeks ago, starting ten days ago: counted from the start date.
    await t.db
      .update(routines)
      .set({ createdAt: new Date(now - 21 * 86_400_000), startDate: addDays(today, -10) })
      .where(eq(routines.id, f.routineId));
    const progress = await getRoutineProgress(t.db, f.ada, f.routineId, now);
    days = progress.weeks.flat();
    expect(progress.startDay).toBe(addDays(today, -10));
    expect(days.filter((d) => d.share !== null)).toHaveLength(11);
    expect(days.find((d) => d.day === addDays(today, -11))).toMatchObject({ beforeStart: true, share: null });
    expect(days.find((d) => d.day === addDays(today, -10))).toMatchObject({ beforeStart: false, share: 0 });
  });
});

describe("feedback after a form post without JavaScript", () => {
  it("round-trips through the query string and ignores anything else", () => {
    const parse = (q: string) => readTickFeedback(Object.fromEntries(new URLSearchParams(q)));
    expect(parse(tickFeedbackQuery(3, 1, "done"))).toMatchObject({ position: 3, session: 1, kind: "done" });
    expect(parse(tickFeedbackQuery(4, 0, "busy"))).toMatchObject({
      position: 4,
      session: 0,
      kind: "error",
      message: expect.stringContaining("try again"),
    });
    expect(parse("done=2&session=9")).toMatchObject({ position: 2, session: 0 });
    expect(parse("error=<script>&item=1")).toBeNull();
    expect(parse("done=abc")).toBeNull();
    expect(parse("")).toBeNull();
  });
});
