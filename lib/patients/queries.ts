import "server-only";
import { and, asc, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients, routines } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/users/accounts";
import { assertPatientAccess, visiblePatients } from "./access";
import type { PatientInput, PatientQuery } from "./schemas";

export const pageSize = 25;

export type PatientListItem = { id: number; displayName: string; externalRef: string | null; archivedAt: Date | null; updatedAt: Date };
export type PatientList = { items: PatientListItem[]; total: number; page: number; pageCount: number };

export type PatientDetail = PatientInput & { id: number; archivedAt: Date | null; version: number; createdAt: Date; updatedAt: Date };

export type PatientRoutine = {
  id: number;
  title: string;
  archivedAt: Date | null;
  updatedAt: Date;
  startDate: string | null;
  reviewDate: string | null;
  version: number;
};

/** A LIKE pattern matching `typed` anywhere, with LIKE's own wildcards in it taken literally. */
export function containsPattern(typed: string): string {
  return `%${typed.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function matching(query: PatientQuery, actor: SessionUser, visible: SQL | undefined): SQL | undefined {
  const where: (SQL | undefined)[] = [visible];
  if (query.view === "mine") where.push(eq(patients.clinicianId, actor.id));
  if (!query.archived) where.push(isNull(patients.archivedAt));
  if (query.q) {
    // SQLite's LIKE ignores case (for ASCII letters) already.
    const pattern = containsPattern(query.q);
    where.push(or(sql`${patients.displayName} like ${pattern} escape '\\'`, sql`${patients.externalRef} like ${pattern} escape '\\'`));
  }
  return where.length ? and(...where) : undefined;
}

/** One page of patients, alphabetical; searched by display name and external reference. */
export async function listPatients(db: Db, actor: SessionUser, query: PatientQuery): Promise<PatientList> {
  const where = matching(query, actor, await visiblePatients(db, actor));
  const [items, counted] = await Promise.all([
    db
      .select({
        id: patients.id,
        displayName: patients.displayName,
        externalRef: patients.externalRef,
        archivedAt: patients.archivedAt,
        updatedAt: patients.updatedAt,
      })
      .from(patients)
      .where(where)
      .orderBy(sql`${patients.displayName} collate nocase`, asc(patients.id))
      .limit(pageSize)
      .offset((query.page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)` })
      .from(patients)
      .where(where),
  ]);
  const total = counted[0]?.n ?? 0;
  return { items, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** One patient, archived or not: an archived patient keeps their page and history. */
export async function getPatient(db: Db, actor: SessionUser, id: number): Promise<PatientDetail> {
  await assertPatientAccess(db, actor, id);
  const [row] = await db.select().from(patients).where(eq(patients.id, id));
  if (!row) throw new AppError("not_found", "That patient does not exist.");
  const { displayName, externalRef, email, phone, notes, archivedAt, version, createdAt, updatedAt } = row;
  return { id: row.id, displayName, externalRef, email, phone, notes, archivedAt, version, createdAt, updatedAt };
}

/** A patient's routines: current ones first (most recently changed first), then the archived ones. */
export async function listPatientRoutines(db: Db, actor: SessionUser, patientId: number): Promise<PatientRoutine[]> {
  await assertPatientAccess(db, actor, patientId);
  return db
    .select({
      id: routines.id,
      title: routines.title,
      archivedAt: routines.archivedAt,
      updatedAt: routines.updatedAt,
      startDate: routines.startDate,
      reviewDate: routines.reviewDate,
      version: routines.version,
    })
    .from(routines)
    .where(and(eq(routines.patientId, patientId), eq(routines.isTemplate, false)))
    .orderBy(sql`${routines.archivedAt} is not null`, desc(routines.updatedAt), desc(routines.id));
}
