import "server-only";
import type { Db } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { seedStarterContent } from "@/db/seed";
import { withStartupLock, type StartupLockOptions } from "@/db/startup-lock";
import { ensureBootstrapAdmin } from "@/lib/users/accounts";

export type PrepareReport = { exercisesAdded: number; templatesAdded: number; admin: "created" | "exists" | "not configured" };

/**
 * Everything a database needs before the app serves from it: schema, starter content, first admin. Under a
 * lock row in the database, so instances starting together against one server take turns.
 */
export async function prepareDatabase(
  db: Db,
  options: { bootstrapAdmin?: { email: string; password: string; name: string }; lock?: StartupLockOptions },
): Promise<PrepareReport> {
  return withStartupLock(
    db,
    async () => {
      await migrateDb(db);
      const seeded = await seedStarterContent(db);
      const admin = options.bootstrapAdmin ? await ensureBootstrapAdmin(db, options.bootstrapAdmin) : "not configured";
      return { ...seeded, admin };
    },
    options.lock,
  );
}
