import "server-only";
import { assertRoutineAccess, routineAccessQuery, throwUnlessRoutineSeen } from "@/lib/patients/access";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { routines, shareLinks, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/users/accounts";
import { expiryFor, type NewShareLinkInput } from "./schemas";
import { configuredShareTokenKey } from "./token-key";
import { deriveShareToken, generateShareTokenSeed, hashShareToken, tokenOf } from "./tokens";
import { recordLinkEvent } from "./record-link-event";

export type CreatedShareLink = { id: number; label: string; url: string; expiresAt: Date };

/** The link's public address: always from APP_URL, never from the request that asked for it. */
export function shareLinkUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/r/${token}`;
}

/**
 * A new link to a patient's routine. The database keeps the token's SHA-256 (to find the link) and a random
 * seed the token is derived from under the server's key (to show it again); neither alone is a working link.
 */
export async function createShareLink(
  db: Db,
  actor: SessionUser,
  input: NewShareLinkInput,
  appUrl: string,
  now = Date.now(),
  tokenKey = configuredShareTokenKey(),
): Promise<CreatedShareLink> {
  const expiresAt = expiryFor(input, now);
  if (!expiresAt)
    throw new AppError("validation", "Choose a day in the future, at most a year ahead.", {
      customDate: ["Choose a day after today and at most a year ahead."],
    });
  await assertRoutineAccess(db, actor, input.routineId);
  const [routine] = await db
    .select({ id: routines.id, isTemplate: routines.isTemplate })
    .from(routines)
    .where(and(eq(routines.id, input.routineId), isNull(routines.archivedAt)));
  if (!routine) throw new AppError("not_found", "That routine does not exist or is archived.");
  if (routine.isTemplate) throw new AppError("validation", "Templates cannot be shared: share a patient's routine.");

  const tokenSeed = generateShareTokenSeed();
  const token = deriveShareToken(tokenSeed, tokenKey);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(shareLinks)
      .values({
        routineId: routine.id,
        label: input.label,
        tokenHash: hashShareToken(token),
        tokenSeed,
        expiresAt,
        createdBy: actor.id,
        createdAt: new Date(now),
      })
      .returning({ id: shareLinks.id });
    await recordLinkEvent(tx, actor, "created", routine.id, { id: row!.id, label: input.label }, { expiresAt: expiresAt.toISOString() });
    return { id: row!.id, label: input.label, url: shareLinkUrl(appUrl, token), expiresAt };
  });
}

/** Stops a link at once. Revoking twice is harmless; a link of another routine is not found. */
export async function revokeShareLink(db: Db, actor: SessionUser, routineId: number, linkId: number, now = Date.now()): Promise<void> {
  await assertRoutineAccess(db, actor, routineId);
  await db.transaction(async (tx) => {
    const [link] = await tx
      .select({ revokedAt: shareLinks.revokedAt, label: shareLinks.label })
      .from(shareLinks)
      .where(and(eq(shareLinks.id, linkId), eq(shareLinks.routineId, routineId)));
    if (!link) throw new AppError("not_found", "That link does not exist.");
    if (link.revokedAt) return;
    await tx
      .update(shareLinks)
      .set({ revokedAt: new Date(now) })
      .where(eq(shareLinks.id, linkId));
    await recordLinkEvent(tx, actor, "revoked", routineId, { id: linkId, label: link.label });
  });
}

export type ShareLinkSummary = {
  id: number;
  label: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastOpenedAt: Date | null;
  openCount: number;
  status: "active" | "expired" | "revoked";
  /** Whether its address can be shown again (links made before token seeds, or before AUTH_SECRET changed, cannot). */
  canShowAgain: boolean;
};

/** A routine's links for the clinician, newest first (never the hash). */
export async function listShareLinks(db: Db, actor: SessionUser, routineId: number, now = Date.now()): Promise<ShareLinkSummary[]> {
  // One round trip: the access check and the links side by side.
  const [access, rows] = await db.batch([
    routineAccessQuery(db, actor, routineId),
    db
      .select({
        id: shareLinks.id,
        label: shareLinks.label,
        createdBy: users.name,
        createdAt: shareLinks.createdAt,
        expiresAt: shareLinks.expiresAt,
        revokedAt: shareLinks.revokedAt,
        lastOpenedAt: shareLinks.lastOpenedAt,
        openCount: shareLinks.openCount,
        tokenSeed: shareLinks.tokenSeed,
        tokenHash: shareLinks.tokenHash,
      })
      .from(shareLinks)
      .leftJoin(users, eq(users.id, shareLinks.createdBy))
      .where(eq(shareLinks.routineId, routineId))
      .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id))
      .limit(100),
  ]);
  throwUnlessRoutineSeen(access);
  const tokenKey = configuredShareTokenKey();
  return rows.map(({ tokenSeed, tokenHash, ...r }) => ({
    ...r,
    createdBy: r.createdBy ?? "A former colleague",
    status: r.revokedAt ? "revoked" : r.expiresAt.getTime() <= now ? "expired" : "active",
    canShowAgain: tokenOf({ tokenSeed, tokenHash }, tokenKey) !== null,
  }));
}
