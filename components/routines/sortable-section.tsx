"use client";
import { ArrowDown, ArrowUp, ChevronDown, ChevronRight, GripVertical, X } from "lucide-react";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { ReactNode } from "react";
import { sectionName } from "./item-moves";

type Props = {
  uid: string;
  title: string;
  count: number;
  position: number;
  total: number;
  collapsed: boolean;
  active: boolean;
  canRemove: boolean;
  onToggle: () => void;
  onFocusWithin: () => void;
  onMove: (direction: "up" | "down") => void;
  onRemove: () => void;
  children: ReactNode;
};

/**
 * A routine section: a header that collapses it (its exercise count stays in view) and moves it with buttons;
 * the grip drags it with a mouse or finger (keyboard users have the buttons, which say what they do).
 */
export function SortableSection({
  uid,
  title,
  count,
  position,
  total,
  collapsed,
  active,
  canRemove,
  onToggle,
  onFocusWithin,
  onMove,
  onRemove,
  children,
}: Props) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: uid });
  const name = sectionName({ title });
  const bodyId = `section-body-${uid}`;
  return (
    <section
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={["section-card", isDragging && "dragging", active && "active"].filter(Boolean).join(" ")}
      aria-labelledby={`section-toggle-${uid}`}
      data-testid="routine-section"
      onFocus={onFocusWithin}
      onPointerDown={onFocusWithin}
    >
      <div className="section-bar">
        <button type="button" className="drag-handle" {...attributes} {...listeners} tabIndex={-1} aria-hidden="true" title="Drag to move">
          <GripVertical className="icon" aria-hidden="true" />
        </button>
        <h3 className="section-title">
          <button
            type="button"
            id={`section-toggle-${uid}`}
            className="section-toggle"
            aria-expanded={!collapsed}
            aria-controls={bodyId}
            onClick={onToggle}
          >
            <span aria-hidden="true" className="chevron">
              {collapsed ? <ChevronRight className="icon" /> : <ChevronDown className="icon" />}
            </span>
            <span className="section-name">{name}</span>{" "}
            <span className="section-count">
              {count} exercise{count === 1 ? "" : "s"}
            </span>
          </button>
        </h3>
        <div className="icon-buttons">
          <button
            type="button"
            id={`section-up-${uid}`}
            className="icon-button"
            aria-label={`Move section ${name} up`}
            disabled={position === 0}
            onClick={() => onMove("up")}
          >
            <ArrowUp className="icon" aria-hidden="true" />
          </button>
          <button
            type="button"
            id={`section-down-${uid}`}
            className="icon-button"
            aria-label={`Move section ${name} down`}
            disabled={position === total - 1}
            onClick={() => onMove("down")}
          >
            <ArrowDown className="icon" aria-hidden="true" />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove section ${name}`}
            disabled={!canRemove}
            title={count > 0 ? "Move or remove its exercises first" : undefined}
            onClick={onRemove}
          >
            <X className="icon" aria-hidden="true" />
          </button>
        </div>
      </div>
      <div id={bodyId} className="section-body" hidden={collapsed}>
        {children}
      </div>
    </section>
  );
}
