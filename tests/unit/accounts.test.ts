import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { mintSessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";
import {
  changeOwnPassword,
  createFirstAdmin,
  createUser,
  ensureBootstrapAdmin,
  findUserByEmail,
  setUserDisabled,
  type SessionUser,
} from "@/lib/users/accounts";
import { findLiveSessionUser, startSession } from "@/lib/auth/server-sessions";
import { createTempDb, type TempDb } from "../helpers/temp-db";

/** A fresh session row claiming `version`: alive only while the account is enabled and the version current. */
const sessionWithVersion = async (db: TempDb["db"], id: number, version: number) =>
  findLiveSessionUser(db, { uid: id, sv: version, sid: await startSession(db, id, {}) });

let t: TempDb;
beforeEach(async () => (t = await createTempDb()));
afterEach(() => t.close());

const setup = { name: "Ada Admin", email: "ada@clinic.test", password: "correct horse battery", confirmPassword: "correct horse battery" };

async function versionOf(id: number) {
  const [row] = await t.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id));
  return row!.v;
}

describe("first-run setup", () => {
  it("creates the first account as admin with an argon2id hash, never the password", async () => {
    const admin = await createFirstAdmin(t.db, setup);
    expect(admin.role).toBe("admin");
    const row = await findUserByEmail(t.db, "ADA@clinic.test");
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(setup.password);
  });

  it("refuses once any account exists, even when two people submit at the same moment", async () => {
    const results = await Promise.allSettled([
      createFirstAdmin(t.db, setup),
      createFirstAdmin(t.db, { ...setup, email: "eve@clinic.test" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expect(createFirstAdmin(t.db, { ...setup, email: "late@clinic.test" })).rejects.toThrow(/already complete/);
    expect(await t.db.select().from(users)).toHaveLength(1);
  });
});

describe("accounts", () => {
  let admin: SessionUser;
  beforeEach(async () => (admin = mintSessionUser(await createFirstAdmin(t.db, setup))));

  it("treats email as case-insensitive and unique", async () => {
    await expect(
      createUser(t.db, admin, {
        name: "Dup",
        email: "ada@clinic.test",
        role: "clinician",
        password: "x".repeat(12),
        confirmPassword: "x".repeat(12),
      }),
    ).rejects.toThrow(AppError);
    // Even a row written around the domain layer cannot take the same email in other letters.
    await expect(
      t.db.insert(users).values({ email: "ADA@CLINIC.TEST", name: "x", role: "clinician", passwordHash: "x" }),
    ).rejects.toThrow();
  });

  it("lets only an admin create accounts, and records it in the audit trail", async () => {
    const clinician = await createUser(t.db, admin, {
      name: "Cleo",
      email: "cleo@clinic.test",
      role: "clinician",
      password: "another long password",
      confirmPassword: "another long password",
    });
    await expect(
      createUser(t.db, mintSessionUser(clinician), {
        name: "Mal",
        email: "mal@clinic.test",
        role: "admin",
        password: "x".repeat(12),
        confirmPassword: "x".repeat(12),
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, "user.created"));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.id, entityId: clinician.id });
  });

  it("ends a user's sessions when they are disabled", async () => {
    const clinician = await createUser(t.db, admin, {
      name: "Cleo",
      email: "cleo@clinic.test",
      role: "clinician",
      password: "another long password",
      confirmPassword: "another long password",
    });
    const version = await versionOf(clinician.id);
    expect(await sessionWithVersion(t.db, clinician.id, version)).toMatchObject({ email: "cleo@clinic.test" });

    await setUserDisabled(t.db, admin, clinician.id, true);
    expect(await sessionWithVersion(t.db, clinician.id, version)).toBeUndefined();
    // Re-enabling does not revive the old session either: they sign in again.
    await setUserDisabled(t.db, admin, clinician.id, false);
    expect(await sessionWithVersion(t.db, clinician.id, version)).toBeUndefined();
    expect(await sessionWithVersion(t.db, clinician.id, await versionOf(clinician.id))).toEqual({
      id: clinician.id,
      email: "cleo@clinic.test",
      name: "Cleo",
      role: "clinician",
    });
  });

  it("will not let an admin disable themselves", async () => {
    await expect(setUserDisabled(t.db, admin, admin.id, true)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("ends every session on a password change, and checks the current password first", async () => {
    const before = await versionOf(admin.id);
    await expect(
      changeOwnPassword(t.db, admin, { currentPassword: "wrong", password: "a new long password", confirmPassword: "a new long password" }),
    ).rejects.toMatchObject({ code: "validation", fieldErrors: { currentPassword: expect.any(Array) } });
    expect(await versionOf(admin.id)).toBe(before);

    await changeOwnPassword(t.db, admin, {
      currentPassword: setup.password,
      password: "a new long password",
      confirmPassword: "a new long password",
    });
    expect(await sessionWithVersion(t.db, admin.id, before)).toBeUndefined();
    expect(await sessionWithVersion(t.db, admin.id, before + 1)).toEqual({
      id: admin.id,
      email: "ada@clinic.test",
      name: "Ada Admin",
      role: "admin",
    });
  });

  it("creates the admin from ADMIN_EMAIL once and leaves it alone afterwards", async () => {
    const other = { email: "Boot@Clinic.test", password: "bootstrap password", name: "Boot" };
    expect(await ensureBootstrapAdmin(t.db, other)).toBe("created");
    expect(await ensureBootstrapAdmin(t.db, { ...other, password: "changed password!!" })).toBe("exists");
    expect((await findUserByEmail(t.db, "boot@clinic.test"))?.role).toBe("admin");
  });
});
