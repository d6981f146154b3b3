"use client";
import { ArrowDown, ArrowUp, X } from "lucide-react";
import { useEffect, useRef } from "react";

type Props = { steps: string[]; onChange: (steps: string[]) => void; errors: (i: number) => string[] | undefined };

/** Numbered steps: add, remove and reorder with buttons (reachable and usable from the keyboard). */
export function StepsEditor({ steps, onChange, errors }: Props) {
  const list = useRef<HTMLOListElement>(null);
  // Focus moves once the new list has rendered (a new step's box does not exist when its button is pressed).
  const focusNext = useRef<number | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    list.current?.querySelectorAll("textarea")[focusNext.current]?.focus();
    focusNext.current = null;
  }, [steps]);
  const focusStep = (i: number) => {
    focusNext.current = i;
  };
  const move = (from: number, to: number) => {
    const next = [...steps];
    const [step] = next.splice(from, 1);
    next.splice(to, 0, step!);
    onChange(next);
    focusStep(to);
  };
  return (
    <fieldset className="checks" style={{ display: "grid", gap: "0.5rem" }}>
      <legend>Steps</legend>
      <ol className="steps" ref={list}>
        {steps.map((step, i) => {
          const stepErrors = errors(i);
          return (
            <li key={i}>
              <div className="field">
                <label className="visually-hidden" htmlFor={`step-${i}`}>
                  Step {i + 1}
                </label>
                <textarea
                  id={`step-${i}`}
                  rows={2}
                  value={step}
                  aria-invalid={stepErrors ? true : undefined}
                  onChange={(e) => onChange(steps.map((s, j) => (j === i ? e.target.value : s)))}
                />
                {stepErrors && <p className="error">{stepErrors.join(" ")}</p>}
              </div>
              <div className="icon-buttons">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move step ${i + 1} up`}
                  disabled={i === 0}
                  onClick={() => move(i, i - 1)}
                >
                  <ArrowUp className="icon" aria-hidden="true" />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move step ${i + 1} down`}
                  disabled={i === steps.length - 1}
                  onClick={() => move(i, i + 1)}
                >
                  <ArrowDown className="icon" aria-hidden="true" />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove step ${i + 1}`}
                  disabled={steps.length === 1}
                  onClick={() => (onChange(steps.filter((_, j) => j !== i)), focusStep(Math.max(0, i - 1)))}
                >
                  <X className="icon" aria-hidden="true" />
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <button type="button" className="button secondary" onClick={() => (onChange([...steps, ""]), focusStep(steps.length))}>
          Add step
        </button>
      </div>
    </fieldset>
  );
}
