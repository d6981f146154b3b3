import "server-only";
import { and, count, eq, gt, inArray, isNull, ne, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exercises, patients, routines, shareLinks } from "@/db/schema";
import { visiblePatients } from "@/lib/patients/access";
import type { SessionUser } from "@/lib/users/accounts";
import type { ExerciseCategory } from "@/lib/exercises/vocabulary";

export type DashboardSummary = {
  exercises: number;
  patients: number;
  routines: number;
  templates: number;
  activeLinks: number;
  exercisesByCategory: { category: ExerciseCategory; count: number }[];
};

/**
 * The numbers on the admin home page, counted over what the actor may see: under the "own patients" policy
 * a clinician's patients, routines and links are those of the patients assigned or shared to them.
 */
export async function getDashboardSummary(db: Db, actor: SessionUser, now = new Date()): Promise<DashboardSummary> {
  const visible = await visiblePatients(db, actor);
  // Templates are everyone's; a patient's routine counts when its patient is visible.
  const visibleRoutine = visible
    ? or(eq(routines.isTemplate, true), inArray(routines.patientId, db.select({ id: patients.id }).from(patients).where(visible)))
    : undefined;
  const [byCategory, [patientCount], routineCounts, [linkCount]] = await Promise.all([
    db
      .select({ category: exercises.category, count: count() })
      .from(exercises)
      .where(ne(exercises.status, "archived"))
      .groupBy(exercises.category)
      .orderBy(exercises.category),
    db
      .select({ n: count() })
      .from(patients)
      .where(and(isNull(patients.archivedAt), visible)),
    db
      .select({ isTemplate: routines.isTemplate, n: count() })
      .from(routines)
      .where(and(isNull(routines.archivedAt), visibleRoutine))
      .groupBy(routines.isTemplate),
    db
      .select({ n: count() })
      .from(shareLinks)
      .where(
        and(
          isNull(shareLinks.revokedAt),
          gt(shareLinks.expiresAt, now),
          visibleRoutine && inArray(shareLinks.routineId, db.select({ id: routines.id }).from(routines).where(visibleRoutine)),
        ),
      ),
  ]);
  const routinesOf = (isTemplate: boolean) => routineCounts.find((r) => r.isTemplate === isTemplate)?.n ?? 0;
  return {
    exercises: byCategory.reduce((sum, row) => sum + row.count, 0),
    patients: patientCount?.n ?? 0,
    routines: routinesOf(false),
    templates: routinesOf(true),
    activeLinks: linkCount?.n ?? 0,
    exercisesByCategory: byCategory,
  };
}
