import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { shareTicks } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isPlausibleToday, utcDay } from "./days";
import { shareWriteRefusal, shareWriteSlot } from "./rate-limit";
import type { TickInput } from "./schemas";
import { flattenItems, readLatestRevision, type LatestRevision, type TickState } from "./shared-routine";

export type TickResult = { day: string; done: boolean; tick: TickState };

/**
 * Marks one exercise done (or not done) for the patient's day through a link. Ticking twice is one tick:
 * the row is keyed by (link, day, position, exercise) and a repeat only updates the pain score and comment.
 * The write and its rate-limit slot go in one batch (one round trip); pass `latest` when the link check
 * already read the routine's newest revision (resolveShareLinkRevision), so nothing is read twice.
 */
export async function recordTick(
  db: Db,
  access: { linkId: number; routineId: number; latest?: LatestRevision | null },
  input: TickInput,
  now = Date.now(),
): Promise<TickResult> {
  const day = input.day ?? utcDay(now);
  if (!isPlausibleToday(day, now)) {
    throw new AppError("validation", "Your phone's date looks wrong: check it is set to today and try again.", { day: ["Not today's date."] });
  }
  const latest = access.latest !== undefined ? access.latest : await readLatestRevision(db, access.routineId);
  const item = latest && flattenItems(latest.content).find((i) => i.position === input.position);
  if (!latest || !item || item.exerciseId !== input.exerciseId) {
    throw new AppError("conflict", "Your routine has changed since this page was opened. Reload the page to see the latest version, then tick again.");
  }
  const key = { linkId: access.linkId, day, position: input.position, exerciseId: input.exerciseId };
  const tick: TickState = { position: input.position, exerciseId: input.exerciseId, pain: input.pain ?? null, comment: input.comment };

  const slot = shareWriteSlot(db, access.linkId, now);
  // Written only if the link has room; the slot is taken on the same condition, in the same transaction.
  const write =
    input.intent === "undo"
      ? db
          .delete(shareTicks)
          .where(and(eq(shareTicks.linkId, key.linkId), eq(shareTicks.day, day), eq(shareTicks.position, key.position), eq(shareTicks.exerciseId, key.exerciseId), slot.hasRoom))
      : db.run(sql`insert into ${shareTicks} (link_id, day, position, exercise_id, revision, pain, comment, created_at, updated_at)
          select ${key.linkId}, ${day}, ${key.position}, ${key.exerciseId}, ${latest.number}, ${tick.pain}, ${tick.comment}, ${now}, ${now} where ${slot.hasRoom}
          on conflict (link_id, day, position, exercise_id) do update set revision = excluded.revision, pain = excluded.pain, comment = excluded.comment, updated_at = excluded.updated_at`);
  const [, taken, , [usage]] = await db.batch([write, slot.take, slot.prune, slot.usage]);
  if (taken.rowsAffected === 0) throw shareWriteRefusal(usage?.oldest ?? null, now);
  return { day, done: input.intent === "done", tick };
}
