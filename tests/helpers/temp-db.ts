import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDb, type Db } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { users } from "@/db/schema";
import { mintSessionUser, type SessionUser } from "@/lib/auth/session-user";

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

/** Two staff accounts for data-layer tests: Ada the admin and Bo a clinician (the hash is never checked). */
export async function insertStaff(db: Db): Promise<{ ada: SessionUser; bo: SessionUser }> {
  const rows = await db
    .insert(users)
    .values([
      { email: "ada@clinic.test", name: "Ada", role: "admin", passwordHash: "x" },
      { email: "bo@clinic.test", name: "Bo", role: "clinician", passwordHash: "x" },
    ])
    .returning();
  const [ada, bo] = rows.map((r) => mintSessionUser({ id: r.id, email: r.email, name: r.name, role: r.role }));
  return { ada: ada!, bo: bo! };
}
