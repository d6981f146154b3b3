"use client";
import { ArrowDown, ArrowUp, GripVertical, X } from "lucide-react";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { DoseFields } from "@/components/exercises/dose-fields";
import { IllustrationThumb } from "@/components/illustrations/illustration-thumb";
import type { ExerciseCard } from "@/lib/routines/queries";
import { describeDose } from "@/lib/routines/dose-sentence";
import { previewDose, type ItemDraft } from "./routine-draft";

type Props = {
  item: ItemDraft;
  number: number;
  exercise: ExerciseCard | undefined;
  sections: { uid: string; title: string }[];
  sectionUid: string;
  errors: string[] | undefined;
  fieldErrors: (path: string) => string[] | undefined;
  onChange: (item: ItemDraft) => void;
  onDuplicate: () => void;
  onRemove: () => void;
  onMove: (toSectionUid: string) => void;
  /** One place up or down, across into the neighbouring section at a section's edge; false at the routine's edge. */
  canStep: { up: boolean; down: boolean };
  onStep: (direction: "up" | "down") => void;
};

/** One exercise in the routine: drag handle (mouse, touch or keyboard), its dose as a sentence, and its editors. */
export function RoutineItem({
  item,
  number,
  exercise,
  sections,
  sectionUid,
  errors,
  fieldErrors,
  onChange,
  onDuplicate,
  onRemove,
  onMove,
  canStep,
  onStep,
}: Props) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.uid });
  const name = exercise?.name ?? "Unknown exercise";
  const sentence = describeDose(previewDose(item.dose));
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={isDragging ? "item dragging" : "item"}
      data-testid="routine-item"
    >
      <div className="item-head">
        {/* The grip is for a mouse or finger; keyboards and screen readers use the Move buttons, which say what they do. */}
        <button type="button" className="drag-handle" {...attributes} {...listeners} tabIndex={-1} aria-hidden="true" title="Drag to move">
          <GripVertical className="icon" aria-hidden="true" />
        </button>
        {exercise?.illustration && <IllustrationThumb illustration={exercise.illustration} side={previewDose(item.dose).side} />}
        <div className="item-title">
          <strong>
            {number}. {name}
            {exercise && exercise.status !== "published" && <span className="badge warn"> {exercise.status}</span>}
          </strong>
          <span className="dose-sentence" data-testid="dose-sentence">
            {sentence || "No dose set"}
          </span>
        </div>
        <div className="icon-buttons">
          <button
            type="button"
            id={`item-up-${item.uid}`}
            className="icon-button"
            aria-label={`Move ${name} up`}
            disabled={!canStep.up}
            onClick={() => onStep("up")}
          >
            <ArrowUp className="icon" aria-hidden="true" />
          </button>
          <button
            type="button"
            id={`item-down-${item.uid}`}
            className="icon-button"
            aria-label={`Move ${name} down`}
            disabled={!canStep.down}
            onClick={() => onStep("down")}
          >
            <ArrowDown className="icon" aria-hidden="true" />
          </button>
          <button type="button" className="icon-button" aria-label={`Remove ${name}`} onClick={onRemove}>
            <X className="icon" aria-hidden="true" />
          </button>
        </div>
      </div>
      {errors && <p className="error">{errors.join(" ")}</p>}
      <details>
        <summary>Dose and note for {name}</summary>
        <DoseFields
          legend={`Dose for ${name}`}
          idPrefix={`dose-${item.uid}`}
          dose={item.dose}
          onChange={(dose) => onChange({ ...item, dose })}
          errors={(field) => fieldErrors(`dose.${field}`)}
        />
        <div className="item-more">
          <div className="field">
            <label htmlFor={`move-${item.uid}`}>Move to section</label>
            <select id={`move-${item.uid}`} value={sectionUid} onChange={(e) => onMove(e.target.value)}>
              {sections.map((s) => (
                <option key={s.uid} value={s.uid}>
                  {s.title || "Untitled section"}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button secondary small" onClick={onDuplicate}>
            Duplicate {name}
          </button>
        </div>
        <div className="field">
          <label htmlFor={`note-${item.uid}`}>Note to the patient</label>
          <textarea
            id={`note-${item.uid}`}
            value={item.note}
            maxLength={500}
            onChange={(e) => onChange({ ...item, note: e.target.value })}
          />
        </div>
      </details>
    </li>
  );
}
