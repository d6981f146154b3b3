import { asc, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exercises } from "@/db/schema";
import type { SessionUser } from "@/lib/users/accounts";

export type ExerciseListItem = Pick<
  typeof exercises.$inferSelect,
  "id" | "key" | "name" | "summary" | "category" | "bodyRegions" | "equipment" | "status" | "updatedAt"
>;

/** The library, alphabetically; archived exercises only when asked for. */
export async function listExercises(
  db: Db,
  actor: SessionUser,
  { includeArchived = false } = {},
): Promise<ExerciseListItem[]> {
  void actor; // any signed-in clinician may read the library
  return db
    .select({
      id: exercises.id,
      key: exercises.key,
      name: exercises.name,
      summary: exercises.summary,
      category: exercises.category,
      bodyRegions: exercises.bodyRegions,
      equipment: exercises.equipment,
      status: exercises.status,
      updatedAt: exercises.updatedAt,
    })
    .from(exercises)
    .where(includeArchived ? undefined : ne(exercises.status, "archived"))
    .orderBy(asc(exercises.name));
}
