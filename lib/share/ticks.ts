import "server-only";
import type { Db } from "@/db/client";
import { shareTicks } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isPlausibleToday, utcDay } from "./days";
import { takeShareWriteSlot } from "./rate-limit";
import type { TickInput } from "./schemas";
import { flattenItems, readLatestRevision, type TickState } from "./shared-routine";

export type TickResult = { day: string; done: boolean; tick: TickState };

/**
 * Marks one session of an exercise done (or not done) for the patient's day through a link. Ticking twice is
 * one tick: the row is keyed by (link, day, position, exercise, session) and a repeat only updates what was
 * sent (the pain buttons and the note are separate taps). Undo keeps the row, and with it the note.
 */
export async function recordTick(db: Db, access: { linkId: number; routineId: number }, input: TickInput, now = Date.now()): Promise<TickResult> {
  const day = input.day ?? utcDay(now);
  if (!isPlausibleToday(day, now)) {
    throw new AppError("validation", "Your phone's date looks wrong: check it is set to today and try again.", { day: ["Not today's date."] });
  }
  const latest = await readLatestRevision(db, access.routineId);
  const item = latest && flattenItems(latest.content).find((i) => i.position === input.position);
  if (!latest || !item || item.exerciseId !== input.exerciseId || input.session >= item.sessions) {
    throw new AppError("conflict", "Your routine has changed since this page was opened. Reload the page to see the latest version, then tick again.");
  }
  const key = { linkId: access.linkId, day, position: input.position, exerciseId: input.exerciseId, session: input.session };
  const at = new Date(now);
  const done = input.intent === "done";
  const changes = done
    ? { done, revision: latest.number, updatedAt: at, ...(input.pain !== undefined && { pain: input.pain }), ...(input.comment !== undefined && { comment: input.comment }) }
    : { done, pain: null, updatedAt: at };

  const saved = await db.transaction(async (tx) => {
    await takeShareWriteSlot(tx, access.linkId, now);
    const [row] = await tx
      .insert(shareTicks)
      .values({ ...key, revision: latest.number, pain: input.pain ?? null, comment: input.comment ?? "", createdAt: at, ...changes })
      .onConflictDoUpdate({ target: [shareTicks.linkId, shareTicks.day, shareTicks.position, shareTicks.exerciseId, shareTicks.session], set: changes })
      .returning({ done: shareTicks.done, pain: shareTicks.pain, comment: shareTicks.comment });
    return row!;
  });
  return { day, done, tick: { position: input.position, exerciseId: input.exerciseId, session: input.session, ...saved } };
}
