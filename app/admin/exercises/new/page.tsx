import type { Metadata } from "next";
import { BackLink } from "@/components/ui/back-link";
import { ExerciseForm } from "@/components/exercises/exercise-form";
import { requireUser } from "@/lib/auth/session";
import { saveExerciseAction } from "../actions";

export const metadata: Metadata = { title: "New exercise" };

export default async function NewExercisePage() {
  await requireUser();
  return (
    <div className="stack">
      <BackLink href="/admin/exercises">Exercises</BackLink>
      <h1>New exercise</h1>
      <p className="muted">Saved as a draft until you publish it; only published exercises can go into routines.</p>
      <ExerciseForm saveExercise={saveExerciseAction} />
    </div>
  );
}
