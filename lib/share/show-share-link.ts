import "server-only";
import { assertRoutineAccess } from "@/lib/patients/access";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { routines, shareLinks } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/users/accounts";
import { shareLinkUrl } from "./links";
import { configuredShareTokenKey } from "./token-key";
import { tokenOf } from "./tokens";
import { recordLinkEvent } from "./record-link-event";

export type ShownShareLink = { id: number; label: string; url: string; expiresAt: Date };

/** An active link of the routine with its address, for copying, a QR code or an email; refuses with the reason. */
export async function readActiveShareLinkUrl(
  db: Pick<Db, "select">,
  routineId: number,
  linkId: number,
  appUrl: string,
  now: number,
  tokenKey: Buffer,
): Promise<ShownShareLink> {
  const [link] = await db
    .select({
      id: shareLinks.id,
      label: shareLinks.label,
      tokenSeed: shareLinks.tokenSeed,
      tokenHash: shareLinks.tokenHash,
      expiresAt: shareLinks.expiresAt,
      revokedAt: shareLinks.revokedAt,
      routineArchivedAt: routines.archivedAt,
    })
    .from(shareLinks)
    .innerJoin(routines, eq(routines.id, shareLinks.routineId))
    .where(and(eq(shareLinks.id, linkId), eq(shareLinks.routineId, routineId)));
  if (!link) throw new AppError("not_found", "That link does not exist.");
  if (link.revokedAt) throw new AppError("validation", "That link has been revoked: it no longer opens. Create a new one.");
  if (link.expiresAt.getTime() <= now) throw new AppError("validation", "That link has expired: it no longer opens. Create a new one.");
  if (link.routineArchivedAt) throw new AppError("validation", "This routine is archived: its links do not open.");
  const token = tokenOf(link, tokenKey);
  if (!token) {
    throw new AppError(
      "conflict",
      link.tokenSeed
        ? "This link cannot be shown again because the server's secret (AUTH_SECRET) has changed since it was made. It still works; to send it again, create a new link."
        : "This link was made before links could be shown again. It still works; to send it again, create a new link.",
    );
  }
  return { id: link.id, label: link.label, url: shareLinkUrl(appUrl, token), expiresAt: link.expiresAt };
}

/** Shows an active link's address again (to copy it or show its QR code), and notes in the audit trail who did. */
export async function showShareLink(
  db: Db,
  actor: SessionUser,
  routineId: number,
  linkId: number,
  appUrl: string,
  now = Date.now(),
  tokenKey = configuredShareTokenKey(),
): Promise<ShownShareLink> {
  await assertRoutineAccess(db, actor, routineId);
  const link = await readActiveShareLinkUrl(db, routineId, linkId, appUrl, now, tokenKey);
  await recordLinkEvent(db, actor, "shown", routineId, link);
  return link;
}

/**
 * The address of the routine's newest active link that can be shown again, or null when there is none: the
 * clinician's printed handout carries it as a QR code, so paper and phone stay in step. A link made before
 * links could be shown again (no seed), or under another AUTH_SECRET, is passed over. Access is the
 * caller's to check.
 */
export async function readRoutineShareUrl(
  db: Pick<Db, "select">,
  routineId: number,
  appUrl: string,
  now: number,
  tokenKey: Buffer,
): Promise<string | null> {
  const links = await db
    .select({ tokenSeed: shareLinks.tokenSeed, tokenHash: shareLinks.tokenHash })
    .from(shareLinks)
    .innerJoin(routines, eq(routines.id, shareLinks.routineId))
    .where(
      and(
        eq(shareLinks.routineId, routineId),
        isNull(shareLinks.revokedAt),
        gt(shareLinks.expiresAt, new Date(now)),
        isNull(routines.archivedAt),
      ),
    )
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id));
  for (const link of links) {
    const token = tokenOf(link, tokenKey);
    if (token) return shareLinkUrl(appUrl, token);
  }
  return null;
}
