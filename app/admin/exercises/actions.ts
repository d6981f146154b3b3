"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError, failure, invalid, type FieldErrors } from "@/lib/errors";
import { makeExerciseImageMain, removeExerciseImage, updateExerciseImageAlt } from "@/lib/exercises/image-mutations";
import { createExercise, deleteExercise, duplicateExercise, updateExercise, type ExerciseConflict } from "@/lib/exercises/mutations";
import { exerciseInput } from "@/lib/exercises/schemas";

export type SaveExerciseResult =
  | { ok: true; id: number; version: number }
  | { ok: false; error: string; fieldErrors: FieldErrors; conflict?: ExerciseConflict };

const target = z.object({ id: z.number().int().positive(), baseVersion: z.number().int().positive() }).nullable();

/** Creates (target null) or saves an edit made on top of target.baseVersion. */
export async function saveExerciseAction(where: unknown, values: unknown): Promise<SaveExerciseResult> {
  const user = await requireUser();
  const parsedTarget = target.safeParse(where);
  if (!parsedTarget.success) return { ok: false, error: "The form is out of date: reload the page.", fieldErrors: {} };
  const parsed = exerciseInput.safeParse(values);
  if (!parsed.success) return invalid(parsed.error);

  const db = await getDb();
  try {
    if (!parsedTarget.data) {
      const { id } = await createExercise(db, user, parsed.data);
      revalidatePath("/admin/exercises");
      return { ok: true, id, version: 1 };
    }
    const { id, baseVersion } = parsedTarget.data;
    const { version } = await db.transaction((tx) => updateExercise(tx, user, id, baseVersion, parsed.data));
    revalidatePath("/admin/exercises");
    revalidatePath(`/admin/exercises/${id}`);
    return { ok: true, id, version };
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      return { ok: false, error: error.message, fieldErrors: {}, conflict: error.details as ExerciseConflict };
    }
    return failure(error);
  }
}

const exerciseId = z.coerce.number().int().positive();

export async function duplicateExerciseAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const id = exerciseId.safeParse(formData.get("exerciseId"));
  if (!id.success) return;
  const copy = await duplicateExercise(await getDb(), user, id.data);
  revalidatePath("/admin/exercises");
  redirect(`/admin/exercises/${copy.id}?duplicated=1`);
}

export type DeleteState = { error?: string };

export async function deleteExerciseAction(_previous: DeleteState, formData: FormData): Promise<DeleteState> {
  const user = await requireUser();
  const id = exerciseId.safeParse(formData.get("exerciseId"));
  if (!id.success) return { error: "That exercise could not be found." };
  try {
    await deleteExercise(await getDb(), user, id.data);
  } catch (error) {
    return { error: failure(error).error };
  }
  revalidatePath("/admin/exercises");
  redirect("/admin/exercises");
}

const imageTarget = z.object({ exerciseId, imageId: exerciseId, alt: z.string().max(300).optional() });

// Callers check the session first (each exported action is its own public endpoint).
async function withImage(formData: FormData, change: (db: Awaited<ReturnType<typeof getDb>>, exercise: number, image: number, alt: string) => Promise<void>) {
  const parsed = imageTarget.safeParse({
    exerciseId: formData.get("exerciseId"),
    imageId: formData.get("imageId"),
    alt: formData.get("alt") ?? undefined,
  });
  if (!parsed.success) return;
  try {
    await change(await getDb(), parsed.data.exerciseId, parsed.data.imageId, parsed.data.alt ?? "");
  } catch (error) {
    failure(error); // a picture someone already removed: nothing to do
  }
  revalidatePath(`/admin/exercises/${parsed.data.exerciseId}`);
}

export async function updateImageAltAction(formData: FormData) {
  const user = await requireUser();
  await withImage(formData, (db, e, i, alt) => updateExerciseImageAlt(db, user, e, i, alt));
}
export async function makeImageMainAction(formData: FormData) {
  const user = await requireUser();
  await withImage(formData, (db, e, i) => makeExerciseImageMain(db, user, e, i));
}
export async function removeImageAction(formData: FormData) {
  const user = await requireUser();
  await withImage(formData, (db, e, i) => removeExerciseImage(db, user, e, i));
}
