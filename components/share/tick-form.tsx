"use client";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { tickKey, useTicks } from "./patient-ticks";

const painChoices = Array.from({ length: 11 }, (_, n) => n);

/**
 * "Done today" for one exercise. Without JavaScript it is a plain form post and the page comes back; with it,
 * the same form posts with fetch, sends the patient's own day, and updates in place.
 */
export function TickForm({ action, position, exerciseId, name }: { action: string; position: number; exerciseId: number; name: string }) {
  const { day, ticksToday, feedback, settle } = useTicks();
  const tick = ticksToday[tickKey(position, exerciseId)];
  const message = feedback[position];
  const [pending, setPending] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const id = `tick-${position}`;

  // The button pressed is replaced by its opposite: keep keyboard and screen-reader users where they were.
  useEffect(() => {
    if (message && document.activeElement === document.body) statusRef.current?.focus();
  }, [message]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    data.set("day", day);
    setPending(true);
    try {
      const response = await fetch(action, { method: "POST", body: data, headers: { Accept: "application/json" } });
      const body = await response.json();
      settle(position, body.ok ? body : { error: body.error ?? "That did not save. Please try again." });
    } catch {
      settle(position, { error: "That did not save: check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    // key: a different day (the patient's own, after start-up) starts the fields from that day's entry.
    <form key={day} className="tick" method="post" action={action} onSubmit={onSubmit} aria-busy={pending} aria-label={`Today: ${name}`}>
      <input type="hidden" name="position" value={position} />
      <input type="hidden" name="exerciseId" value={exerciseId} />
      {tick && (
        <p className="tick-done">
          <span aria-hidden="true">✓</span> Done today{tick.pain !== null && ` · pain ${tick.pain} out of 10`}
        </p>
      )}
      <details className="tick-details">
        <summary>{tick ? "Pain score and comment" : "Add a pain score or comment"}</summary>
        <div className="tick-fields">
          <label htmlFor={`${id}-pain`}>How much pain did it cause?</label>
          <select id={`${id}-pain`} name="pain" defaultValue={tick?.pain ?? ""}>
            <option value="">No answer</option>
            {painChoices.map((n) => (
              <option key={n} value={n}>
                {n === 0 ? "0 – no pain" : n === 10 ? "10 – worst pain imaginable" : n}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-comment`}>A note for your clinician</label>
          <textarea id={`${id}-comment`} name="comment" rows={3} maxLength={280} defaultValue={tick?.comment ?? ""} />
          {tick && (
            <button className="button secondary" type="submit" name="intent" value="done" disabled={pending}>
              Save
            </button>
          )}
        </div>
      </details>
      {tick ? (
        <button className="button link" type="submit" name="intent" value="undo" disabled={pending}>
          Not done? Undo
        </button>
      ) : (
        <button className="button tick-button" type="submit" name="intent" value="done" disabled={pending}>
          Mark as done
        </button>
      )}
      {message && (
        <p ref={statusRef} tabIndex={-1} className={message.kind === "error" ? "tick-message error" : "tick-message"} role={message.kind === "error" ? "alert" : "status"}>
          {message.message}
        </p>
      )}
    </form>
  );
}
