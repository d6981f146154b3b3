"use client";
import { useActionState } from "react";
import { deleteExerciseAction, type DeleteState } from "@/app/admin/exercises/actions";

/** Hard delete, for exercises no routine uses; the server refuses the others and says to archive. */
export function DeleteExerciseButton({ exerciseId, name }: { exerciseId: number; name: string }) {
  const [state, action, pending] = useActionState<DeleteState, FormData>(deleteExerciseAction, {});
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Delete “${name}” for good? This cannot be undone.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="exerciseId" value={exerciseId} />
      <button className="button danger" type="submit" disabled={pending}>
        Delete
      </button>
      {state.error && (
        <p className="notice error" role="alert" style={{ marginTop: "0.5rem" }}>
          {state.error}
        </p>
      )}
    </form>
  );
}
