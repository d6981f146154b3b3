import type { Metadata } from "next";
import Link from "next/link";
import { ExerciseForm } from "@/components/exercises/exercise-form";
import { requireUser } from "@/lib/auth/session";
import { saveExerciseAction } from "../actions";

export const metadata: Metadata = { title: "New exercise" };

export default async function NewExercisePage() {
  await requireUser();
  return (
    <div className="stack">
      <p>
        <Link href="/admin/exercises">← Exercises</Link>
      </p>
      <h1>New exercise</h1>
      <p className="muted">Saved as a draft until you publish it; only published exercises can go into routines.</p>
      <ExerciseForm saveExercise={saveExerciseAction} />
    </div>
  );
}
