"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction, conflictOf } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { exerciseQuery } from "@/lib/exercises/schemas";
import { searchExercises } from "@/lib/exercises/search";
import { idInput } from "@/lib/ids";
import { prerenderHandout } from "@/lib/handout/render-handout";
import {
  createRoutine,
  restoreRoutineRevision,
  saveRoutine,
  saveRoutineAsTemplate,
  setRoutineArchived,
  type RoutineConflict,
} from "@/lib/routines/mutations";
import { copyRoutine, copyRoutineInput } from "@/lib/routines/copy-routine";
import { loadExerciseCards } from "@/lib/routines/queries";
import { newRoutineInput, routineContent } from "@/lib/routines/schemas";

/** The new-routine form: a blank choice means none (a template has no patient; a blank routine no template). */
const newRoutineForm = z.preprocess((raw) => {
  const fields = (typeof raw === "object" && raw ? raw : {}) as Record<string, unknown>;
  return { patientId: fields.patientId || null, templateId: fields.templateId || null, title: fields.title || undefined };
}, newRoutineInput);

export const createRoutineAction = authedAction(newRoutineForm, async (input, user) => {
  const created = await createRoutine(await getDb(), user, input);
  revalidatePath("/admin/routines");
  redirect(`/admin/routines/${created.id}`);
});

/** Saves the whole routine as a new revision on top of baseVersion. */
export const saveRoutineAction = authedAction(
  // Whatever the builder sends: the schema is the judge.
  z.object({ routineId: idInput, baseVersion: idInput, content: z.unknown().pipe(routineContent) }),
  async ({ routineId, baseVersion, content }, user) => {
    const saved = await saveRoutine(await getDb(), user, routineId, baseVersion, content);
    revalidatePath(`/admin/routines/${routineId}`);
    void prerenderHandout(await getDb(), routineId); // the first download is then a cache hit
    return saved;
  },
  { conflict: conflictOf<RoutineConflict>() },
);

export const restoreRevisionAction = authedAction(
  z.object({ routineId: idInput, baseVersion: idInput, number: idInput }),
  async ({ routineId, baseVersion, number }, user) => {
    await restoreRoutineRevision(await getDb(), user, routineId, baseVersion, number);
    revalidatePath(`/admin/routines/${routineId}`);
    redirect(`/admin/routines/${routineId}?restored=${number}`);
  },
);

export const saveAsTemplateAction = authedAction(
  z.object({ routineId: idInput, title: z.string().trim().min(1, "Give the template a title.").max(120, "Use at most 120 characters.") }),
  async ({ routineId, title }, user) => {
    const template = await saveRoutineAsTemplate(await getDb(), user, routineId, title);
    revalidatePath("/admin/templates");
    redirect(`/admin/routines/${template.id}?template=1`);
  },
);

export const archiveRoutineAction = authedAction(
  z.object({ routineId: idInput, archived: z.enum(["true", "false"]) }),
  async ({ routineId, archived }, user) => {
    await setRoutineArchived(await getDb(), user, routineId, archived === "true");
    revalidatePath(`/admin/routines/${routineId}`);
  },
);

/** The picker beside the routine: the library's search, published exercises only. */
const pickerQuery = z.preprocess(
  (query) => ({ ...(typeof query === "object" && query ? query : {}), status: "published", page: 1 }),
  exerciseQuery,
);

export const searchPickerAction = authedAction(pickerQuery, async (query) => {
  const db = await getDb();
  const result = await searchExercises(db, query);
  const cards = await loadExerciseCards(
    db,
    result.items.map((i) => i.id),
  );
  return { total: result.total, cards: result.items.flatMap((i) => cards[i.id] ?? []), correctedQuery: result.correctedQuery };
});

/** "Duplicate" (same patient) and "Copy to another patient": a new routine at revision 1, opened at once. */
export const copyRoutineAction = authedAction(copyRoutineInput, async (input, user) => {
  const copy = await copyRoutine(await getDb(), user, input);
  revalidatePath("/admin/routines");
  redirect(`/admin/routines/${copy.id}?copied=${input.patientId === null ? "duplicate" : "patient"}`);
});
