import { ActionForm } from "@/components/ui/action-form";
import type { ActionResult } from "@/lib/errors";

type Props = {
  exerciseId: number;
  name: string;
  /** deleteExerciseAction, passed in by the page. */
  deleteExercise: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

/** Hard delete, for exercises no routine uses; the server refuses the others and says to archive. */
export function DeleteExerciseButton({ exerciseId, name, deleteExercise }: Props) {
  return (
    <ActionForm action={deleteExercise} confirm={`Delete “${name}” for good? This cannot be undone.`}>
      <input type="hidden" name="exerciseId" value={exerciseId} />
      <button className="button danger" type="submit">
        Delete
      </button>
    </ActionForm>
  );
}
