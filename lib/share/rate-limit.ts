import "server-only";
import { and, count, eq, gte, lt, min } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { shareLinkWrites } from "@/db/schema";
import { AppError } from "@/lib/errors";


/** Writes one link may make in a sliding window: far above a patient ticking a day's routine, far below a script. */
export const shareWritePolicy = { windowMs: 10 * 60_000, limit: 60 } as const;

/**
 * Takes one write slot for the link or refuses with when to try again. Kept in the database (like sign-in
 * throttling) so it holds across instances; run it inside the write's transaction so slot and write go together.
 */
export async function takeShareWriteSlot(tx: Tx, linkId: number, now: number): Promise<void> {
  const since = new Date(now - shareWritePolicy.windowMs);
  const [used] = await tx
    .select({ writes: count(), oldest: min(shareLinkWrites.createdAt) })
    .from(shareLinkWrites)
    .where(and(eq(shareLinkWrites.linkId, linkId), gte(shareLinkWrites.createdAt, since)));
  if (used && used.writes >= shareWritePolicy.limit && used.oldest) {
    const minutes = Math.max(1, Math.ceil((used.oldest.getTime() + shareWritePolicy.windowMs - now) / 60_000));
    throw new AppError(
      "rate_limited",
      `That is a lot of changes in a few minutes, so this link is taking a short break. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      {},
      { retryAfterMs: used.oldest.getTime() + shareWritePolicy.windowMs - now },
    );
  }
  await tx.insert(shareLinkWrites).values({ linkId, createdAt: new Date(now) });
  // Rows out of the window count for nothing: prune them as we go so the table stays small.
  await tx.delete(shareLinkWrites).where(and(eq(shareLinkWrites.linkId, linkId), lt(shareLinkWrites.createdAt, since)));
}
