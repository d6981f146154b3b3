"use client";
import { sides } from "@/lib/exercises/vocabulary";

/** The dose as the form edits it: text per field, so a half-typed number is never lost. */
export type DoseDraft = Record<(typeof doseNumberFields)[number]["name"], string> & { side: string; load: string };

export const doseNumberFields = [
  { name: "sets", label: "Sets" },
  { name: "reps", label: "Reps" },
  { name: "repsMax", label: "Reps, up to" },
  { name: "holdSeconds", label: "Hold (seconds)" },
  { name: "holdSecondsMax", label: "Hold, up to (s)" },
  { name: "restSeconds", label: "Rest (seconds)" },
  { name: "timesPerDay", label: "Times a day" },
  { name: "daysPerWeek", label: "Days a week" },
  { name: "durationSeconds", label: "Duration (seconds)" },
] as const;

const sideLabels: Record<(typeof sides)[number], string> = { both: "Both sides together", each: "Each side", left: "Left only", right: "Right only" };

type Props = { dose: DoseDraft; onChange: (dose: DoseDraft) => void; errors: (field: string) => string[] | undefined };

export function DoseFields({ dose, onChange, errors }: Props) {
  return (
    <fieldset className="checks" style={{ display: "grid", gap: "0.5rem" }}>
      <legend>Default dose</legend>
      <p className="muted" style={{ margin: 0 }}>
        Leave a box empty when it does not apply. Routines start from this dose and can change it per patient.
      </p>
      <div className="dose-grid">
        {doseNumberFields.map((f) => {
          const fieldErrors = errors(f.name);
          return (
            <div className="field" key={f.name}>
              <label htmlFor={`dose-${f.name}`}>{f.label}</label>
              <input
                id={`dose-${f.name}`}
                inputMode="numeric"
                value={dose[f.name]}
                aria-invalid={fieldErrors ? true : undefined}
                onChange={(e) => onChange({ ...dose, [f.name]: e.target.value })}
              />
              {fieldErrors && <p className="error">{fieldErrors.join(" ")}</p>}
            </div>
          );
        })}
        <div className="field">
          <label htmlFor="dose-side">Side</label>
          <select id="dose-side" value={dose.side} onChange={(e) => onChange({ ...dose, side: e.target.value })}>
            <option value="">Not side-specific</option>
            {sides.map((s) => (
              <option key={s} value={s}>
                {sideLabels[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}
