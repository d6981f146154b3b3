import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { patients } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { sameValue } from "@/lib/exercises/diff";
import type { SessionUser } from "@/lib/users/accounts";
import type { VersionConflict } from "@/lib/versioned-save/conflict";
import { updateWhereVersion, versionConflict } from "@/lib/versioned-save/save";
import { assertPatientAccess } from "./access";
import { patientFieldLabels, patientFields, type PatientField, type PatientInput } from "./schemas";

type PatientRow = typeof patients.$inferSelect;

/** Per field, old and new value; clinical notes only ever as "changed", so their text never reaches the audit log. */
export type PatientChanges = Partial<Record<PatientField, { from: unknown; to: unknown } | "changed">>;

export function diffPatient(before: Partial<PatientInput>, after: Partial<PatientInput>): PatientChanges {
  const changes: PatientChanges = {};
  for (const field of patientFields) {
    if (!(field in after) || sameValue(before[field] || null, after[field] || null)) continue;
    changes[field] = field === "notes" ? "changed" : { from: before[field] ?? null, to: after[field] ?? null };
  }
  return changes;
}

function toPatientInput(row: PatientRow): PatientInput {
  const { displayName, externalRef, email, phone, notes } = row;
  return { displayName, externalRef, email, phone, notes };
}

export async function createPatient(db: Db, actor: SessionUser, input: PatientInput): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(patients)
      .values({ ...input, createdBy: actor.id, clinicianId: actor.id })
      .returning({ id: patients.id });
    if (!row) throw new Error("Inserting the patient returned no row.");
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "patient.created",
      entityType: "patient",
      entityId: row.id,
      changes: { version: 1, fields: diffPatient({}, input) },
    });
    return { id: row.id };
  });
}

export type PatientConflict = VersionConflict<PatientInput, PatientField>;

/**
 * Saves an edit made on top of `baseVersion`. If someone saved in between, nothing is written and an
 * AppError("conflict") says who and carries the saved values, so the editor can compare before saving again.
 */
export async function updatePatient(
  db: Db,
  actor: SessionUser,
  id: number,
  baseVersion: number,
  input: PatientInput,
): Promise<{ version: number; changes: PatientChanges }> {
  await assertPatientAccess(db, actor, id);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(patients).where(eq(patients.id, id));
    if (!before) throw new AppError("not_found", "That patient no longer exists.");
    if (before.version !== baseVersion) throw await patientConflict(tx, before, baseVersion);

    const changes = diffPatient(toPatientInput(before), input);
    if (Object.keys(changes).length === 0) return { version: before.version, changes };
    const version = await updateWhereVersion(tx, patients, id, baseVersion, { ...input, updatedAt: new Date() });
    // Someone saved between our read and our write: the version check in WHERE caught it.
    if (version === null) {
      const [now] = await tx.select().from(patients).where(eq(patients.id, id));
      throw now ? await patientConflict(tx, now, baseVersion) : new AppError("not_found", "That patient no longer exists.");
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "patient.updated",
      entityType: "patient",
      entityId: id,
      changes: { version, fields: changes },
    });
    return { version, changes };
  });
}

const patientConflict = (tx: Tx, current: PatientRow, baseVersion: number) =>
  versionConflict(tx, {
    entityType: "patient",
    id: current.id,
    baseVersion,
    currentVersion: current.version,
    current: toPatientInput(current),
    labels: patientFieldLabels,
    advice: "Nothing of yours was saved and your text is still in the form: compare, then save again to keep yours.",
  });

/**
 * Archives (or restores) a patient: they leave the lists, their routines and history stay. The version is
 * not bumped, because no field the edit form holds changes, so an editor with the page open can still save.
 */
export async function setPatientArchived(db: Db, actor: SessionUser, id: number, archived: boolean): Promise<void> {
  await assertPatientAccess(db, actor, id);
  await db.transaction(async (tx) => {
    const now = new Date();
    const changed = await tx
      .update(patients)
      .set({ archivedAt: archived ? now : null, updatedAt: now })
      .where(and(eq(patients.id, id), archived ? isNull(patients.archivedAt) : isNotNull(patients.archivedAt)))
      .returning({ id: patients.id });
    if (changed.length === 0) {
      const [exists] = await tx.select({ id: patients.id }).from(patients).where(eq(patients.id, id));
      if (!exists) throw new AppError("not_found", "That patient no longer exists.");
      return; // already as asked (a double click, or two people at once): nothing to record
    }
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: archived ? "patient.archived" : "patient.restored",
      entityType: "patient",
      entityId: id,
      changes: { archived: { from: !archived, to: archived } },
    });
  });
}
