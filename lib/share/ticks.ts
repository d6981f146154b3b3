import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { shareTicks } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isPlausibleToday, utcDay } from "./days";
import { takeShareWriteSlot } from "./rate-limit";
import type { TickInput } from "./schemas";
import { flattenItems, readLatestRevision, type TickState } from "./shared-routine";

export type TickResult = { day: string; done: boolean; tick: TickState };

/**
 * Marks one exercise done (or not done) for the patient's day through a link. Ticking twice is one tick:
 * the row is keyed by (link, day, position, exercise) and a repeat only updates the pain score and comment.
 */
export async function recordTick(db: Db, access: { linkId: number; routineId: number }, input: TickInput, now = Date.now()): Promise<TickResult> {
  const day = input.day ?? utcDay(now);
  if (!isPlausibleToday(day, now)) {
    throw new AppError("validation", "Your phone's date looks wrong: check it is set to today and try again.", { day: ["Not today's date."] });
  }
  const latest = await readLatestRevision(db, access.routineId);
  const item = latest && flattenItems(latest.content).find((i) => i.position === input.position);
  if (!latest || !item || item.exerciseId !== input.exerciseId) {
    throw new AppError("conflict", "Your routine has changed since this page was opened. Reload the page to see the latest version, then tick again.");
  }
  const key = { linkId: access.linkId, day, position: input.position, exerciseId: input.exerciseId };
  const tick: TickState = { position: input.position, exerciseId: input.exerciseId, pain: input.pain ?? null, comment: input.comment };

  await db.transaction(async (tx) => {
    await takeShareWriteSlot(tx, access.linkId, now);
    if (input.intent === "undo") {
      await tx
        .delete(shareTicks)
        .where(and(eq(shareTicks.linkId, key.linkId), eq(shareTicks.day, day), eq(shareTicks.position, key.position), eq(shareTicks.exerciseId, key.exerciseId)));
      return;
    }
    const at = new Date(now);
    await tx
      .insert(shareTicks)
      .values({ ...key, revision: latest.number, pain: tick.pain, comment: tick.comment, createdAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: [shareTicks.linkId, shareTicks.day, shareTicks.position, shareTicks.exerciseId],
        set: { revision: latest.number, pain: tick.pain, comment: tick.comment, updatedAt: at },
      });
  });
  return { day, done: input.intent === "done", tick };
}
