"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction, conflictOf } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { makeExerciseImageMain, removeExerciseImage, updateExerciseImageAlt } from "@/lib/exercises/image-mutations";
import { createExercise, deleteExercise, duplicateExercise, updateExercise, type ExerciseConflict } from "@/lib/exercises/mutations";
import { exerciseInput } from "@/lib/exercises/schemas";
import { idInput } from "@/lib/ids";

const saveInput = z.object({
  /** null creates; otherwise an edit made on top of baseVersion. */
  target: z.object({ id: idInput, baseVersion: idInput }).nullable(),
  // Whatever the editor sends: the schema is the judge.
  values: z.unknown().pipe(exerciseInput),
});

export const saveExerciseAction = authedAction(
  saveInput,
  async ({ target, values }, user) => {
    const db = await getDb();
    if (!target) {
      const { id } = await createExercise(db, user, values);
      revalidatePath("/admin/exercises");
      return { id, version: 1 };
    }
    const { version } = await db.transaction((tx) => updateExercise(tx, user, target.id, target.baseVersion, values));
    revalidatePath("/admin/exercises");
    revalidatePath(`/admin/exercises/${target.id}`);
    return { id: target.id, version };
  },
  { conflict: conflictOf<ExerciseConflict>() },
);

const exerciseTarget = z.object({ exerciseId: idInput });

export const duplicateExerciseAction = authedAction(exerciseTarget, async ({ exerciseId }, user) => {
  const copy = await duplicateExercise(await getDb(), user, exerciseId);
  revalidatePath("/admin/exercises");
  redirect(`/admin/exercises/${copy.id}?duplicated=1`);
});

export const deleteExerciseAction = authedAction(exerciseTarget, async ({ exerciseId }, user) => {
  await deleteExercise(await getDb(), user, exerciseId);
  revalidatePath("/admin/exercises");
  redirect("/admin/exercises");
});

const imageTarget = z.object({ exerciseId: idInput, imageId: idInput });

export const updateImageAltAction = authedAction(
  imageTarget.extend({ alt: z.string().max(300, "Use at most 300 characters.").default("") }),
  async ({ exerciseId, imageId, alt }, user) => {
    await updateExerciseImageAlt(await getDb(), user, exerciseId, imageId, alt);
    revalidatePath(`/admin/exercises/${exerciseId}`);
  },
);

export const makeImageMainAction = authedAction(imageTarget, async ({ exerciseId, imageId }, user) => {
  await makeExerciseImageMain(await getDb(), user, exerciseId, imageId);
  revalidatePath(`/admin/exercises/${exerciseId}`);
});

export const removeImageAction = authedAction(imageTarget, async ({ exerciseId, imageId }, user) => {
  await removeExerciseImage(await getDb(), user, exerciseId, imageId);
  revalidatePath(`/admin/exercises/${exerciseId}`);
});
