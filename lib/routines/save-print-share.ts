import "server-only";
import { and, desc, eq, gt, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { shareLinks } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { assertRoutineAccess } from "@/lib/patients/access";
import { createShareLink } from "@/lib/share/links";
import { recordLinkEvent } from "@/lib/share/record-link-event";
import { defaultExpiry } from "@/lib/share/schemas";
import { readActiveShareLinkUrl, type ShownShareLink } from "@/lib/share/show-share-link";
import { configuredShareTokenKey } from "@/lib/share/token-key";
import type { SessionUser } from "@/lib/users/accounts";
import { saveRoutine } from "./mutations";
import { z } from "zod";
import { idInput } from "@/lib/ids";
import { routineContent, type RoutineContent } from "./schemas";

/** What the builder sends: the content on screen, or null when nothing is unsaved (then nothing is saved). */
export const savePrintShareInput = z.object({
  routineId: idInput,
  baseVersion: idInput,
  content: z.null().or(z.unknown().pipe(routineContent)),
});

/** The label of a link made by "Save, print and share": it travels on the handout. */
export const handoutLinkLabel = "Handout";

export type SavedAndShared = {
  /** Null when there was nothing unsaved to save. */
  saved: { version: number; revision: number } | null;
  link: ShownShareLink & { reused: boolean };
};

/**
 * "Save, print and share" in one step: saves what is on screen on top of `baseVersion` (a stale save is a
 * conflict and nothing else happens), then reuses the newest active link that can be shown again, or makes
 * one. The caller then downloads the handout, which is rendered from the revision just saved.
 */
export async function saveAndShareRoutine(
  db: Db,
  actor: SessionUser,
  input: { routineId: number; baseVersion: number; content: RoutineContent | null },
  appUrl: string,
  now = Date.now(),
  tokenKey = configuredShareTokenKey(),
): Promise<SavedAndShared> {
  // saveRoutine and createShareLink check access; a link is only ever read after one of them has.
  const saved = input.content ? await saveRoutine(db, actor, input.routineId, input.baseVersion, input.content) : null;
  if (!saved) await assertRoutineAccess(db, actor, input.routineId);
  const candidates = await db
    .select({ id: shareLinks.id })
    .from(shareLinks)
    .where(
      and(
        eq(shareLinks.routineId, input.routineId),
        isNull(shareLinks.revokedAt),
        gt(shareLinks.expiresAt, new Date(now)),
        isNotNull(shareLinks.tokenSeed),
      ),
    )
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id))
    .limit(5);
  for (const { id } of candidates) {
    try {
      const link = await readActiveShareLinkUrl(db, input.routineId, id, appUrl, now, tokenKey);
      await recordLinkEvent(db, actor, "shown", input.routineId, link, { via: "save_print_share" });
      return { saved, link: { ...link, reused: true } };
    } catch (error) {
      // A link that can no longer be shown (the server's secret changed): try the next, or make a new one.
      if (!(error instanceof AppError)) throw error;
    }
  }
  const created = await createShareLink(
    db,
    actor,
    { routineId: input.routineId, label: handoutLinkLabel, expiry: defaultExpiry },
    appUrl,
    now,
    tokenKey,
  );
  return { saved, link: { ...created, reused: false } };
}
