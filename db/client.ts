import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import * as schema from "./schema";

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };
/** A transaction handed to `db.transaction(async (tx) => …)`: query functions take `Db | Tx`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbConfig = { url: string; authToken?: string };

/** Opens a database: a local libSQL file (created with its folder if missing) or a libSQL server. */
export async function openDb({ url, authToken }: DbConfig): Promise<Db> {
  const isFile = url.startsWith("file:");
  if (isFile) mkdirSync(path.dirname(fileURLToPath(new URL(url, "file://" + process.cwd() + "/"))), { recursive: true });
  // `timeout` is SQLite's busy timeout: writers from several processes wait instead of failing.
  const client = createClient(isFile ? { url, timeout: 5000 } : { url, authToken });
  if (isFile) {
    // WAL lets readers carry on during a write; it is a property of the file, so set it once here.
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA foreign_keys = ON");
  }
  return drizzle(client, { schema }) as Db;
}
