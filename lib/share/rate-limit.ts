import "server-only";
import { and, count, eq, gte, lt, min, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { shareLinkWrites } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** Writes one link may make in a sliding window: far above a patient ticking a day's routine, far below a script. */
export const shareWritePolicy = { windowMs: 10 * 60_000, limit: 60 } as const;

/**
 * One write slot for a link, as statements for the write's own batch (one round trip, one transaction): the
 * write and `take` are both conditioned on `hasRoom`, `prune` drops rows out of the window, and `usage` tells
 * the caller, when `take` inserted nothing, how long until a slot frees up. Kept in the database (like sign-in
 * throttling) so it holds across instances.
 */
export function shareWriteSlot(db: Db, linkId: number, now: number) {
  const since = new Date(now - shareWritePolicy.windowMs);
  const inWindow = and(eq(shareLinkWrites.linkId, linkId), gte(shareLinkWrites.createdAt, since));
  const hasRoom: SQL = sql`(${db.select({ n: count() }).from(shareLinkWrites).where(inWindow)}) < ${shareWritePolicy.limit}`;
  return {
    hasRoom,
    take: db.run(sql`insert into ${shareLinkWrites} (link_id, created_at) select ${linkId}, ${now} where ${hasRoom}`),
    // Rows out of the window count for nothing: prune them as we go so the table stays small.
    prune: db.delete(shareLinkWrites).where(and(eq(shareLinkWrites.linkId, linkId), lt(shareLinkWrites.createdAt, since))),
    usage: db
      .select({ oldest: min(shareLinkWrites.createdAt) })
      .from(shareLinkWrites)
      .where(inWindow),
  };
}

/** The refusal when `take` found no room, saying when to try again. */
export function shareWriteRefusal(oldest: Date | null, now: number): AppError {
  const retryAfterMs = Math.max(1000, (oldest?.getTime() ?? now) + shareWritePolicy.windowMs - now);
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return new AppError(
    "rate_limited",
    `That is a lot of changes in a few minutes, so this link is taking a short break. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    {},
    { retryAfterMs },
  );
}
