import type { Metadata } from "next";
import { BackLink } from "@/components/ui/back-link";
import { notFound } from "next/navigation";
import { DeleteExerciseButton } from "@/components/exercises/delete-exercise-button";
import { ExerciseForm } from "@/components/exercises/exercise-form";
import { ExerciseHistory } from "@/components/exercises/exercise-history";
import { ExerciseImages } from "@/components/exercises/exercise-images";
import { ActionForm } from "@/components/ui/action-form";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getExercise, listExerciseHistory } from "@/lib/exercises/queries";
import { parseId } from "@/lib/ids";
import { labelOf } from "@/lib/exercises/vocabulary";
import {
  deleteExerciseAction,
  duplicateExerciseAction,
  makeImageMainAction,
  removeImageAction,
  saveExerciseAction,
  updateImageAltAction,
} from "../actions";

export const metadata: Metadata = { title: "Edit exercise" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string; duplicated?: string; pictures?: string; refused?: string }>;
};

export default async function ExercisePage({ params, searchParams }: Props) {
  await requireUser();
  const id = parseId((await params).id) ?? notFound();
  const db = await getDb();
  const exercise = await getExercise(db, id).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const history = await listExerciseHistory(db, id);
  const { created, duplicated, pictures, refused } = await searchParams;
  // Pictures chosen before the first save were uploaded right after it: say how many arrived and how many did not.
  const added = Number(pictures) || 0;
  const notAdded = Number(refused) || 0;
  const createdNotice = [
    "Exercise created.",
    added > 0 && `${added} picture${added === 1 ? "" : "s"} added.`,
    notAdded > 0 &&
      `${notAdded} picture${notAdded === 1 ? " was" : "s were"} not added: add ${notAdded === 1 ? "it" : "them"} again below.`,
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="stack">
      <BackLink href="/admin/exercises">Exercises</BackLink>
      <div className="page-head">
        <div>
          <h1>{exercise.name}</h1>
          <span className={exercise.status === "published" ? "badge" : "badge warn"}>{labelOf(exercise.status)}</span>
          <span className="muted">
            {" "}
            key <code>{exercise.key}</code> · version {exercise.version}
            {exercise.usedInItems > 0 && ` · used in ${exercise.usedInItems} routine item${exercise.usedInItems === 1 ? "" : "s"}`}
          </span>
        </div>
        <div className="toolbar">
          <ActionForm action={duplicateExerciseAction}>
            <input type="hidden" name="exerciseId" value={exercise.id} />
            <button className="button secondary" type="submit">
              Duplicate
            </button>
          </ActionForm>
          {exercise.usedInItems === 0 && (
            <DeleteExerciseButton exerciseId={exercise.id} name={exercise.name} deleteExercise={deleteExerciseAction} />
          )}
        </div>
      </div>
      {(created || duplicated) && (
        <p className="notice ok" role="status">
          {created ? createdNotice : "This is a draft copy: rename it and change what differs."}
        </p>
      )}
      {exercise.usedInItems > 0 && exercise.status !== "archived" && (
        <p className="muted">
          Routines use this exercise, so it cannot be deleted. Set its status to Archived to retire it: routines keep showing it.
        </p>
      )}
      {/* The form keeps its own state across refreshes (e.g. after an upload), so typing is never lost. */}
      <ExerciseForm exercise={exercise} saveExercise={saveExerciseAction} />
      <ExerciseImages
        exerciseId={exercise.id}
        images={exercise.images}
        actions={{ updateAlt: updateImageAltAction, makeMain: makeImageMainAction, remove: removeImageAction }}
      />
      <ExerciseHistory entries={history} />
    </div>
  );
}
