import "server-only";
import { and, count, gt, isNull, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exercises, patients, routines, shareLinks } from "@/db/schema";
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

/** The numbers on the admin home page. Any signed-in clinician may see them (`actor` proves sign-in). */
export async function getDashboardSummary(db: Db, actor: SessionUser, now = new Date()): Promise<DashboardSummary> {
  void actor;
  const [byCategory, [patientCount], routineCounts, [linkCount]] = await Promise.all([
    db
      .select({ category: exercises.category, count: count() })
      .from(exercises)
      .where(ne(exercises.status, "archived"))
      .groupBy(exercises.category)
      .orderBy(exercises.category),
    db.select({ n: count() }).from(patients).where(isNull(patients.archivedAt)),
    db
      .select({ isTemplate: routines.isTemplate, n: count() })
      .from(routines)
      .where(isNull(routines.archivedAt))
      .groupBy(routines.isTemplate),
    db
      .select({ n: count() })
      .from(shareLinks)
      .where(and(isNull(shareLinks.revokedAt), gt(shareLinks.expiresAt, now))),
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

