import type { ProgressDay } from "@/lib/share/progress";
import { formatDay } from "@/lib/dates/format";
import { formatPain } from "./progress-format";

const width = 560;
const height = 190;
const plot = { left: 34, right: width - 12, top: 12, bottom: height - 30 };

/**
 * Pain scores over the same four weeks (0–10): the line joins each day's mean, and a filled square marks the day's
 * highest score where it is above the mean, so one bad session is not averaged away.
 */
export function PainChart({ days, summary }: { days: ProgressDay[]; summary: string }) {
  const x = (i: number) => plot.left + (i / Math.max(1, days.length - 1)) * (plot.right - plot.left);
  const y = (pain: number) => plot.bottom - (pain / 10) * (plot.bottom - plot.top);
  const points = days.flatMap((day, i) => (day.pain === null ? [] : [{ day, cx: x(i), cy: y(day.pain) }]));
  return (
    <svg className="pain-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="pain-title pain-desc">
      <title id="pain-title">Pain scores per day, 0 (none) to 10 (worst), last four weeks</title>
      <desc id="pain-desc">{summary}</desc>
      {[0, 5, 10].map((v) => (
        <g key={v} aria-hidden="true">
          <line x1={plot.left} x2={plot.right} y1={y(v)} y2={y(v)} stroke="#dfe4ea" />
          <text x={plot.left - 8} y={y(v) + 4} textAnchor="end" className="chart-label">
            {v}
          </text>
        </g>
      ))}
      {days.map((day, i) =>
        i % 7 === 0 ? (
          <text key={day.day} x={x(i)} y={height - 8} textAnchor="start" className="chart-label" aria-hidden="true">
            {formatDay(day.day, "short-date")}
          </text>
        ) : null,
      )}
      {points.length > 1 && (
        <polyline
          points={points.map((p) => `${p.cx},${p.cy}`).join(" ")}
          fill="none"
          stroke="#b42318"
          strokeWidth={2.5}
          strokeLinejoin="round"
        />
      )}
      {points.map((p) =>
        p.day.maxPain !== null && p.day.maxPain > p.day.pain! ? (
          <g key={`max-${p.day.day}`}>
            <line
              x1={p.cx}
              x2={p.cx}
              y1={p.cy}
              y2={y(p.day.maxPain)}
              stroke="#b42318"
              strokeWidth={1.5}
              strokeDasharray="2 2"
              aria-hidden="true"
            />
            <rect x={p.cx - 5} y={y(p.day.maxPain) - 5} width={10} height={10} fill="#b42318">
              <title>{`${formatDay(p.day.day, "weekday-date")}: highest pain ${p.day.maxPain} out of 10`}</title>
            </rect>
          </g>
        ) : null,
      )}
      {points.map((p) => (
        <circle key={p.day.day} cx={p.cx} cy={p.cy} r={5} fill="#ffffff" stroke="#b42318" strokeWidth={2.5}>
          <title>{`${formatDay(p.day.day, "weekday-date")}: pain ${formatPain(p.day.pain!)} out of 10 (mean), highest ${p.day.maxPain}`}</title>
        </circle>
      ))}
    </svg>
  );
}
