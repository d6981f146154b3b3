import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Db } from "./client";

/** "2026-12-01T14-05-09-123Z": sortable, and safe in a file name on every system. */
export function backupStamp(at = new Date()): string {
  return at.toISOString().replaceAll(":", "-").replace(".", "-");
}

/**
 * Writes a consistent copy of an embedded database with VACUUM INTO: one read transaction, so writes
 * going on meanwhile are either wholly in the copy or not at all, and the copy is compact and needs no
 * WAL file beside it. Returns the new file's path.
 */
export async function backupDatabase(db: Db, backupsDir: string, at = new Date()): Promise<string> {
  mkdirSync(backupsDir, { recursive: true });
  const file = path.join(backupsDir, `app-${backupStamp(at)}.db`);
  if (existsSync(file)) throw new Error(`${file} already exists.`);
  await db.$client.execute({ sql: "VACUUM INTO ?", args: [file] });
  return file;
}
