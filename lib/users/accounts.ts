import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userSessions, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import type { SessionUser, StaffIdentity } from "@/lib/auth/session-user";
import type { ChangePasswordInput, NewUserInput, Role, SetupInput } from "./schemas";

export type { SessionUser, StaffIdentity };

export type UserSummary = StaffIdentity & { disabled: boolean; createdAt: Date };

const summaryColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  createdAt: users.createdAt,
};

export function assertRole(actor: SessionUser, role: Role): void {
  if (actor.role !== role) throw new AppError("forbidden", "Only an administrator can do that.");
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return row;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(users);
  return row?.n ?? 0;
}

/**
 * Creates the first account, as admin, only while there is none. The check and the insert are one
 * statement, so two people racing through /setup cannot both become admin.
 */
export async function createFirstAdmin(db: Db, input: SetupInput): Promise<StaffIdentity> {
  const passwordHash = await hashPassword(input.password);
  const result = await db.run(sql`
    insert into ${users} (email, name, role, password_hash)
    select ${input.email}, ${input.name}, 'admin', ${passwordHash}
    where not exists (select 1 from ${users})`);
  if (result.rowsAffected === 0) {
    throw new AppError("forbidden", "Setup is already complete: sign in with an existing account.");
  }
  const created = await findUserByEmail(db, input.email);
  if (!created) throw new Error("The first account vanished right after it was created.");
  await recordAuditEvent(db, { actorId: created.id, action: "user.setup", entityType: "user", entityId: created.id });
  return { id: created.id, email: created.email, name: created.name, role: created.role };
}

/** Start-up path for ADMIN_EMAIL / ADMIN_PASSWORD: creates that admin once; an existing account is left as it is. */
export async function ensureBootstrapAdmin(
  db: Db,
  admin: { email: string; password: string; name: string },
): Promise<"created" | "exists"> {
  if (await findUserByEmail(db, admin.email)) return "exists";
  const passwordHash = await hashPassword(admin.password);
  const [created] = await db
    .insert(users)
    .values({ email: admin.email.trim().toLowerCase(), name: admin.name, role: "admin", passwordHash })
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (!created) return "exists";
  await recordAuditEvent(db, { actorId: null, action: "user.bootstrap", entityType: "user", entityId: created.id });
  return "created";
}

export async function listUsers(db: Db, actor: SessionUser): Promise<UserSummary[]> {
  assertRole(actor, "admin");
  return db.select(summaryColumns).from(users).orderBy(asc(users.name));
}

export async function createUser(db: Db, actor: SessionUser, input: NewUserInput): Promise<UserSummary> {
  assertRole(actor, "admin");
  if (await findUserByEmail(db, input.email)) {
    throw new AppError("conflict", "That email already has an account.", { email: ["That email already has an account."] });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash })
      .returning(summaryColumns);
    if (!created) throw new Error("Creating the account returned no row.");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "user.created",
      entityType: "user",
      entityId: created.id,
      changes: { email: input.email, role: input.role },
    });
    return created;
  });
}

/** Disabling (or re-enabling) bumps the session version, so the person is signed out everywhere at once. */
export async function setUserDisabled(db: Db, actor: SessionUser, userId: number, disabled: boolean): Promise<void> {
  assertRole(actor, "admin");
  if (userId === actor.id) throw new AppError("forbidden", "You cannot disable your own account.");
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ disabled, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (updated.length === 0) throw new AppError("not_found", "That account no longer exists.");
    await tx.delete(userSessions).where(eq(userSessions.userId, userId));
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: disabled ? "user.disabled" : "user.enabled",
      entityType: "user",
      entityId: userId,
    });
  });
}

/** Changes the actor's own password and ends every session they have (the caller signs them in afresh). */
export async function changeOwnPassword(db: Db, actor: SessionUser, input: ChangePasswordInput): Promise<void> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError("validation", "Your current password is not right.", {
      currentPassword: ["Your current password is not right."],
    });
  }
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await tx.delete(userSessions).where(eq(userSessions.userId, actor.id));
    await recordAuditEvent(tx, { actorId: actor.id, action: "user.password_changed", entityType: "user", entityId: actor.id });
  });
}
