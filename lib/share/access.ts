import "server-only";
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients, routines, shareLinks } from "@/db/schema";
import { hashShareToken, isWellFormedShareToken } from "./tokens";

/**
 * What a token opens. Unknown, revoked and expired tokens (and links to an archived routine or patient)
 * all give the same answer, so the public page cannot tell anyone which of these it was.
 */
export type ShareAccess = { active: true; linkId: number; routineId: number } | { active: false };

const inactive: ShareAccess = { active: false };

/** Links whose routine is a live patient routine: archiving the routine or the patient stops its links too. */
export function liveLink(db: Db, tokenHash: string, now: number) {
  const liveRoutines = db
    .select({ id: routines.id })
    .from(routines)
    .innerJoin(patients, eq(patients.id, routines.patientId))
    .where(and(eq(routines.isTemplate, false), isNull(routines.archivedAt), isNull(patients.archivedAt)));
  return and(
    eq(shareLinks.tokenHash, tokenHash),
    isNull(shareLinks.revokedAt),
    gt(shareLinks.expiresAt, new Date(now)),
    inArray(shareLinks.routineId, liveRoutines),
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
