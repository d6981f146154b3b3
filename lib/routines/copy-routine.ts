import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { insertRoutine, readRoutineContent } from "@/db/routine-store";
import { patients, routines } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { idInput } from "@/lib/ids";
import { assertPatientAccess, assertRoutineAccess } from "@/lib/patients/access";
import type { SessionUser } from "@/lib/users/accounts";
import { routineContent } from "./schemas";

/** "Duplicate" (no patient: the same patient) or "Copy to another patient" (that patient). */
export const copyRoutineInput = z.object({
  routineId: idInput,
  patientId: z.preprocess((v) => (v === "" || v === undefined ? null : v), idInput.nullable()),
});
export type CopyRoutineInput = z.infer<typeof copyRoutineInput>;

const maxTitle = 120;
const copyTitle = (title: string) => (title.endsWith("(copy)") ? title : `${title} (copy)`.slice(0, maxTitle));

/**
 * A new routine with the source's current content: for the same patient ("Duplicate", titled "… (copy)") or
 * for another patient the actor may see (dates left out: they were the first patient's). The copy starts at
 * revision 1 with a history of its own, and no links; the source is untouched. Audited on the new routine.
 */
export async function copyRoutine(db: Db, actor: SessionUser, input: CopyRoutineInput): Promise<{ id: number }> {
  await assertRoutineAccess(db, actor, input.routineId);
  const [source] = await db
    .select({ patientId: routines.patientId, isTemplate: routines.isTemplate })
    .from(routines)
    .where(eq(routines.id, input.routineId));
  const content = source ? await readRoutineContent(db, input.routineId) : null;
  if (!source || !content) throw new AppError("not_found", "That routine no longer exists.");
  if (source.isTemplate) throw new AppError("validation", "Start a patient's routine from the template instead of copying it.");

  const patientId = input.patientId ?? source.patientId!;
  const otherPatient = patientId !== source.patientId;
  if (otherPatient) await assertPatientAccess(db, actor, patientId);
  const [patient] = await db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.id, patientId), isNull(patients.archivedAt)));
  if (!patient) {
    throw new AppError("not_found", "That patient does not exist or is archived.", { patientId: ["Choose a current patient."] });
  }

  const copied = routineContent.parse({
    ...content,
    title: otherPatient ? content.title : copyTitle(content.title),
    startDate: otherPatient ? null : content.startDate,
    reviewDate: otherPatient ? null : content.reviewDate,
  });
  return db.transaction(async (tx) => {
    const row = await insertRoutine(tx, { patientId }, copied, actor.id);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: otherPatient ? "routine.copied" : "routine.duplicated",
      entityType: "routine",
      entityId: row.id,
      changes: { from: input.routineId, patientId },
    });
    return { id: row.id };
  });
}
