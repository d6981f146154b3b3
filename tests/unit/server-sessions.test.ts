import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  describeBrowser,
  endOwnSessions,
  endSession,
  endUserSessions,
  findLiveSessionUser,
  hashSessionId,
  listActiveSessions,
  sessionPolicy,
  startSession,
} from "@/lib/auth/server-sessions";
import { changeOwnPassword, setUserDisabled } from "@/lib/users/accounts";
import { hashPassword } from "@/lib/auth/password";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { createTempDb, insertStaff, type TempDb } from "../helpers/temp-db";

const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

describe("server-side sessions", () => {
  let t: TempDb;
  beforeEach(async () => (t = await createTempDb()));
  afterEach(() => t.close());
  const start = Date.UTC(2026, 0, 1, 9, 0, 0);

  it("defect 1: a session ended by sign-out stays dead even with a copy of its cookie", async () => {
    const { bo } = await insertStaff(t.db);
    const sid = await startSession(t.db, bo.id, { userAgent: firefox }, start);
    const claims = { uid: bo.id, sv: 1, sid };
    expect(await findLiveSessionUser(t.db, claims, start + 1000)).toMatchObject({ id: bo.id, role: "clinician" });
    await endSession(t.db, sid);
    expect(await findLiveSessionUser(t.db, claims, start + 2000)).toBeUndefined();
  });

  it("ends after 2 idle hours and 12 hours after sign-in however busy", async () => {
    const { bo } = await insertStaff(t.db);
    const sid = await startSession(t.db, bo.id, {}, start);
    const claims = { uid: bo.id, sv: 1, sid };
    expect(await findLiveSessionUser(t.db, claims, start + sessionPolicy.idleMs - 1)).toBeDefined();
    // That request counted as activity: the idle clock restarted.
    expect(await findLiveSessionUser(t.db, claims, start + 2 * sessionPolicy.idleMs - 2)).toBeDefined();
    expect(await findLiveSessionUser(t.db, claims, start + 4 * sessionPolicy.idleMs)).toBeUndefined();

    const busy = await startSession(t.db, bo.id, {}, start);
    const busyClaims = { uid: bo.id, sv: 1, sid: busy };
    for (let at = start; at < start + sessionPolicy.absoluteMs; at += 30 * 60_000) {
      expect(await findLiveSessionUser(t.db, busyClaims, at)).toBeDefined();
    }
    expect(await findLiveSessionUser(t.db, busyClaims, start + sessionPolicy.absoluteMs)).toBeUndefined();
  });

  it("writes last-seen at most once a minute", async () => {
    const { bo } = await insertStaff(t.db);
    const sid = await startSession(t.db, bo.id, {}, start);
    await findLiveSessionUser(t.db, { uid: bo.id, sv: 1, sid }, start + 30_000);
    const [first] = await listActiveSessions(t.db, bo, undefined, start + 30_000);
    expect(first!.lastSeenAt.getTime()).toBe(start);
    await findLiveSessionUser(t.db, { uid: bo.id, sv: 1, sid }, start + 61_000);
    const [second] = await listActiveSessions(t.db, bo, undefined, start + 61_000);
    expect(second!.lastSeenAt.getTime()).toBe(start + 61_000);
  });

  it("refuses forged claims: another user's id, an old session version, no session id", async () => {
    const { ada, bo } = await insertStaff(t.db);
    const sid = await startSession(t.db, bo.id, {}, start);
    expect(await findLiveSessionUser(t.db, { uid: ada.id, sv: 1, sid }, start)).toBeUndefined();
    expect(await findLiveSessionUser(t.db, { uid: bo.id, sv: 0, sid }, start)).toBeUndefined();
    expect(await findLiveSessionUser(t.db, { uid: bo.id, sv: 1 }, start)).toBeUndefined();
  });

  it("lists your sessions with the browser, and signs out everywhere", async () => {
    const { ada, bo } = await insertStaff(t.db);
    const here = await startSession(t.db, bo.id, { userAgent: firefox, clientAddress: "203.0.113.4" }, start);
    const there = await startSession(
      t.db,
      bo.id,
      {
        userAgent:
          "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
      },
      start + 1,
    );
    await startSession(t.db, ada.id, {}, start);
    const list = await listActiveSessions(t.db, bo, hashSessionId(here), start + 2);
    expect(list.map((s) => [s.browser, s.current])).toEqual([
      ["Safari on iOS", false],
      ["Firefox on Linux", true],
    ]);
    expect(await endOwnSessions(t.db, bo)).toBe(2);
    for (const sid of [here, there]) expect(await findLiveSessionUser(t.db, { uid: bo.id, sv: 1, sid }, start + 3)).toBeUndefined();
    expect(await listActiveSessions(t.db, ada, undefined, start + 3)).toHaveLength(1);
  });

  it("lets an admin, and nobody else, end another person's sessions", async () => {
    const { ada, bo } = await insertStaff(t.db);
    const adaSid = await startSession(t.db, ada.id, {}, start);
    await expect(endUserSessions(t.db, bo, ada.id)).rejects.toThrow(/administrator/);
    expect(await findLiveSessionUser(t.db, { uid: ada.id, sv: 1, sid: adaSid }, start)).toBeDefined();
    const boSid = await startSession(t.db, bo.id, {}, start);
    expect(await endUserSessions(t.db, ada, bo.id)).toBe(1);
    expect(await findLiveSessionUser(t.db, { uid: bo.id, sv: 1, sid: boSid }, start)).toBeUndefined();
  });

  it("disabling an account or changing its password deletes its sessions", async () => {
    const { ada, bo } = await insertStaff(t.db);
    await startSession(t.db, bo.id, {}, Date.now());
    await setUserDisabled(t.db, ada, bo.id, true);
    expect(await listActiveSessions(t.db, bo)).toHaveLength(0);

    await t.db
      .update(users)
      .set({ passwordHash: await hashPassword("old password 123") })
      .where(eq(users.id, ada.id));
    await startSession(t.db, ada.id, {}, Date.now());
    await changeOwnPassword(t.db, ada, {
      currentPassword: "old password 123",
      password: "new password 456",
      confirmPassword: "new password 456",
    });
    expect(await listActiveSessions(t.db, ada)).toHaveLength(0);
  });

  it("names browsers", () => {
    expect(describeBrowser(firefox)).toBe("Firefox on Linux");
    expect(
      describeBrowser(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 Edg/140.0",
      ),
    ).toBe("Edge on Windows");
    expect(describeBrowser("")).toBe("Unknown browser");
  });
});
