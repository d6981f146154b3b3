import "server-only";
import { and, count, gte, inArray, lt, min } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInFailures } from "@/db/schema";

/** Failed sign-ins allowed per bucket within the window before sign-in is refused. */
export const throttlePolicy = {
  windowMs: 15 * 60_000,
  perAccount: 10,
  // Higher than per account: a clinic's staff often share one public address.
  perClient: 30,
} as const;

export type SignInBuckets = { account: string; client: string };

/**
 * The account's bucket is the account's own, or, for a browser with a genuine device cookie for it, that
 * device's: an attack from elsewhere fills the account's bucket and leaves the owner's browser its allowance.
 */
export function signInBuckets(email: string, clientAddress: string, deviceId?: string): SignInBuckets {
  const account = deviceId ? `device:${deviceId}` : `account:${email.trim().toLowerCase()}`;
  return { account, client: `client:${clientAddress}` };
}

export type SignInAttempt = { reserved: true; ids: number[] } | { reserved: false };

/**
 * Counts the attempt as a failure before the password is checked, in one write transaction that first
 * checks both buckets are under their limits: parallel attempts cannot all pass the check and then all be
 * evaluated. A successful sign-in gives the reservation back (releaseSignInAttempt).
 */
export async function reserveSignInAttempt(db: Db, buckets: SignInBuckets, now = Date.now()): Promise<SignInAttempt> {
  const since = now - throttlePolicy.windowMs;
  const [, inserted] = await db.$client.batch(
    [
      { sql: "delete from sign_in_failures where created_at < ?", args: [since] },
      {
        sql: `insert into sign_in_failures (bucket, created_at)
              select bucket, ? from (select ? as bucket union all select ?)
              where (select count(*) from sign_in_failures where bucket = ? and created_at >= ?) < ?
                and (select count(*) from sign_in_failures where bucket = ? and created_at >= ?) < ?
              returning id`,
        args: [
          now,
          buckets.account,
          buckets.client,
          buckets.account,
          since,
          throttlePolicy.perAccount,
          buckets.client,
          since,
          throttlePolicy.perClient,
        ],
      },
    ],
    "write",
  );
  const ids = (inserted?.rows ?? []).map((row) => Number(row.id));
  return ids.length > 0 ? { reserved: true, ids } : { reserved: false };
}

export async function releaseSignInAttempt(db: Db, attempt: SignInAttempt): Promise<void> {
  if (attempt.reserved) await db.delete(signInFailures).where(inArray(signInFailures.id, attempt.ids));
}

export type ThrottleStatus = { limited: false } | { limited: true; retryAfterMs: number };

/** Whether either bucket is over its limit, and when its oldest counted failure leaves the window. */
export async function getThrottleStatus(db: Db, buckets: SignInBuckets, now = Date.now()): Promise<ThrottleStatus> {
  const since = new Date(now - throttlePolicy.windowMs);
  const rows = await db
    .select({ bucket: signInFailures.bucket, failures: count(), oldest: min(signInFailures.createdAt) })
    .from(signInFailures)
    .where(and(inArray(signInFailures.bucket, [buckets.account, buckets.client]), gte(signInFailures.createdAt, since)))
    .groupBy(signInFailures.bucket);

  let retryAfterMs = 0;
  for (const row of rows) {
    const limit = row.bucket === buckets.account ? throttlePolicy.perAccount : throttlePolicy.perClient;
    if (row.failures >= limit && row.oldest) {
      retryAfterMs = Math.max(retryAfterMs, row.oldest.getTime() + throttlePolicy.windowMs - now);
    }
  }
  return retryAfterMs > 0 ? { limited: true, retryAfterMs } : { limited: false };
}

export async function recordSignInFailure(db: Db, buckets: SignInBuckets, now = Date.now()): Promise<void> {
  const at = new Date(now);
  await db.batch([
    db.insert(signInFailures).values([
      { bucket: buckets.account, createdAt: at },
      { bucket: buckets.client, createdAt: at },
    ]),
    // Old rows count for nothing: prune them as we go so the table stays small.
    db.delete(signInFailures).where(lt(signInFailures.createdAt, new Date(now - throttlePolicy.windowMs))),
  ]);
}

/** A successful sign-in forgives the account's earlier typos (the client's count stands). */
export async function clearAccountFailures(db: Db, buckets: SignInBuckets): Promise<void> {
  await db.delete(signInFailures).where(inArray(signInFailures.bucket, [buckets.account]));
}

export function minutesUntil(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}
