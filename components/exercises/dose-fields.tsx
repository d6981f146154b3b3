"use client";
import type { Dose } from "@/lib/exercises/dose";
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

export function doseToDraft(dose: Dose): DoseDraft {
  const numbers = Object.fromEntries(doseNumberFields.map((f) => [f.name, dose[f.name]?.toString() ?? ""]));
  return { ...(numbers as Omit<DoseDraft, "side" | "load">), side: dose.side ?? "", load: dose.load ?? "" };
}

/** What the server validates: empty boxes dropped, digits as numbers (a typo stays text and gets a message). */
export function doseFromDraft(draft: DoseDraft): Record<string, unknown> {
  const dose: Record<string, unknown> = {};
  for (const f of doseNumberFields) {
    const value = draft[f.name].trim();
    if (value) dose[f.name] = /^\d+$/.test(value) ? Number(value) : value;
  }
  if (draft.side) dose.side = draft.side;
  if (draft.load.trim()) dose.load = draft.load.trim();
  return dose;
}

const sideLabels: Record<(typeof sides)[number], string> = {
  both: "Both sides together",
  each: "Each side",
  left: "Left only",
  right: "Right only",
};

type Props = {
  dose: DoseDraft;
  onChange: (dose: DoseDraft) => void;
  errors: (field: string) => string[] | undefined;
  legend?: string;
  hint?: string;
  /** Keeps ids unique when several dose editors share a page (one per routine item). */
  idPrefix?: string;
};

export function DoseFields({ dose, onChange, errors, legend = "Default dose", hint, idPrefix = "dose" }: Props) {
  return (
    <fieldset className="checks" style={{ display: "grid", gap: "0.5rem" }}>
      <legend>{legend}</legend>
      {hint && (
        <p className="muted" style={{ margin: 0 }}>
          {hint}
        </p>
      )}
      <div className="dose-grid">
        {doseNumberFields.map((f) => {
          const fieldErrors = errors(f.name);
          return (
            <div className="field" key={f.name}>
              <label htmlFor={`${idPrefix}-${f.name}`}>{f.label}</label>
              <input
                id={`${idPrefix}-${f.name}`}
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
          <label htmlFor={`${idPrefix}-side`}>Side</label>
          <select id={`${idPrefix}-side`} value={dose.side} onChange={(e) => onChange({ ...dose, side: e.target.value })}>
            <option value="">Not side-specific</option>
            {sides.map((s) => (
              <option key={s} value={s}>
                {sideLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-load`}>Load or band</label>
          <input id={`${idPrefix}-load`} value={dose.load} maxLength={60} onChange={(e) => onChange({ ...dose, load: e.target.value })} />
        </div>
      </div>
    </fieldset>
  );
}
