import "server-only";
import type { Db } from "@/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { SessionUser } from "@/lib/users/accounts";

/**
 * A share link's entry in the routine's audit trail: who did what to which link. Never the token, its seed or
 * the patient's address. Pass the transaction that made the change so both land or neither does.
 */
export async function recordLinkEvent(
  db: Pick<Db, "insert">,
  actor: SessionUser,
  action: "created" | "revoked" | "shown" | "emailed",
  routineId: number,
  link: { id: number; label: string },
  more: Record<string, unknown> = {},
): Promise<void> {
  await recordAuditEvent(db, {
    actorId: actor.id,
    action: `share_link.${action}`,
    entityType: "routine",
    entityId: routineId,
    changes: { linkId: link.id, label: link.label, ...more },
  });
}
