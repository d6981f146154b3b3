import type { ProgressDay } from "@/lib/share/progress";
import { formatDay } from "@/lib/dates/format";
import { percent } from "./progress-format";

const cell = 34;
const gap = 4;
const left = 56;
const top = 22;
const weekdays = ["M", "T", "W", "T", "F", "S", "S"];

/** Shades of the brand colour by share of exercises ticked (up to each step's share); an empty day is grey. */
export const heatmapScale = [
  { upTo: 0, fill: "#eef1f4", label: "0%" },
  { upTo: 0.25, fill: "#cfe9e6", label: "1–25%" },
  { upTo: 0.5, fill: "#9fd3cd", label: "26–50%" },
  { upTo: 0.75, fill: "#4fa9a0", label: "51–75%" },
  { upTo: 1, fill: "#0f6e6e", label: "76–100%" },
] as const;

function fill(day: ProgressDay): string {
  if (day.beforeStart) return "#f7f5f0"; // before the routine started: not a missed day
  if (day.share === null) return "#ffffff"; // still to come: outlined only
  if (day.done === 0) return heatmapScale[0].fill;
  return heatmapScale.find((step) => day.share! <= step.upTo)?.fill ?? heatmapScale[4].fill;
}

export function describeDay(day: ProgressDay): string {
  if (day.beforeStart) return `${formatDay(day.day, "weekday-date")}: before the routine started`;
  if (day.share === null) return `${formatDay(day.day, "weekday-date")}: still to come`;
  if (day.done === 0) return `${formatDay(day.day, "weekday-date")}: nothing ticked`;
  return `${formatDay(day.day, "weekday-date")}: ${day.done} of ${day.total} exercises (${percent(day.share)})`;
}

/** Four weeks as a calendar, one square per day; every square names its numbers for hover and screen readers. */
export function AdherenceHeatmap({ weeks, summary }: { weeks: ProgressDay[][]; summary: string }) {
  const width = left + 7 * (cell + gap);
  const height = top + weeks.length * (cell + gap);
  return (
    <svg
      className="heatmap"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby="heatmap-title heatmap-desc"
    >
      <title id="heatmap-title">Exercises ticked per day, last four weeks</title>
      <desc id="heatmap-desc">{summary}</desc>
      {weekdays.map((d, i) => (
        <text key={i} x={left + i * (cell + gap) + cell / 2} y={14} textAnchor="middle" className="chart-label" aria-hidden="true">
          {d}
        </text>
      ))}
      {weeks.map((week, w) => (
        <g key={week[0]!.day} transform={`translate(0 ${top + w * (cell + gap)})`}>
          <text x={0} y={cell / 2 + 4} className="chart-label" aria-hidden="true">
            {formatDay(week[0]!.day, "short-date")}
          </text>
          {week.map((day, d) => (
            <g key={day.day} transform={`translate(${left + d * (cell + gap)} 0)`} data-day={day.day} data-share={day.share ?? ""}>
              <rect
                width={cell}
                height={cell}
                rx={6}
                fill={fill(day)}
                stroke={day.share === null && !day.beforeStart ? "#c5ced8" : "none"}
                strokeDasharray={day.share === null && !day.beforeStart ? "3 3" : undefined}
              >
                <title>{describeDay(day)}</title>
              </rect>
              <text
                x={cell / 2}
                y={cell / 2 + 4}
                textAnchor="middle"
                className="chart-day"
                fill={day.share !== null && day.share > 0.5 ? "#ffffff" : day.beforeStart ? "#a0aab4" : "#4a5568"}
                aria-hidden="true"
              >
                {Number(day.day.slice(8))}
              </text>
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}
