import type { RoutineProgress as Progress } from "@/lib/share/progress";
import { AdherenceHeatmap, describeDay, heatmapScale } from "./adherence-heatmap";
import { PainChart } from "./pain-chart";
import { formatDay } from "@/lib/dates/format";
import { DataTable } from "@/components/ui/data-table";
import { formatPain, percent } from "./progress-format";

/** What the patient ticked through the routine's links: a four-week calendar, pain as a line, and their comments. */
export function RoutineProgress({ progress }: { progress: Progress }) {
  const days = progress.weeks.flat();
  const past = days.filter((d) => d.share !== null);
  const latest = past.at(-1)!;
  const withPain = past.filter((d) => d.pain !== null);
  const adherenceSummary = `Exercises ticked on ${progress.activeDays} of ${past.length} days since ${formatDay(days[0]!.day, "weekday-date")}. ${describeDay(latest)}.`;
  const painSummary = withPain.length
    ? `${withPain.length} day${withPain.length === 1 ? "" : "s"} with pain scores; latest ${formatPain(withPain.at(-1)!.pain!)} out of 10 on ${formatDay(withPain.at(-1)!.day, "weekday-date")}.`
    : "No pain scores yet.";

  return (
    <section className="card stack" aria-labelledby="progress-heading" data-testid="progress">
      <div>
        <h2 id="progress-heading">Progress</h2>
        <p className="muted">What the patient ticked as done through this routine&apos;s links, by their own calendar day.</p>
      </div>
      <div className="progress-charts">
        <figure className="chart">
          <figcaption>
            <strong>Exercises done per day</strong> · <span className="muted">{adherenceSummary}</span>
          </figcaption>
          <AdherenceHeatmap weeks={progress.weeks} summary={adherenceSummary} />
          <p className="legend muted" aria-hidden="true">
            {heatmapScale.map((step) => (
              <span key={step.label}>
                <span className="swatch" style={{ background: step.fill }} /> {step.label}
              </span>
            ))}
          </p>
        </figure>
        <figure className="chart">
          <figcaption>
            <strong>Pain</strong> · <span className="muted">{painSummary}</span>
          </figcaption>
          {withPain.length ? (
            <PainChart days={days} summary={painSummary} />
          ) : (
            <p className="muted">The patient has not given a pain score in the last four weeks.</p>
          )}
        </figure>
      </div>
      <details>
        <summary>Show the numbers as a table</summary>
        <DataTable
          testId="progress-table"
          rows={past.filter((d) => d.done > 0).reverse()}
          rowKey={(d) => d.day}
          emptyRow="Nothing ticked in the last four weeks."
          columns={[
            { header: "Day", cell: (d) => formatDay(d.day, "weekday-date") },
            { header: "Done", cell: (d) => `${d.done} of ${d.total}` },
            { header: "Share", cell: (d) => percent(d.share!) },
            { header: "Pain (mean)", cell: (d) => (d.pain === null ? "—" : formatPain(d.pain)) },
          ]}
        />
      </details>
      <div>
        <h3>Latest comments</h3>
        {progress.comments.length === 0 ? (
          <p className="muted">No comments yet.</p>
        ) : (
          <ul className="comments" data-testid="comments">
            {progress.comments.map((c, i) => (
              <li key={i}>
                <span className="muted">
                  {formatDay(c.day, "weekday-date")} · {c.exercise}
                  {c.pain !== null && ` · pain ${c.pain}/10`} · via “{c.link}”
                </span>
                <blockquote>{c.comment}</blockquote>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
