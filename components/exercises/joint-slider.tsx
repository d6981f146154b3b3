"use client";
import { useState } from "react";

type Props = {
  id: string;
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
};

/**
 * One joint angle: a slider (arrow keys, Page Up/Down, or a drag) and a number field for an exact value.
 * The number field keeps what is typed until it is a number in range.
 */
export function JointSlider({ id, label, min, max, value, onChange }: Props) {
  const [text, setText] = useState(String(value));
  // A change from outside (the slider, undo, a drag) replaces what the field shows.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  return (
    <div className="joint">
      <label htmlFor={id}>{label}</label>
      <input
        type="range"
        min={min}
        max={max}
        step={1}
        value={value}
        aria-labelledby={`${id}-label`}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <span id={`${id}-label`} hidden>
        {label}
      </span>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== "" && Number.isFinite(n) && n >= min && n <= max) onChange(n);
        }}
        onBlur={() => setText(String(value))}
      />
    </div>
  );
}
