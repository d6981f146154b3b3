import "server-only";
import { openDb, type Db } from "@/db/client";
import { env } from "./env";

export type { Db };

// One client per server process; kept on globalThis so dev-mode reloads do not open a new one each time.
const holder = globalThis as unknown as { routineDb?: Promise<Db> };

/** The app's database, opened on first use from DATABASE_URL (never at import time: the build runs imports). */
export function getDb(): Promise<Db> {
  holder.routineDb ??= openDb({ url: env().databaseUrl, authToken: env().databaseAuthToken }).catch((error) => {
    holder.routineDb = undefined;
    throw error;
  });
  return holder.routineDb;
}
