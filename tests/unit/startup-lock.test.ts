import { readFileSync } from "node:fs";
import path from "node:path";
import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { exercises, routines, users } from "@/db/schema";
import { starterExercises } from "@/db/seed/exercises";
import { withStartupLock } from "@/db/startup-lock";
import { prepareDatabase } from "@/lib/startup/prepare-database";
import { startSqld, type SqldServer } from "../helpers/sqld";

const journal = JSON.parse(readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as {
  entries: unknown[];
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Instances starting together against one libSQL server, each with its own client, as separate processes would.
describe("starting several instances at once on one sqld", () => {
  let server: SqldServer;
  let instances: Db[];

  beforeAll(async () => {
    server = await startSqld();
    instances = await Promise.all([1, 2, 3].map(() => openDb({ url: server.url })));
  });
  afterAll(async () => {
    for (const db of instances ?? []) db.$client.close();
    await server?.stop();
  });

  it("three instances preparing one empty database together: one migrates and seeds, the others find it done", async () => {
    const admin = { email: "owner@clinic.test", password: "a long enough password", name: "Owner" };
    const reports = await Promise.all(instances.map((db) => prepareDatabase(db, { bootstrapAdmin: admin })));

    expect(reports.map((r) => r.exercisesAdded).sort((a, b) => a - b)).toEqual([0, 0, starterExercises.length]);
    expect(reports.map((r) => r.templatesAdded).sort()).toEqual([0, 0, 1]);
    expect(reports.map((r) => r.admin).sort()).toEqual(["created", "exists", "exists"]);
    const [db] = instances as [Db];
    const one = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;
    expect(await one(db.select({ n: count() }).from(exercises))).toBe(starterExercises.length);
    expect(await one(db.select({ n: count() }).from(routines))).toBe(1);
    expect(await one(db.select({ n: count() }).from(users))).toBe(1);
    // Each migration applied once, and the lock given back.
    expect(await db.all(sql`select hash from __drizzle_migrations`)).toHaveLength(journal.entries.length);
    expect(await db.all(sql`select * from startup_lock`)).toEqual([]);
  });

  it("lets one instance at a time through, the others waiting their turn", async () => {
    const inside: number[] = [];
    let overlapped = false;
    await Promise.all(
      instances.map((db, i) =>
        withStartupLock(
          db,
          async () => {
            if (inside.length > 0) overlapped = true;
            inside.push(i);
            await sleep(150);
            inside.pop();
          },
          { pollMs: 20 },
        ),
      ),
    );
    expect(overlapped).toBe(false);
  });

  it("takes over a lock whose holder died (its lease ran out), and waits for a live one until its timeout", async () => {
    const [db] = instances as [Db];
    await db.run(
      sql`insert into startup_lock (name, owner, acquired_at, expires_at) values ('prepare-database', 'crashed instance', 0, 1)`,
    );
    await expect(withStartupLock(db, async () => "ran", { pollMs: 20 })).resolves.toBe("ran");

    // A live holder keeps renewing; a second instance gives up after its timeout with a sentence naming it.
    let release!: () => void;
    const holding = withStartupLock(db, () => new Promise<void>((resolve) => (release = resolve)), { leaseMs: 300 });
    await sleep(100);
    const started = Date.now();
    await expect(withStartupLock(instances[1]!, async () => "never", { timeoutMs: 800, pollMs: 50 })).rejects.toThrow(
      /Gave up after 1 s waiting for .* pid \d+/,
    );
    // It waited well past the holder's first lease: the holder renewed it while it worked.
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
    release();
    await holding;
    await expect(withStartupLock(instances[1]!, async () => "next", { pollMs: 20 })).resolves.toBe("next");
  });
});
