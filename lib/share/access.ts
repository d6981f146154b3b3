import "server-only";
import { and, eq, exists, gt, isNull, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients, routines, shareLinks } from "@/db/schema";
import { hashShareToken, isWellFormedShareToken } from "./tokens";

/**
 * What a token opens. Unknown, revoked and expired tokens (and links to an archived routine or patient)
 * all give the same answer, so the public page cannot tell anyone which of these it was.
 */
export type ShareAccess = { active: true; linkId: number; routineId: number } | { active: false };

const inactive: ShareAccess = { active: false };

/**
 * Links whose routine is a live patient routine: archiving the routine or the patient stops its links too.
 * The hash and the time may be placeholders, for a statement built once and run many times.
 */
export function liveLink(db: Db, tokenHash: string | Placeholder, now: number | Placeholder) {
  return liveLinkWhere(db, eq(shareLinks.tokenHash, tokenHash), now);
}

/** The same check for a link known by its id (the id a token names never changes; whether it is live does). */
export function liveLinkById(db: Db, linkId: number | Placeholder, now: number | Placeholder) {
  return liveLinkWhere(db, eq(shareLinks.id, linkId), now);
}

function liveLinkWhere(db: Db, which: SQL | undefined, now: number | Placeholder) {
  // Correlated with the link's own row: an IN (all live routines) list would be built on every check.
  const liveRoutine = db
    .select({ id: routines.id })
    .from(routines)
    .innerJoin(patients, eq(patients.id, routines.patientId))
    .where(
      and(eq(routines.id, shareLinks.routineId), eq(routines.isTemplate, false), isNull(routines.archivedAt), isNull(patients.archivedAt)),
    );
  return and(
    which,
    isNull(shareLinks.revokedAt),
    gt(shareLinks.expiresAt, typeof now === "number" ? new Date(now) : now),
    exists(liveRoutine),
  );
}

// A malformed token matches nothing; the query still runs so it can sit in a caller's batch.
const linkCondition = (db: Db, token: string, now: number) =>
  isWellFormedShareToken(token) ? liveLink(db, hashShareToken(token), now) : sql`0`;

/** The check of a token without recording anything, as one query for a caller's batch (see toShareAccess). */
export function resolveShareLinkQuery(db: Db, token: string, now = Date.now()) {
  return db
    .select({ linkId: shareLinks.id, routineId: shareLinks.routineId })
    .from(shareLinks)
    .where(linkCondition(db, token, now));
}

/** The check of a token that counts the visit (last opened, open count) in the same statement: the patient's page. */
export function openShareLinkQuery(db: Db, token: string, now = Date.now()) {
  return db
    .update(shareLinks)
    .set({ lastOpenedAt: new Date(now), openCount: sql`${shareLinks.openCount} + 1` })
    .where(linkCondition(db, token, now))
    .returning({ linkId: shareLinks.id, routineId: shareLinks.routineId });
}

export function toShareAccess(rows: { linkId: number; routineId: number }[]): ShareAccess {
  const [row] = rows;
  return row ? { active: true, ...row } : inactive;
}

/** Checks a token without recording anything (the tick and PDF routes). */
export async function resolveShareLink(db: Db, token: string, now = Date.now()): Promise<ShareAccess> {
  if (!isWellFormedShareToken(token)) return inactive;
  return toShareAccess(await resolveShareLinkQuery(db, token, now));
}

/** Checks a token and counts the visit in the same statement. */
export async function openShareLink(db: Db, token: string, now = Date.now()): Promise<ShareAccess> {
  if (!isWellFormedShareToken(token)) return inactive;
  return toShareAccess(await openShareLinkQuery(db, token, now));
}

/**
 * Adds opens counted elsewhere (lib/share/open-counter.ts gathers them): relative, so instances sharing one
 * database add up instead of overwriting each other, and the last-opened time never moves backwards.
 */
export async function addShareLinkOpens(db: Db, linkId: number, count: number, lastOpenedAt: number): Promise<void> {
  await db
    .update(shareLinks)
    .set({
      openCount: sql`${shareLinks.openCount} + ${count}`,
      lastOpenedAt: sql`max(coalesce(${shareLinks.lastOpenedAt}, 0), ${lastOpenedAt})`,
    })
    .where(eq(shareLinks.id, linkId));
}
