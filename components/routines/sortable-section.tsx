"use client";
import { GripVertical } from "lucide-react";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { ReactNode } from "react";

/** A routine section that can be dragged by its handle (mouse, touch, or Space + arrow keys). */
export function SortableSection({ uid, title, children }: { uid: string; title: string; children: ReactNode }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: uid });
  return (
    <section
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={isDragging ? "section-card item dragging" : "section-card"}
      aria-label={`Section ${title}`}
      data-testid="routine-section"
    >
      <button
        type="button"
        className="drag-handle"
        aria-label={`Reorder section ${title}`}
        {...attributes}
        {...listeners}
        style={{ justifySelf: "start" }}
      >
        <GripVertical className="icon" aria-hidden="true" />
        Reorder section
      </button>
      {children}
    </section>
  );
}
