"use client";
import { Copy, GripVertical, X } from "lucide-react";
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
        <button type="button" className="drag-handle" aria-label={`Reorder ${name}`} {...attributes} {...listeners}>
          <GripVertical className="icon" aria-hidden="true" />
        </button>
        {exercise?.illustration && <IllustrationThumb illustration={exercise.illustration} side={previewDose(item.dose).side} />}
        <strong>
          {number}. {name}
          {exercise && exercise.status !== "published" && <span className="badge warn"> {exercise.status}</span>}
        </strong>
        <label className="visually-hidden" htmlFor={`move-${item.uid}`}>
          Move {name} to section
        </label>
        <select id={`move-${item.uid}`} value={sectionUid} onChange={(e) => onMove(e.target.value)} style={{ maxWidth: "10rem" }}>
          {sections.map((s) => (
            <option key={s.uid} value={s.uid}>
              {s.title || "Untitled section"}
            </option>
          ))}
        </select>
        <button type="button" className="icon-button" aria-label={`Duplicate ${name}`} onClick={onDuplicate}>
          <Copy className="icon" aria-hidden="true" />
        </button>
        <button type="button" className="icon-button" aria-label={`Remove ${name}`} onClick={onRemove}>
          <X className="icon" aria-hidden="true" />
        </button>
      </div>
      <span className="dose-sentence" data-testid="dose-sentence">
        {sentence || "No dose set"}
      </span>
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
