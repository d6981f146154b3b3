import { Check } from "lucide-react";
import type { TickState } from "@/lib/share/shared-routine";
import type { TickFeedback } from "@/lib/share/tick-feedback";

const painScores = Array.from({ length: 11 }, (_, n) => n);

type Props = {
  action: string;
  day: string;
  position: number;
  exerciseId: number;
  session: number;
  /** "Today", or "Morning"/"Evening"… when the exercise is done more than once a day. */
  sessionName: string;
  exerciseName: string;
  tick: TickState | undefined;
  feedback: TickFeedback | null;
};

/**
 * One session's tick: "Done", then straight away the pain score as eleven big buttons and an optional note.
 * Plain forms: without JavaScript each tap posts and the server sends the page back to this block (its id is
 * the redirect's fragment); the page's script posts the same forms with fetch and swaps in the new block.
 */
export function SessionTick({ action, day, position, exerciseId, session, sessionName, exerciseName, tick, feedback }: Props) {
  const id = `tick-${position}-${session}`;
  const done = tick?.done === true;
  const many = sessionName !== "Today";
  const hidden = (
    <>
      <input type="hidden" name="position" value={position} />
      <input type="hidden" name="exerciseId" value={exerciseId} />
      <input type="hidden" name="session" value={session} />
      <input type="hidden" name="day" value={day} />
    </>
  );
  return (
    <section className={done ? "tick is-done" : "tick"} id={id} aria-label={`${sessionName}: ${exerciseName}`}>
      {done ? (
        <>
          <p className="tick-done">
            <Check className="icon" aria-hidden="true" /> {many ? `${sessionName}: done` : "Done today"}
            {tick.pain !== null && ` · pain ${tick.pain} out of 10`}
          </p>
          {feedback && <Status feedback={feedback} id={id} />}
          <form className="tick-form" method="post" action={action}>
            {hidden}
            <input type="hidden" name="intent" value="done" />
            <fieldset className="pain">
              <legend>How much pain did it cause?</legend>
              <div className="pain-buttons">
                {painScores.map((n) => (
                  <button key={n} className="pain-button" type="submit" name="pain" value={n} aria-pressed={tick.pain === n}>
                    {n}
                    {n === 0 && <span className="visually-hidden"> (no pain)</span>}
                    {n === 10 && <span className="visually-hidden"> (worst pain imaginable)</span>}
                  </button>
                ))}
              </div>
              <p className="pain-ends" aria-hidden="true">
                <span>0 no pain</span>
                <span>10 worst pain imaginable</span>
              </p>
            </fieldset>
            <label className="tick-note-label" htmlFor={`${id}-note`}>
              A note for your clinician (if you like)
            </label>
            <textarea id={`${id}-note`} name="comment" rows={2} maxLength={280} defaultValue={tick.comment} />
            <button className="button secondary" type="submit">
              Save note
            </button>
          </form>
          <form className="tick-form" method="post" action={action}>
            {hidden}
            <input type="hidden" name="intent" value="undo" />
            <button className="button link" type="submit">
              Not done? Undo
            </button>
          </form>
        </>
      ) : (
        <>
          <form className="tick-form" method="post" action={action}>
            {hidden}
            <input type="hidden" name="intent" value="done" />
            <button className="button tick-button" type="submit">
              {many ? `${sessionName}: done` : "Done"}
            </button>
          </form>
          {feedback && <Status feedback={feedback} id={id} />}
        </>
      )}
    </section>
  );
}

function Status({ feedback, id }: { feedback: TickFeedback; id: string }) {
  const error = feedback.kind === "error";
  return (
    <p id={`${id}-status`} tabIndex={-1} className={error ? "tick-message error" : "tick-message"} role={error ? "alert" : "status"}>
      {feedback.message}
    </p>
  );
}
