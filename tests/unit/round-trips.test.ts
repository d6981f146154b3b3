import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { sessionPolicy, startSession } from "@/lib/auth/server-sessions";
import { setPatientPolicy, setPatientShared } from "@/lib/patients/access";
import { userSessions } from "@/db/schema";
import { addExerciseImage } from "@/lib/exercises/image-mutations";
import { prepareDatabase } from "@/lib/startup/prepare-database";
import { shareFixture } from "../helpers/share-fixture";
import { openCountingDb, type RoundTrips } from "../helpers/round-trips";
import { startSqld, type SqldServer } from "../helpers/sqld";

// The app's own pages, proxy and route handlers, run against a real sqld: only the database handle and the
// signed cookie's claims are handed in. auth() does what its jwt and session callbacks do (lib/auth/index.ts):
// the claims of a session started by the real startSession are checked by the real findLiveSessionUser, so
// the session's row and its user are read from the database, and counted, on every request.
const app = vi.hoisted(() => ({ db: undefined as Db | undefined, claims: null as { uid: number; sv: number; sid: string } | null }));
vi.mock("@/lib/db", () => ({ getDb: async () => app.db! }));
vi.mock("@/lib/auth/index", async () => {
  const { findLiveSessionUser, hashSessionId } = await import("@/lib/auth/server-sessions");
  const { mintSessionUser } = await import("@/lib/auth/session-user");
  return {
    auth: async () => {
      if (!app.claims) return null;
      const found = await findLiveSessionUser(app.db!, app.claims);
      return found ? { account: mintSessionUser(found), sessionKey: hashSessionId(app.claims.sid) } : null;
    },
  };
});
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => {},
}));

const { default: proxy } = await import("@/proxy");
const { GET: getSharedRoutinePage } = await import("@/app/r/[token]/route");
const { servePatientPage, flushShareLinkOpens } = await import("@/lib/share/patient-page-server");
const { shareLinkOpens } = await import("@/lib/share/open-counter");
const { POST: postTick } = await import("@/app/r/[token]/ticks/route");
const { default: DashboardPage } = await import("@/app/admin/page");
const { default: RoutinePage } = await import("@/app/admin/routines/[id]/page");
const { default: ExercisesPage } = await import("@/app/admin/exercises/page");
const { GET: getHandout } = await import("@/app/api/routines/[id]/handout.pdf/route");

let server: SqldServer;
let counting: ReturnType<typeof openCountingDb>;
let f: Awaited<ReturnType<typeof shareFixture>>;
let firstExerciseId: number;

beforeAll(async () => {
  server = await startSqld();
  counting = openCountingDb(server.url);
  app.db = counting.db;
  await prepareDatabase(counting.db, {});
  f = await shareFixture({ db: counting.db, dir: "", url: server.url, close: () => {} });
  const sid = await startSession(counting.db, f.ada.id, { userAgent: "round-trips test" });
  app.claims = { uid: f.ada.id, sv: 1, sid }; // a new account's session version
  // A picture on the routine's first exercise, so drawing the handout has bytes to read.
  const [first] = await counting.db.all<{ id: number }>(
    sql`select json_extract(snapshot, '$.sections[0].items[0].exerciseId') as id from routine_revisions where routine_id = ${f.routineId}`,
  );
  firstExerciseId = first!.id;
  await addExerciseImage(counting.db, f.ada, firstExerciseId, {
    bytes: readFileSync(path.join(__dirname, "..", "e2e", "fixtures", "figure.png")),
    name: "figure.png",
    alt: "",
  });
  // Its drawing would stand in for the photo: ask for the photo, so the handout still has bytes to read.
  await counting.db.run(
    sql`update exercises set illustration = json_set(illustration, '$.photoFirst', json('true')) where id = ${firstExerciseId}`,
  );
  await counting.db.run(sql`select 1`); // the client's first request also learns the server's protocol version
});
afterAll(async () => {
  counting?.db.$client.close();
  await server?.stop();
});

