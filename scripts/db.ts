/**
 * `npm run db:migrate` and `npm run db:seed`: the same steps the server runs at start, on demand.
 * `npm run db:backup`: a consistent copy of the embedded database under DATA_DIR/backups/.
 */
import path from "node:path";
import { backupDatabase } from "../db/backup";
import { openDb } from "../db/client";
import { migrateDb } from "../db/migrate";
import { seedStarterContent } from "../db/seed";
import { withStartupLock } from "../db/startup-lock";
import { readEnv } from "../lib/env-schema";

async function main(command: string | undefined) {
  const config = readEnv(process.env);
  const db = await openDb({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  if (command === "migrate") {
    await withStartupLock(db, () => migrateDb(db));
    console.log(`Migrated ${config.databaseUrl.startsWith("file:") ? config.databaseUrl : new URL(config.databaseUrl).host}.`);
  } else if (command === "seed") {
    // The same lock the server takes at start: safe to run while instances are starting.
    const report = await withStartupLock(db, async () => {
      await migrateDb(db);
      return seedStarterContent(db);
    });
    console.log(`Seeded: ${report.exercisesAdded} exercises and ${report.templatesAdded} templates added (existing ones are left alone).`);
  } else if (command === "backup") {
    if (config.isRemoteDatabase) {
      throw new Error("db:backup copies the embedded database; back up a libSQL server with its own tools (see the README).");
    }
    const file = await backupDatabase(db, path.join(config.dataDir, "backups"));
    console.log(`Backed up to ${path.relative(process.cwd(), file)}.`);
  } else {
    throw new Error("Usage: tsx scripts/db.ts migrate|seed|backup");
  }
  db.$client.close();
}

main(process.argv[2]).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
