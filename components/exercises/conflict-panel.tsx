"use client";
import type { ExerciseConflict } from "@/lib/exercises/mutations";
import { formatInstant } from "@/lib/dates/format";

type Props = { conflict: ExerciseConflict; onKeepMine: () => void; onTakeTheirs: () => void };

/** Someone else saved first: show who changed what, keep the editor's text, and let them choose. */
export function ConflictPanel({ conflict, onKeepMine, onTakeTheirs }: Props) {
  return (
    <section className="conflict" aria-labelledby="conflict-heading" data-testid="conflict">
      <h2 id="conflict-heading">Someone else saved this exercise</h2>
      <ul>
        {conflict.saves.map((save, i) => (
          <li key={i}>
            {save.by} at {formatInstant(save.at, "date-time")}: {save.fields.length ? save.fields.join(", ") : "no field changes"}
          </li>
        ))}
      </ul>
      <p>
        <strong>Keep my changes and save</strong> applies the fields you changed on top of their version; fields you did not touch keep
        theirs. Their version now reads:
      </p>
      <dl>
        <dt>Name</dt>
        <dd>{conflict.current.name}</dd>
        <dt>Summary</dt>
        <dd>{conflict.current.summary || "—"}</dd>
        <dt>Steps</dt>
        <dd>{conflict.current.steps.length} steps</dd>
        <dt>Status</dt>
        <dd>{conflict.current.status}</dd>
      </dl>
      <div className="toolbar">
        <button type="button" className="button" onClick={onKeepMine}>
          Keep my changes and save
        </button>
        <button type="button" className="button secondary" onClick={onTakeTheirs}>
          Discard mine, load theirs
        </button>
      </div>
    </section>
  );
}
