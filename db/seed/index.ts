import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Illustration } from "@/lib/illustrations/schema";
import type { Db, Tx } from "../client";
import { insertRoutine } from "../routine-store";
import { auditEvents, exercises, routines, seedLog } from "../schema";
import { starterExercises } from "./exercises";
import { starterIllustrations } from "./illustrations";
import { starterTemplates } from "./templates";
import type { SeedExercise, SeedTemplate } from "./types";

export type SeedReport = { exercisesAdded: number; templatesAdded: number; illustrationsAdded: number };

const exerciseSeedKey = (key: string) => `exercise:${key}`;
const illustrationSeedKey = (key: string) => `illustration:${key}`;
const templateSeedKey = (key: string) => `template:${key}`;

/**
 * Plants the starter library and templates. Each starter item is planted at most once per database
 * (remembered in seed_log), so re-running never duplicates, never overwrites a clinician's edits and
 * never brings back something a clinician removed.
 */
export async function seedStarterContent(
  db: Db,
  content: { exercises: SeedExercise[]; templates: SeedTemplate[]; illustrations?: Record<string, Illustration> } = {
    exercises: starterExercises,
    templates: starterTemplates,
    illustrations: starterIllustrations,
  },
): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    const illustrations = content.illustrations ?? {};
    const wanted = [
      ...content.exercises.map((e) => exerciseSeedKey(e.key)),
      ...Object.keys(illustrations).map(illustrationSeedKey),
      ...content.templates.map((t) => templateSeedKey(t.key)),
    ];
    const done = new Set((await tx.select({ key: seedLog.key }).from(seedLog).where(inArray(seedLog.key, wanted))).map((r) => r.key));

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
            illustration: illustrations[e.key] ?? null,
            status: "published" as const,
          })),
        )
        // A clinician may already have an exercise under this key (e.g. imported): theirs wins.
        .onConflictDoNothing({ target: exercises.key });
      await tx.insert(seedLog).values(newExercises.map((e) => ({ key: exerciseSeedKey(e.key) })));
      const drawn = newExercises.filter((e) => illustrations[e.key] && !done.has(illustrationSeedKey(e.key)));
      if (drawn.length) await tx.insert(seedLog).values(drawn.map((e) => ({ key: illustrationSeedKey(e.key) })));
      drawn.forEach((e) => done.add(illustrationSeedKey(e.key)));
    }
    const illustrationsAdded = await fillStarterIllustrations(tx, illustrations, done);

    let templatesAdded = 0;
    for (const template of content.templates) {
      if (done.has(templateSeedKey(template.key))) continue;
      await insertTemplate(tx, template);
      await tx.insert(seedLog).values({ key: templateSeedKey(template.key) });
      templatesAdded++;
    }
    return { exercisesAdded: newExercises.length, templatesAdded, illustrationsAdded };
  });
}

/**
 * A database seeded before illustrations existed: gives each starter exercise that has no drawing its
 * starter one, once per key. A drawing a clinician made, or removed, is never touched. Bumps the version
 * (a form opened before sees a conflict instead of saving "no drawing" over it) and records it in the audit.
 */
async function fillStarterIllustrations(tx: Tx, illustrations: Record<string, Illustration>, done: Set<string>): Promise<number> {
  let added = 0;
  for (const [key, illustration] of Object.entries(illustrations)) {
    if (done.has(illustrationSeedKey(key))) continue;
    const filled = await tx
      .update(exercises)
      .set({ illustration, version: sql`${exercises.version} + 1`, updatedAt: new Date() })
      .where(and(eq(exercises.key, key), isNull(exercises.illustration)))
      .returning({ id: exercises.id, version: exercises.version });
    for (const row of filled)
      await tx.insert(auditEvents).values({
        actorId: null,
        action: "exercise.illustrated",
        entityType: "exercise",
        entityId: row.id,
        changes: { version: row.version, fields: { illustration: { from: null, to: illustration } } },
      });
    await tx.insert(seedLog).values({ key: illustrationSeedKey(key) });
    added += filled.length;
  }
  return added;
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

  // Skip an item whose exercise is gone (a clinician removed it before the template was planted).
  const sections = template.sections.map((section) => ({
    title: section.title,
    items: section.items.flatMap((item) => {
      const exercise = byKey.get(item.exerciseKey);
      return exercise ? [{ exerciseId: exercise.id, dose: item.dose ?? exercise.defaultDose, note: item.note ?? "" }] : [];
    }),
  }));
  await insertRoutine(
    tx,
    { patientId: null, key: template.key },
    { title: template.title, instructions: template.instructions, startDate: null, reviewDate: null, sections },
    null,
  );
}
