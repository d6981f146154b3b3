import type { ExerciseCard } from "@/lib/routines/queries";
import { describeDose } from "@/lib/routines/dose-sentence";
import type { Dose } from "@/lib/exercises/dose";

export type PreviewRoutine = {
  title: string;
  instructions: string;
  sections: { title: string; items: { exerciseId: number; dose: Dose; note: string }[] }[];
};

/** The routine as the patient will read it: headings, numbered exercises, the dose as a sentence. */
export function RoutinePreview({ routine, exercises }: { routine: PreviewRoutine; exercises: Record<number, ExerciseCard> }) {
  let number = 0;
  return (
    <article className="preview" aria-label="Patient preview">
      <h2>{routine.title || "Untitled routine"}</h2>
      {routine.instructions && <p className="preview-instructions">{routine.instructions}</p>}
      {routine.sections.map((section, s) => (
        <section key={s}>
          <h3>{section.title}</h3>
          {section.items.length === 0 && <p className="muted">No exercises in this section.</p>}
          {section.items.map((item, i) => {
            const exercise = exercises[item.exerciseId];
            number++;
            const dose = describeDose(item.dose);
            return (
              <div className="preview-item" key={i}>
                <h4>
                  {number}. {exercise?.name ?? "Unknown exercise"}
                </h4>
                {dose && <p className="preview-dose">{dose}</p>}
                {exercise && (
                  <ol>
                    {exercise.steps.map((step, k) => (
                      <li key={k}>{step}</li>
                    ))}
                  </ol>
                )}
                {exercise?.cues && <p>{exercise.cues}</p>}
                {exercise?.precautions && <p className="muted">Take care: {exercise.precautions}</p>}
                {item.note && <p className="preview-note">Note from your clinician: {item.note}</p>}
              </div>
            );
          })}
        </section>
      ))}
    </article>
  );
}
