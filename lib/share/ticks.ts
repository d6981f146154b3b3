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
 * Marks one session of an exercise done (or not done) for the patient's day through a link. Ticking twice is
 * one tick: the row is keyed by (link, day, position, exercise, session) and a repeat only updates what was
 * sent (the pain buttons and the note are separate taps). Undo keeps the row, and with it the note.
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
    throw new AppError("validation", "Your phone's date looks wrong: check it is set to today and try again.", {
      day: ["Not today's date."],
    });
  }
  const latest = access.latest !== undefined ? access.latest : await readLatestRevision(db, access.routineId);
  const item = latest && flattenItems(latest.content).find((i) => i.position === input.position);
  if (!latest || !item || item.exerciseId !== input.exerciseId || input.session >= item.sessions) {
    throw new AppError(
      "conflict",
      "Your routine has changed since this page was opened. Reload the page to see the latest version, then tick again.",
    );
  }
  const key = { linkId: access.linkId, day, position: input.position, exerciseId: input.exerciseId, session: input.session };
  const isKey = and(
    eq(shareTicks.linkId, key.linkId),
    eq(shareTicks.day, day),
    eq(shareTicks.position, key.position),
    eq(shareTicks.exerciseId, key.exerciseId),
    eq(shareTicks.session, key.session),
  );
  // Absent pain or comment keeps what was saved.
  const keep = [
    input.pain !== undefined && sql`, pain = excluded.pain`,
    input.comment !== undefined && sql`, comment = excluded.comment`,
  ].filter((s) => s !== false);

  const slot = shareWriteSlot(db, access.linkId, now);
  // Written only if the link has room; the slot is taken on the same condition, in the same transaction.
  const write =
    input.intent === "undo"
      ? db
          .update(shareTicks)
          .set({ done: false, pain: null, updatedAt: new Date(now) })
          .where(and(isKey, slot.hasRoom))
      : db.run(sql`insert into ${shareTicks} (link_id, day, position, exercise_id, session, done, revision, pain, comment, created_at, updated_at)
          select ${key.linkId}, ${day}, ${key.position}, ${key.exerciseId}, ${key.session}, 1, ${latest.number}, ${input.pain ?? null}, ${input.comment ?? ""}, ${now}, ${now} where ${slot.hasRoom}
          on conflict (link_id, day, position, exercise_id, session) do update set done = 1, revision = excluded.revision, updated_at = excluded.updated_at${sql.join(keep)}`);
  const saved = db.select({ done: shareTicks.done, pain: shareTicks.pain, comment: shareTicks.comment }).from(shareTicks).where(isKey);
  const [, taken, , [usage], [row]] = await db.batch([write, slot.take, slot.prune, slot.usage, saved]);
  if (taken.rowsAffected === 0) throw shareWriteRefusal(usage?.oldest ?? null, now);
  const tick: TickState = {
    position: key.position,
    exerciseId: key.exerciseId,
    session: key.session,
    done: row?.done ?? false,
    pain: row?.pain ?? null,
    comment: row?.comment ?? "",
  };
  return { day, done: input.intent === "done", tick };
}
