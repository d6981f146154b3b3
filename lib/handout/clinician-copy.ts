import "server-only";
import type { Db } from "@/db/client";
import { env } from "@/lib/env";
import { readRoutineShareUrl } from "@/lib/share/show-share-link";
import { configuredShareTokenKey } from "@/lib/share/token-key";
import type { HandoutOptions } from "./options";

/**
 * The clinician's copy prints what the patient's copy prints: the QR code and address of the routine's
 * active link when it has one, and none when it has none. The link is part of the options, so of the
 * handout's cache key and ETag: a new or revoked link draws a new PDF. Access is the caller's to check.
 */
export async function withActiveShareLink(db: Db, routineId: number, options: HandoutOptions = {}): Promise<HandoutOptions> {
  const shareUrl = await readRoutineShareUrl(db, routineId, env().appUrl, Date.now(), configuredShareTokenKey());
  return shareUrl ? { ...options, shareUrl } : options;
}
