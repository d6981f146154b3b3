"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError, failure, invalid, type FieldErrors } from "@/lib/errors";
import { exerciseQuery } from "@/lib/exercises/schemas";
import { searchExercises } from "@/lib/exercises/search";
import { createRoutine, restoreRoutineRevision, saveRoutine, saveRoutineAsTemplate, setRoutineArchived, type RoutineConflict } from "@/lib/routines/mutations";
import { loadExerciseCards, type ExerciseCard } from "@/lib/routines/queries";
import { newRoutineInput, routineContent } from "@/lib/routines/schemas";

const id = z.coerce.number().int().positive();

export async function createRoutineAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = newRoutineInput.safeParse({
    patientId: formData.get("patientId") || null,
    templateId: formData.get("templateId") || null,
    title: formData.get("title") || undefined,
  });
  if (!parsed.success) redirect("/admin/routines/new?error=invalid");
  const created = await createRoutine(await getDb(), user, parsed.data);
  revalidatePath("/admin/routines");
  redirect(`/admin/routines/${created.id}`);
}

export type SaveRoutineResult =
  | { ok: true; version: number; revision: number }
  | { ok: false; error: string; fieldErrors: FieldErrors; conflict?: RoutineConflict };

/** Saves the whole routine as a new revision on top of baseVersion. */
export async function saveRoutineAction(routineId: unknown, baseVersion: unknown, content: unknown): Promise<SaveRoutineResult> {
  const user = await requireUser();
  const target = z.object({ routineId: id, baseVersion: id }).safeParse({ routineId, baseVersion });
  if (!target.success) return { ok: false, error: "The builder is out of date: reload the page.", fieldErrors: {} };
  const parsed = routineContent.safeParse(content);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const saved = await saveRoutine(await getDb(), user, target.data.routineId, target.data.baseVersion, parsed.data);
    revalidatePath(`/admin/routines/${target.data.routineId}`);
    return { ok: true, ...saved };
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      return { ok: false, error: error.message, fieldErrors: {}, conflict: error.details as RoutineConflict };
    }
    return failure(error);
  }
}

const revisionTarget = z.object({ routineId: id, baseVersion: id, number: id });

export async function restoreRevisionAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = revisionTarget.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  const { routineId, baseVersion, number } = parsed.data;
  try {
    await restoreRoutineRevision(await getDb(), user, routineId, baseVersion, number);
  } catch (error) {
    const message = failure(error).error;
    redirect(`/admin/routines/${routineId}?notice=${encodeURIComponent(message)}`);
  }
  revalidatePath(`/admin/routines/${routineId}`);
  redirect(`/admin/routines/${routineId}?restored=${number}`);
}

export async function saveAsTemplateAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = z.object({ routineId: id, title: z.string().trim().min(1).max(120) }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  const template = await saveRoutineAsTemplate(await getDb(), user, parsed.data.routineId, parsed.data.title);
  revalidatePath("/admin/templates");
  redirect(`/admin/routines/${template.id}?template=1`);
}

export async function archiveRoutineAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = z.object({ routineId: id, archived: z.enum(["true", "false"]) }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  await setRoutineArchived(await getDb(), user, parsed.data.routineId, parsed.data.archived === "true");
  revalidatePath(`/admin/routines/${parsed.data.routineId}`);
}

export type PickerResult = { total: number; cards: ExerciseCard[]; correctedQuery: string | null };

/** The picker beside the routine: the library's search, published exercises only. */
export async function searchPickerAction(query: unknown): Promise<PickerResult> {
  const user = await requireUser();
  const parsed = exerciseQuery.parse({ ...(typeof query === "object" && query ? query : {}), status: "published", page: 1 });
  const db = await getDb();
  const result = await searchExercises(db, user, parsed);
  const cards = await loadExerciseCards(db, result.items.map((i) => i.id));
  return { total: result.total, cards: result.items.flatMap((i) => cards[i.id] ?? []), correctedQuery: result.correctedQuery };
}
