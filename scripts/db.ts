/** `npm run db:migrate` and `npm run db:seed`: the same steps the server runs at start, on demand. */
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
  } else {
    throw new Error("Usage: tsx scripts/db.ts migrate|seed");
  }
  db.$client.close();
}

main(process.argv[2]).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
