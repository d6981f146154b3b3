import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDb, type Db } from "@/db/client";
import { migrateDb } from "@/db/migrate";

export type TempDb = { db: Db; dir: string; url: string; close: () => void };

/** A migrated libSQL file in a fresh temp folder: never data/app.db. */
export async function createTempDb(): Promise<TempDb> {
  const dir = mkdtempSync(path.join(tmpdir(), "routine-test-"));
  const url = `file:${path.join(dir, "nested", "app.db")}`;
  const db = await openDb({ url });
  await migrateDb(db);
  return {
    db,
    dir,
    url,
    close: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
