import { sql } from "drizzle-orm";
import { connection } from "next/server";
import { publicRoute } from "@/lib/auth/route";
import { getDb } from "@/lib/db";

/** Liveness with a database round trip: 503 when the database cannot answer. */
export const GET = publicRoute(async () => {
  await connection();
  try {
    const db = await getDb();
    await db.run(sql`select 1`);
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("Health check: the database did not answer.", error);
    return Response.json({ status: "unavailable", reason: "database" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
});
