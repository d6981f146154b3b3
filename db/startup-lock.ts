import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { sql } from "drizzle-orm";
import type { Db } from "./client";

export type StartupLockOptions = {
  /** How long a holder's claim lasts unless it renews it (it renews every third of this while it works). */
  leaseMs?: number;
  /** How long to wait for another instance to finish before giving up with a sentence saying who holds it. */
  timeoutMs?: number;
  pollMs?: number;
};

// Outside the drizzle schema on purpose: it must exist before the first migration runs, on any database.
const createLockTable = sql`create table if not exists startup_lock (
  name text primary key,
  owner text not null,
  acquired_at integer not null,
  expires_at integer not null
)`;
// The database's clock, not the instance's: every instance compares expiry against the same time.
const dbNow = sql`cast(unixepoch('subsec') * 1000 as integer)`;
const lockName = "prepare-database";

/**
 * Runs `work` (migrations, seeding) while holding a lock row in the database, so any number of instances can
 * start at once against one libSQL server: one works, the others wait, then find nothing left to do. A holder
 * renews its lease while it works; a holder that died stops renewing and the next instance takes over once
 * the lease has run out.
 */
export async function withStartupLock<T>(db: Db, work: () => Promise<T>, options: StartupLockOptions = {}): Promise<T> {
  const { leaseMs = 30_000, timeoutMs = 120_000, pollMs = 200 } = options;
  const owner = `${hostname()} pid ${process.pid} (${randomUUID().slice(0, 8)})`;
  await db.run(createLockTable);
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const claim =
      await db.run(sql`insert into startup_lock (name, owner, acquired_at, expires_at) values (${lockName}, ${owner}, ${dbNow}, ${dbNow} + ${leaseMs})
      on conflict (name) do update set owner = excluded.owner, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
      where startup_lock.expires_at < excluded.acquired_at`);
    if (claim.rowsAffected > 0) break;
    if (Date.now() >= giveUpAt) {
      const [holder] = await db.all<{ owner: string }>(sql`select owner from startup_lock where name = ${lockName}`);
      throw new Error(
        `Gave up after ${Math.round(timeoutMs / 1000)} s waiting for ${holder?.owner ?? "another instance"} to finish migrating and seeding the database. ` +
          `If no other instance is starting, its claim runs out by itself within ${Math.round(leaseMs / 1000)} s; start again then.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }

  const renew = setInterval(() => {
    db.run(sql`update startup_lock set expires_at = ${dbNow} + ${leaseMs} where name = ${lockName} and owner = ${owner}`).catch(() => {});
  }, leaseMs / 3);
  renew.unref();
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await db.run(sql`delete from startup_lock where name = ${lockName} and owner = ${owner}`);
  }
}
