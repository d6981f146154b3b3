"use client";
import { useState, type FormEvent } from "react";
import { paperLabels, paperSizes } from "@/lib/handout/options";
import type { PaperSize } from "@/lib/handout/types";
import { downloadFrom, hasUnsavedWork, saveWhatIsOnScreen } from "./on-screen-save";

/**
 * Downloads the printable handout. A plain GET form: the options end up in the link, the browser saves the
 * attachment, and it works before (or without) JavaScript. With unsaved changes in the builder it saves them
 * first (a conflict stops it, shown in the builder), so the handout is what is on screen.
 */
export function HandoutForm({ routineId, defaultPaper }: { routineId: number; defaultPaper: PaperSize }) {
  const [state, setState] = useState<"saving" | "refused" | null>(null);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    if (!hasUnsavedWork(routineId)) return setState(null);
    event.preventDefault();
    const form = event.currentTarget;
    setState("saving");
    if (!(await saveWhatIsOnScreen(routineId))) return setState("refused");
    setState(null);
    const query = new URLSearchParams([...new FormData(form)].map(([k, v]) => [k, String(v)]));
    downloadFrom(`${form.action}?${query}`);
  };
  return (
    <section className="card stack" aria-labelledby="handout-heading">
      <h2 id="handout-heading">Printable handout</h2>
      <form className="form" method="get" action={`/api/routines/${routineId}/handout.pdf`} onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="handout-paper">Paper</label>
          <select id="handout-paper" name="paper" defaultValue={defaultPaper}>
            {paperSizes.map((size) => (
              <option key={size} value={size}>
                {paperLabels[size]}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="checks">
          <legend className="visually-hidden">Handout options</legend>
          <label>
            <input type="checkbox" name="large" value="1" /> Large print (one exercise per page)
          </label>
          <label>
            <input type="checkbox" name="tracking" value="1" /> Tracking sheet (two weeks of tick boxes)
          </label>
        </fieldset>
        <p className="muted" style={{ margin: 0 }}>
          Prints what is on screen: changes not yet saved in the builder are saved first, as a new revision.
        </p>
        {state === "refused" && (
          <p className="notice error" role="alert" style={{ margin: 0 }}>
            Not downloaded: your changes could not be saved. The message above the builder says why.
          </p>
        )}
        <div>
          <button className="button" type="submit" disabled={state === "saving"}>
            {state === "saving" ? "Saving, then downloading…" : "Download PDF"}
          </button>
        </div>
      </form>
    </section>
  );
}
