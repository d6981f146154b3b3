import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupDatabase, backupStamp } from "@/db/backup";
import { openDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { patients } from "@/db/schema";
import { createTempDb, insertStaff, type TempDb } from "../helpers/temp-db";

describe("defect 11: backup and restore", () => {
  let t: TempDb;
  beforeEach(async () => (t = await createTempDb()));
  afterEach(() => t.close());

  it("copies the database consistently while writes go on, and the copy restores", async () => {
    const { bo } = await insertStaff(t.db);
    await t.db.insert(patients).values({ displayName: "Before Backup", notes: "private", createdBy: bo.id, clinicianId: bo.id });
    const writes = Promise.all(Array.from({ length: 20 }, (_, i) => t.db.insert(patients).values({ displayName: `During ${i}` })));
    const file = await backupDatabase(t.db, path.join(t.dir, "backups"), new Date(Date.UTC(2026, 11, 1, 14, 5, 9, 123)));
    await writes;
    expect(path.basename(file)).toBe("app-2026-12-01T14-05-09-123Z.db");

    // Restore: stop the server, put the copy in place of app.db (removing any -wal/-shm beside it), start.
    const restoredPath = path.join(t.dir, "restored", "app.db");
    const restored = await openDb({ url: `file:${restoredPath}` });
    restored.$client.close();
    copyFileSync(file, restoredPath);
    const db = await openDb({ url: `file:${restoredPath}` });
    try {
      await migrateDb(db); // nothing to do: the copy carries its migration history
      const names = (await db.select().from(patients)).map((p) => p.displayName);
      expect(names).toContain("Before Backup");
      // All or none of the concurrent inserts made it: the copy is one moment's state.
      const during = names.filter((n) => n.startsWith("During")).length;
      expect([0, 20]).toContain(during);
      expect((await db.$client.execute("PRAGMA integrity_check")).rows[0]?.[0]).toBe("ok");
    } finally {
      db.$client.close();
    }
  });

  it("npm run db:backup writes a timestamped copy under DATA_DIR/backups", () => {
    const dataDir = path.join(t.dir, "nested");
    const out = execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/db.ts", "backup"], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: t.url },
      encoding: "utf8",
    });
    expect(out).toMatch(/Backed up to .*backups\/app-\d{4}-\d{2}-\d{2}T[\d-]+Z\.db/);
    const files = readdirSync(path.join(dataDir, "backups"));
    expect(files).toHaveLength(1);
    expect(existsSync(path.join(dataDir, "backups", files[0]!))).toBe(true);
    expect(backupStamp(new Date(0))).toBe("1970-01-01T00-00-00-000Z");
  });
});
