import "server-only";
import { and, eq, exists, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicSettings, patients, patientShares, routines, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/users/accounts";

/**
 * Who sees which patient, as the clinic's admin chose: "all" (team care, the default: every clinician
 * works with every patient) or "own" (a clinician sees the patients assigned to them and those shared with
 * them). Admins see everyone. Enforced here, in the data layer every page, action, PDF and link uses.
 */
export const patientPolicies = ["all", "own"] as const;
export type PatientPolicy = (typeof patientPolicies)[number];
const policyKey = "patient_visibility";

export async function getPatientPolicy(db: Db): Promise<PatientPolicy> {
  const [row] = await db.select({ value: clinicSettings.value }).from(clinicSettings).where(eq(clinicSettings.key, policyKey));
  return row?.value === "own" ? "own" : "all";
}

export async function setPatientPolicy(db: Db, actor: SessionUser, policy: PatientPolicy): Promise<void> {
  if (actor.role !== "admin") throw new AppError("forbidden", "Only an administrator can do that.");
  if (!patientPolicies.includes(policy)) throw new AppError("validation", "Choose who sees which patients.");
  await db
    .insert(clinicSettings)
    .values({ key: policyKey, value: policy })
    .onConflictDoUpdate({ target: clinicSettings.key, set: { value: policy, updatedAt: new Date() } });
  await recordAuditEvent(db, {
    actorId: actor.id,
    action: "clinic.patient_policy",
    entityType: "clinic",
    entityId: null,
    changes: { policy },
  });
}

/** True in SQL when the clinic's policy is "own": read inside the query that needs it, so it costs no trip. */
const ownPolicy = sql`coalesce((select ${clinicSettings.value} from ${clinicSettings} where ${clinicSettings.key} = ${policyKey}), 'all') = 'own'`;

/**
 * A condition on `patients` rows the actor may see, or undefined when they may see all (admins). For a
 * clinician the policy itself is part of the condition, so the caller's query reads it with no trip of its own.
 */
export async function visiblePatients(_db: Db, actor: SessionUser): Promise<SQL | undefined> {
  if (actor.role === "admin") return undefined;
  return or(
    sql`not ${ownPolicy}`,
    eq(patients.clinicianId, actor.id),
    sql`exists (select 1 from ${patientShares} where ${patientShares.patientId} = ${patients.id} and ${patientShares.userId} = ${actor.id})`,
  );
}

/** Throws not_found (never "forbidden": nobody learns the patient exists) when the actor may not see them. */
export async function assertPatientAccess(db: Db, actor: SessionUser, patientId: number): Promise<void> {
  const visible = await visiblePatients(db, actor);
  if (!visible) return;
  const [row] = await db
    .select({
      restricted: sql<number>`${ownPolicy}`,
      seen: sql<number>`${exists(
        db
          .select({ one: sql`1` })
          .from(patients)
          .where(and(eq(patients.id, patientId), visible)),
      )}`,
    })
    .from(sql`(select 1)`);
  if (row?.restricted && !row.seen) throw new AppError("not_found", "That patient does not exist.");
}

/**
 * The access check of a routine as one query, to go into the caller's batch (so it costs no trip of its own):
 * pass its rows to throwUnlessRoutineSeen. Templates are everyone's; a patient's routine follows its patient;
 * admins, and everyone under the "all" policy, are never refused (a missing routine is the caller's not_found).
 */
export function routineAccessQuery(db: Db, actor: SessionUser, routineId: number) {
  const visible = or(
    eq(patients.clinicianId, actor.id),
    sql`exists (select 1 from ${patientShares} where ${patientShares.patientId} = ${patients.id} and ${patientShares.userId} = ${actor.id})`,
  );
  return db
    .select({
      restricted: actor.role === "admin" ? sql<number>`0` : sql<number>`${ownPolicy}`,
      seen: sql<number>`${exists(
        db
          .select({ one: sql`1` })
          .from(routines)
          .leftJoin(patients, eq(patients.id, routines.patientId))
          .where(and(eq(routines.id, routineId), or(isNull(routines.patientId), visible))),
      )}`,
    })
    .from(sql`(select 1)`);
}

export function throwUnlessRoutineSeen(rows: { restricted: number; seen: number }[] | undefined): void {
  const [row] = rows ?? [];
  if (row?.restricted && !row.seen) throw new AppError("not_found", "That routine does not exist.");
}

/** Templates are everyone's; a patient's routine follows its patient. One query for clinicians, none for admins. */
export async function assertRoutineAccess(db: Db, actor: SessionUser, routineId: number): Promise<void> {
  if (actor.role === "admin") return;
  throwUnlessRoutineSeen(await routineAccessQuery(db, actor, routineId));
}

/** Assigns a patient to a clinician (anyone who may see the patient may hand them over). */
export async function assignPatient(db: Db, actor: SessionUser, patientId: number, clinicianId: number): Promise<void> {
  await assertPatientAccess(db, actor, patientId);
  const [clinician] = await db.select({ id: users.id, disabled: users.disabled }).from(users).where(eq(users.id, clinicianId));
  if (!clinician || clinician.disabled)
    throw new AppError("validation", "Choose an active colleague.", { clinicianId: ["Choose an active colleague."] });
  await db.update(patients).set({ clinicianId, updatedAt: new Date() }).where(eq(patients.id, patientId));
  await recordAuditEvent(db, {
    actorId: actor.id,
    action: "patient.assigned",
    entityType: "patient",
    entityId: patientId,
    changes: { clinicianId },
  });
}

/** Shares a patient with a colleague besides their clinician (or stops sharing). */
export async function setPatientShared(db: Db, actor: SessionUser, patientId: number, userId: number, shared: boolean): Promise<void> {
  await assertPatientAccess(db, actor, patientId);
  const [colleague] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!colleague) throw new AppError("validation", "Choose a colleague.", { userId: ["Choose a colleague."] });
  if (shared) await db.insert(patientShares).values({ patientId, userId }).onConflictDoNothing();
  else await db.delete(patientShares).where(and(eq(patientShares.patientId, patientId), eq(patientShares.userId, userId)));
  await recordAuditEvent(db, {
    actorId: actor.id,
    action: shared ? "patient.shared" : "patient.unshared",
    entityType: "patient",
    entityId: patientId,
    changes: { userId },
  });
}

/** The colleagues a patient is shared with, and the clinician's name, for the patient's page. */
export async function getPatientCare(db: Db, actor: SessionUser, patientId: number) {
  await assertPatientAccess(db, actor, patientId);
  const [row] = await db
    .select({ clinicianId: patients.clinicianId, clinician: users.name })
    .from(patients)
    .leftJoin(users, eq(users.id, patients.clinicianId))
    .where(eq(patients.id, patientId));
  const sharedWith = await db
    .select({ id: users.id, name: users.name })
    .from(patientShares)
    .innerJoin(users, eq(users.id, patientShares.userId))
    .where(eq(patientShares.patientId, patientId));
  return { clinicianId: row?.clinicianId ?? null, clinician: row?.clinician ?? null, sharedWith };
}

/** Active colleagues to assign or share a patient with, by name (anyone signed in may see who works here). */
export async function listColleagues(db: Db): Promise<{ id: number; name: string }[]> {
  return db.select({ id: users.id, name: users.name }).from(users).where(eq(users.disabled, false)).orderBy(users.name);
}
