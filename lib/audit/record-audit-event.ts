import "server-only";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";

export type AuditEvent = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId?: number | null;
  changes?: Record<string, unknown>;
};

/** Appends to the audit trail. Pass the transaction that made the change so both land or neither does. */
export async function recordAuditEvent(db: Pick<Db, "insert">, event: AuditEvent): Promise<void> {
  await db.insert(auditEvents).values({ ...event, entityId: event.entityId ?? null, changes: event.changes ?? {} });
}
