import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { routineFeedbackReads, routines } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { assertRoutineAccess } from "@/lib/patients/access";
import type { SessionUser } from "@/lib/users/accounts";
import { eq } from "drizzle-orm";

/**
 * "Mark as read": the routine's pain scores and comments up to `until` (the newest one the clinician was shown,
 * never later than now) leave "Needs attention"; anything the patient sends afterwards is new again. The marker
 * is the clinic's, not one person's: once someone on the team has read it, it is read. Audited.
 */
export async function markRoutineFeedbackRead(
  db: Db,
  actor: SessionUser,
  routineId: number,
  until: number,
  now = Date.now(),
): Promise<void> {
  await assertRoutineAccess(db, actor, routineId);
  const [routine] = await db.select({ id: routines.id, isTemplate: routines.isTemplate }).from(routines).where(eq(routines.id, routineId));
  if (!routine || routine.isTemplate) throw new AppError("not_found", "That routine does not exist.");
  const readUntil = new Date(Math.min(until, now));
  await db.transaction(async (tx) => {
    await tx
      .insert(routineFeedbackReads)
      .values({ routineId, readUntil, readBy: actor.id })
      .onConflictDoUpdate({
        target: routineFeedbackReads.routineId,
        // Never moves back: an older page's "Mark as read" cannot make read feedback new again.
        set: { readUntil: sql`max(${routineFeedbackReads.readUntil}, excluded.read_until)`, readBy: actor.id, updatedAt: new Date(now) },
      });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "routine.feedback_read",
      entityType: "routine",
      entityId: routineId,
      changes: { readUntil: readUntil.toISOString() },
    });
  });
}
