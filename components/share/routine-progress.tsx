import type { RoutineProgress as Progress } from "@/lib/share/progress";
import { AdherenceHeatmap, describeDay, heatmapScale } from "./adherence-heatmap";
import { PainChart } from "./pain-chart";
import { formatDay } from "@/lib/dates/format";
import { DataTable } from "@/components/ui/data-table";
import { formatPain, percent } from "./progress-format";

/** What the patient ticked through the routine's links: a four-week calendar, pain as a line, and their comments. */
export function RoutineProgress({ progress }: { progress: Progress }) {
  const days = progress.weeks.flat();
  // Days counted: from the routine's start (never before it existed) to the latest day.
  const past = days.filter((d) => d.share !== null);
  const latest = past.at(-1) ?? days.filter((d) => d.day <= progress.lastDay).at(-1)!;
  const withPain = past.filter((d) => d.pain !== null);
  const since = past[0]?.day ?? progress.startDay;
  const adherenceSummary = past.length
    ? `Exercises ticked on ${progress.activeDays} of ${past.length} day${past.length === 1 ? "" : "s"} since ${formatDay(since, "weekday-date")}. ${describeDay(latest)}.`
    : `The routine starts on ${formatDay(progress.startDay, "weekday-date")}.`;
  const lastPain = withPain.at(-1);
  const painSummary = lastPain
    ? `${withPain.length} day${withPain.length === 1 ? "" : "s"} with pain scores; latest ${formatPain(lastPain.pain!)} out of 10 on average on ${formatDay(lastPain.day, "weekday-date")}, highest ${lastPain.maxPain} that day. Highest in four weeks: ${Math.max(...withPain.map((d) => d.maxPain ?? 0))}.`
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
            <span>
              <span className="swatch" style={{ background: "#f7f5f0", border: "1px solid #e2ddd3" }} /> before the start
            </span>
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
            <>
              <PainChart days={days} summary={painSummary} />
              <p className="legend muted" aria-hidden="true">
                <span>
                  <span className="swatch" style={{ background: "#fff", border: "2.5px solid #b42318", borderRadius: "50%" }} /> mean of the
                  day
                </span>
                <span>
                  <span className="swatch" style={{ background: "#b42318" }} /> highest that day
                </span>
              </p>
            </>
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
            { header: "Pain (highest)", cell: (d) => (d.maxPain === null ? "—" : String(d.maxPain)) },
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
