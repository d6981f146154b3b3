import { paperLabels, paperSizes } from "@/lib/handout/options";
import type { PaperSize } from "@/lib/handout/types";

/**
 * Downloads the printable handout. A plain GET form: the options end up in the link, the browser saves the
 * attachment, and it works before (or without) JavaScript.
 */
export function HandoutForm({ routineId, revision, defaultPaper }: { routineId: number; revision: number; defaultPaper: PaperSize }) {
  return (
    <section className="card stack" aria-labelledby="handout-heading">
      <h2 id="handout-heading">Printable handout</h2>
      <form className="form" method="get" action={`/api/routines/${routineId}/handout.pdf`}>
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
          Prints revision {revision}, the last one saved: save your changes first.
        </p>
        <div>
          <button className="button" type="submit">
            Download PDF
          </button>
        </div>
      </form>
    </section>
  );
}
