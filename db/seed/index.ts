import { eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { writeRoutineContent } from "../routine-store";
import { exercises, routines, seedLog } from "../schema";
import { starterExercises } from "./exercises";
import { starterTemplates } from "./templates";
import type { SeedExercise, SeedTemplate } from "./types";

export type SeedReport = { exercisesAdded: number; templatesAdded: number };

const exerciseSeedKey = (key: string) => `exercise:${key}`;
const templateSeedKey = (key: string) => `template:${key}`;

/**
 * Plants the starter library and templates. Each starter item is planted at most once per database
 * (remembered in seed_log), so re-running never duplicates, never overwrites a clinician's edits and
 * never brings back something a clinician removed.
 */
export async function seedStarterContent(
  db: Db,
  content: { exercises: SeedExercise[]; templates: SeedTemplate[] } = {
    exercises: starterExercises,
    templates: starterTemplates,
  },
): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    const wanted = [
      ...content.exercises.map((e) => exerciseSeedKey(e.key)),
      ...content.templates.map((t) => templateSeedKey(t.key)),
    ];
    const done = new Set(
      (await tx.select({ key: seedLog.key }).from(seedLog).where(inArray(seedLog.key, wanted))).map((r) => r.key),
    );

    const newExercises = content.exercises.filter((e) => !done.has(exerciseSeedKey(e.key)));
    if (newExercises.length > 0) {
      await tx
        .insert(exercises)
        .values(
          newExercises.map((e) => ({
            key: e.key,
            name: e.name,
            summary: e.summary,
            steps: e.steps,
            cues: e.cues,
            precautions: e.precautions,
            category: e.category,
            bodyRegions: e.bodyRegions,
            equipment: e.equipment,
            position: e.position,
            difficulty: e.difficulty,
            tags: e.tags,
            defaultDose: e.defaultDose,
            status: "published" as const,
          })),
        )
        // A clinician may already have an exercise under this key (e.g. imported): theirs wins.
        .onConflictDoNothing({ target: exercises.key });
      await tx.insert(seedLog).values(newExercises.map((e) => ({ key: exerciseSeedKey(e.key) })));
    }

    let templatesAdded = 0;
    for (const template of content.templates) {
      if (done.has(templateSeedKey(template.key))) continue;
      await insertTemplate(tx, template);
      await tx.insert(seedLog).values({ key: templateSeedKey(template.key) });
      templatesAdded++;
    }
    return { exercisesAdded: newExercises.length, templatesAdded };
  });
}

async function insertTemplate(tx: Tx, template: SeedTemplate): Promise<void> {
  const keys = template.sections.flatMap((s) => s.items.map((i) => i.exerciseKey));
  const found = await tx
    .select({ id: exercises.id, key: exercises.key, defaultDose: exercises.defaultDose })
    .from(exercises)
    .where(inArray(exercises.key, keys));
  const byKey = new Map(found.map((e) => [e.key, e]));

  const existing = await tx.select({ id: routines.id }).from(routines).where(eq(routines.key, template.key));
  if (existing.length > 0) return;

  const [routine] = await tx
    .insert(routines)
    .values({ isTemplate: true, key: template.key, title: template.title, instructions: template.instructions })
    .returning({ id: routines.id });
  if (!routine) throw new Error(`Could not create the template "${template.title}".`);

  // Skip an item whose exercise is gone (a clinician removed it before the template was planted).
  const sections = template.sections.map((section) => ({
    title: section.title,
    items: section.items.flatMap((item) => {
      const exercise = byKey.get(item.exerciseKey);
      return exercise ? [{ exerciseId: exercise.id, dose: item.dose ?? exercise.defaultDose, note: item.note ?? "" }] : [];
    }),
  }));
  await writeRoutineContent(tx, routine.id, { title: template.title, instructions: template.instructions, startDate: null, reviewDate: null, sections }, null);
}