/** The strings in a rendered element tree and its props (server components come back as plain elements). */
function textIn(node: unknown, seen = new WeakSet<object>()): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (!node || typeof node !== "object" || seen.has(node)) return "";
  seen.add(node);
  const values = Array.isArray(node) ? node : "$$typeof" in node ? [(node as { props?: unknown }).props] : Object.values(node);
  return values.map((v) => textIn(v, seen)).join(" ");
}

const trips = async (fn: () => Promise<unknown>): Promise<RoundTrips> => (await counting.measure(fn)).trips;

/**
 * Every query is a network round trip to a hosted database (sqld, Turso): these are the budgets of issue 15,
 * as exact counts, so a change that adds a trip fails here and has to say why.
 */
describe("round trips to the database per request", () => {
  it("the patient's page: one batch; an open is written after it, once per link per window", async () => {
    const page =
      (query = "") =>
      async () => {
        const answer = await servePatientPage("GET", `/r/${f.token}${query}`, f.token);
        expect(answer.body).toContain("Upper back pain");
      };
    await flushShareLinkOpens(); // no link has a window open
    // Back from a tick's form post: no open to count.
    expect(await trips(page("?done=0&session=0"))).toEqual({ requests: 1, sequential: 1 });
    // An open: the page does not wait for the counter's write, which follows the read.
    expect(await trips(async () => (await page()(), await shareLinkOpens().settled()))).toEqual({
      requests: 2,
      sequential: 2,
    });
    // Further opens within the window are carried: one write at its end (here, the shutdown flush) for all.
    expect(await trips(async () => (await page()(), await page()(), await page()()))).toEqual({ requests: 3, sequential: 3 });
    expect(shareLinkOpens().pending()).toBe(3);
    expect(await trips(flushShareLinkOpens)).toEqual({ requests: 1, sequential: 1 });
    // Next's own mount of the same page (next dev); the proxy checks the link for any method and answers an
    // unknown one with one trip.
    const viaNext = await trips(async () => {
      const passed = await proxy(new NextRequest(`http://localhost/r/${f.token}`));
      expect(passed.status).toBe(200);
      const response = await getSharedRoutinePage(new Request(`http://localhost/r/${f.token}?done=0`), {
        params: Promise.resolve({ token: f.token }),
      });
      expect(await response.text()).toContain("Upper back pain");
    });
    expect(viaNext).toEqual({ requests: 2, sequential: 2 });
    const unknown = await trips(async () =>
      expect((await proxy(new NextRequest(`http://localhost/r/${"x".repeat(43)}`, { method: "POST" }))).status).toBe(404),
    );
    expect(unknown).toEqual({ requests: 1, sequential: 1 });
  });

  it("a tick: the link with the newest revision, then the write with its rate-limit slot", async () => {
    const body = new URLSearchParams({ position: "0", exerciseId: String(firstExerciseId), intent: "done", pain: "2" });
    const request = new Request(`http://localhost/r/${f.token}/ticks`, { method: "POST", headers: { Accept: "application/json" }, body });
    const tick = await trips(async () => {
      const response = await postTick(request, { params: Promise.resolve({ token: f.token }) });
      expect(await response.json()).toMatchObject({ ok: true, done: true });
    });
    expect(tick).toEqual({ requests: 2, sequential: 2 });
  });

  it("the dashboard: the session, then the worklist (one batch), the counts and templates side by side", async () => {
    const dashboard = await trips(async () => expect(textIn(await DashboardPage())).toContain("Exercise library"));
    expect(dashboard.sequential).toBe(2);
  });

  // Six requests in two trips: the routine, its links, its progress, the email setup and the clinic's settings (its
  // name in the preview, the default paper and link lifetime, which an admin can change at any time) side by side.
  it("the routine builder: the session, then the routine, its links, its progress, its email setup and the clinic's settings side by side", async () => {
    const builder = await trips(async () => {
      const page = await RoutinePage({ params: Promise.resolve({ id: String(f.routineId) }), searchParams: Promise.resolve({}) });
      expect(textIn(page)).toContain("Upper back pain");
    });
    expect(builder).toEqual({ requests: 6, sequential: 2 });
  });

  it("the library search: the session, then the list (ranked text: its page of ids, then their rows)", async () => {
    const browse = await trips(async () => expect(textIn(await ExercisesPage({ searchParams: Promise.resolve({}) }))).toContain("Cat-Cow"));
    expect(browse.sequential).toBe(2);
    const search = await trips(async () =>
      expect(textIn(await ExercisesPage({ searchParams: Promise.resolve({ q: "shoulder" }) }))).toContain("matching"),
    );
    expect(search.sequential).toBe(3);
  });

  it("the handout: the session and the routine's content, then the pictures only when it has to be drawn", async () => {
    const url = `http://localhost/api/routines/${f.routineId}/handout.pdf`;
    const params = { params: Promise.resolve({ id: String(f.routineId) }) };
    let etag = "";
    const drawn = await trips(async () => {
      const response = await getHandout(new Request(url), params);
      expect(response.status).toBe(200);
      etag = response.headers.get("ETag")!;
    });
    expect(drawn.sequential).toBe(3);
    const notModified = await trips(async () =>
      expect((await getHandout(new Request(url, { headers: { "If-None-Match": etag } }), params)).status).toBe(304),
    );
    expect(notModified.sequential).toBe(2);
  });

  // Once a minute per session, last-seen is written in a trip of its own: a read-only check keeps the
  // database's write lock out of every signed-in request.
  it("a session due its last-seen write: one more trip, once a minute", async () => {
    await counting.db
      .update(userSessions)
      .set({ lastSeenAt: new Date(Date.now() - sessionPolicy.touchEveryMs - 1000) })
      .where(eq(userSessions.userId, f.ada.id));
    const dashboard = await trips(async () => expect(textIn(await DashboardPage())).toContain("Exercise library"));
    expect(dashboard.sequential).toBe(3);
    const [row] = await counting.db
      .select({ lastSeenAt: userSessions.lastSeenAt })
      .from(userSessions)
      .where(eq(userSessions.userId, f.ada.id));
    expect(Date.now() - row!.lastSeenAt.getTime()).toBeLessThan(sessionPolicy.touchEveryMs);
  });

  it("a clinician under the own-patients policy: the policy is read inside the page's queries, at no extra trip", async () => {
    await setPatientPolicy(counting.db, f.ada, "own");
    await setPatientShared(counting.db, f.ada, f.patientId, f.bo.id, true);
    app.claims = { uid: f.bo.id, sv: 1, sid: await startSession(counting.db, f.bo.id, { userAgent: "round-trips test" }) };
    try {
      const dashboard = await trips(async () => expect(textIn(await DashboardPage())).toContain("Exercise library"));
      expect(dashboard.sequential).toBe(2);
      const builder = await trips(async () => {
        const page = await RoutinePage({ params: Promise.resolve({ id: String(f.routineId) }), searchParams: Promise.resolve({}) });
        expect(textIn(page)).toContain("Upper back pain");
      });
      expect(builder).toEqual({ requests: 6, sequential: 2 });
      const browse = await trips(async () =>
        expect(textIn(await ExercisesPage({ searchParams: Promise.resolve({}) }))).toContain("Cat-Cow"),
      );
      expect(browse.sequential).toBe(2);
      const url = `http://localhost/api/routines/${f.routineId}/handout.pdf`;
      const handout = await trips(async () => {
        const response = await getHandout(new Request(url), { params: Promise.resolve({ id: String(f.routineId) }) });
        expect(response.status).toBe(200);
      });
      // Already drawn, so no pictures are read: the session, then the access check, the content and the
      // active link (for the QR code on the clinician's copy) side by side.
      expect(handout).toEqual({ requests: 4, sequential: 2 });
      // The check beside the content still decides: unshared, the handout is a 404, even for a matching ETag.
      const etag = (await getHandout(new Request(url), { params: Promise.resolve({ id: String(f.routineId) }) })).headers.get("ETag")!;
      await setPatientShared(counting.db, f.ada, f.patientId, f.bo.id, false);
      for (const headers of [{}, { "If-None-Match": etag }] as Record<string, string>[]) {
        expect((await getHandout(new Request(url, { headers }), { params: Promise.resolve({ id: String(f.routineId) }) })).status).toBe(
          404,
        );
      }
    } finally {
      app.claims = null;
    }
  });
});
