import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { exercises, routines } from "@/db/schema";
import { starterExercises } from "@/db/seed/exercises";
import { exerciseQuery } from "@/lib/exercises/schemas";
import { searchExercises } from "@/lib/exercises/search";
import { prepareDatabase } from "@/lib/startup/prepare-database";
import { findUserByEmail } from "@/lib/users/accounts";
import { endSession, findLiveSessionUser, startSession } from "@/lib/auth/server-sessions";
import { reserveSignInAttempt, signInBuckets, throttlePolicy } from "@/lib/auth/throttle";
import { startSqld, type SqldServer } from "../helpers/sqld";

// The distributed path: a real sqld on 127.0.0.1, reached over HTTP like a Turso database would be.
describe("against a libSQL server (sqld)", () => {
  let server: SqldServer;
  let first: Db;
  let second: Db;

  beforeAll(async () => {
    server = await startSqld();
    first = await openDb({ url: server.url });
    second = await openDb({ url: server.url });
  });
  afterAll(async () => {
    first?.$client.close();
    second?.$client.close();
    await server?.stop();
  });

  it("migrates, seeds and reads back; a second instance preparing the same database changes nothing", async () => {
    const admin = { email: "Owner@Clinic.test", password: "a long enough password", name: "Owner" };
    const report = await prepareDatabase(first, { bootstrapAdmin: admin });
    expect(report).toEqual({ exercisesAdded: starterExercises.length, templatesAdded: 1, illustrationsAdded: 0, admin: "created" });

    // Another app instance starting against the same server.
    expect(await prepareDatabase(second, { bootstrapAdmin: admin })).toEqual({
      exercisesAdded: 0,
      templatesAdded: 0,
      illustrationsAdded: 0,
      admin: "exists",
    });

    const [{ n }] = (await second.select({ n: count() }).from(exercises)) as [{ n: number }];
    expect(n).toBe(starterExercises.length);
    const templates = await second.select({ title: routines.title }).from(routines).where(eq(routines.isTemplate, true));
    expect(templates.map((r) => r.title)).toEqual(["Upper back pain — mobility"]);
    expect((await findUserByEmail(second, "owner@clinic.test"))?.role).toBe("admin");
  });
  it("sessions and sign-in throttling hold across instances: one signs in, the other signs out, 40 parallel guesses get 10 tries", async () => {
    const owner = await findUserByEmail(first, "owner@clinic.test");
    const user = { id: owner!.id, email: owner!.email, name: owner!.name, role: owner!.role };
    const sid = await startSession(first, user.id, { userAgent: "test" });
    const claims = { uid: user.id, sv: owner!.sessionVersion, sid };
    expect(await findLiveSessionUser(second, claims)).toMatchObject({ id: user.id });
    await endSession(second, sid);
    expect(await findLiveSessionUser(first, claims)).toBeUndefined();

    const buckets = signInBuckets("owner@clinic.test", "203.0.113.50");
    const attempts = await Promise.all(Array.from({ length: 40 }, (_, i) => reserveSignInAttempt(i % 2 ? first : second, buckets)));
    expect(attempts.filter((a) => a.reserved)).toHaveLength(throttlePolicy.perAccount);
  });

  it("corrects typos from the index's own word list (fts5vocab) and expands clinical words, as embedded", async () => {
    await prepareDatabase(first, {}); // idempotent: this test does not lean on the one above
    const typo = await searchExercises(second, exerciseQuery.parse({ q: "thorasic" }));
    expect(typo.correctedQuery).toBe("thoracic");
    expect(typo.items.map((i) => i.name)).toContain("Thoracic Spine Release");
    const clinical = await searchExercises(second, exerciseQuery.parse({ q: "stretch levator" }));
    expect(clinical.items.map((i) => i.name)).toContain("Levator Scapulae Stretch");
  });
});
