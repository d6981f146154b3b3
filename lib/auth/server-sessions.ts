import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userSessions, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { SessionUser, StaffIdentity } from "./session-user";

/** How long a session lasts: 12 hours from sign-in at most, and 2 hours without a request. */
export const sessionPolicy = {
  absoluteMs: 12 * 60 * 60_000,
  idleMs: 2 * 60 * 60_000,
  // Last-seen is written at most this often per session, so pages do not each cost a write.
  touchEveryMs: 60_000,
} as const;

/** What the session cookie claims: the user, their session version and the session's random id. */
export type SessionClaims = { uid: number; sv: number; sid: string };

export type ActiveSession = {
  id: string;
  browser: string;
  clientAddress: string;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/** The row key for a session id: the id itself lives only in the signed cookie. */
export const hashSessionId = (sid: string) => createHash("sha256").update(sid).digest("hex");

/** Records a new session at sign-in and returns the id the cookie carries (only its hash is stored). */
export async function startSession(
  db: Db,
  userId: number,
  details: { userAgent?: string | null; clientAddress?: string },
  now = Date.now(),
): Promise<string> {
  const sid = randomBytes(32).toString("base64url");
  await db.batch([
    db.insert(userSessions).values({
      id: hashSessionId(sid),
      userId,
      userAgent: (details.userAgent ?? "").slice(0, 512),
      clientAddress: (details.clientAddress ?? "").slice(0, 64),
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + sessionPolicy.absoluteMs),
    }),
    // Sessions that have run out count for nothing: prune them as new ones start.
    db
      .delete(userSessions)
      .where(or(lt(userSessions.expiresAt, new Date(now)), lt(userSessions.lastSeenAt, new Date(now - sessionPolicy.idleMs)))),
  ]);
  return sid;
}

/**
 * The user a session cookie belongs to, if the session is alive: its row exists and is neither past 12 hours
 * nor idle for 2, the account is enabled and its session version current. One round trip; last-seen is
 * written at most once a minute, in the same batch.
 */
export async function findLiveSessionUser(db: Db, claims: Partial<SessionClaims>, now = Date.now()): Promise<StaffIdentity | undefined> {
  if (typeof claims.uid !== "number" || typeof claims.sv !== "number" || typeof claims.sid !== "string") return undefined;
  const id = hashSessionId(claims.sid);
  const alive = and(
    eq(userSessions.id, id),
    eq(userSessions.userId, claims.uid),
    gt(userSessions.expiresAt, new Date(now)),
    gt(userSessions.lastSeenAt, new Date(now - sessionPolicy.idleMs)),
  );
  // A read only: a write here would take the database's write lock on every signed-in request, and a long
  // write elsewhere (an import) would then sign people out. Last-seen moves on in its own short statement,
  // at most once a minute, and a busy database never turns a live session away.
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(alive);
  if (row && row.lastSeenAt.getTime() <= now - sessionPolicy.touchEveryMs) {
    await db
      .update(userSessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(userSessions.id, id))
      .catch((error: unknown) => console.warn("Could not note a session's last activity:", error instanceof Error ? error.message : error));
  }
  if (!row || row.disabled || row.sessionVersion !== claims.sv) return undefined;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/** Sign-out: this session stops working on every instance at once. */
export async function endSession(db: Db, sid: unknown): Promise<void> {
  if (typeof sid !== "string") return;
  await db.delete(userSessions).where(eq(userSessions.id, hashSessionId(sid)));
}

/** The actor's live sessions, newest activity first; `current` marks the browser asking. */
export async function listActiveSessions(db: Db, actor: SessionUser, current?: string, now = Date.now()): Promise<ActiveSession[]> {
  const rows = await db
    .select()
    .from(userSessions)
    .where(
      and(
        eq(userSessions.userId, actor.id),
        gt(userSessions.expiresAt, new Date(now)),
        gt(userSessions.lastSeenAt, new Date(now - sessionPolicy.idleMs)),
      ),
    )
    .orderBy(desc(userSessions.lastSeenAt));
  return rows.map((row) => ({
    id: row.id,
    browser: describeBrowser(row.userAgent),
    clientAddress: row.clientAddress,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.id === current,
  }));
}

/** Ends every session of the actor ("Sign out everywhere"), or all but the one keyed `keep`. */
export async function endOwnSessions(db: Db, actor: SessionUser, keep?: string): Promise<number> {
  const result = await db.run(
    keep
      ? sql`delete from ${userSessions} where ${userSessions.userId} = ${actor.id} and ${userSessions.id} <> ${keep}`
      : sql`delete from ${userSessions} where ${userSessions.userId} = ${actor.id}`,
  );
  await recordAuditEvent(db, { actorId: actor.id, action: "user.signed_out_everywhere", entityType: "user", entityId: actor.id });
  return result.rowsAffected;
}

/** An admin ends another person's sessions (a lost laptop, someone leaving). */
export async function endUserSessions(db: Db, actor: SessionUser, userId: number): Promise<number> {
  if (actor.role !== "admin") throw new AppError("forbidden", "Only an administrator can do that.");
  const [target] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!target) throw new AppError("not_found", "That account no longer exists.");
  const result = await db.delete(userSessions).where(eq(userSessions.userId, userId));
  await recordAuditEvent(db, { actorId: actor.id, action: "user.sessions_ended", entityType: "user", entityId: userId });
  return result.rowsAffected;
}

/** Ends one of the actor's own sessions from the Settings list. */
export async function endOwnSession(db: Db, actor: SessionUser, sessionRowId: string): Promise<void> {
  await db.delete(userSessions).where(and(eq(userSessions.userId, actor.id), eq(userSessions.id, sessionRowId)));
}

/** "Firefox on Linux" from a User-Agent header: enough to recognise one's own browsers in a list. */
export function describeBrowser(userAgent: string): string {
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /OPR\//.test(ua)
      ? "Opera"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Chrome\//.test(ua) || /Chromium\//.test(ua)
          ? "Chrome"
          : /Safari\//.test(ua)
            ? "Safari"
            : "";
  const os = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad/.test(ua)
      ? "iOS"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X/.test(ua)
          ? "macOS"
          : /Linux/.test(ua)
            ? "Linux"
            : "";
  if (browser && os) return `${browser} on ${os}`;
  return browser || os || "Unknown browser";
}
