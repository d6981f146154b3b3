"use client";
import { closestCenter, DndContext, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { Dispatch } from "react";
import type { ExerciseCard } from "@/lib/routines/queries";
import { describeItemMove, describeNoMove, describeSectionMove, placeAfterMoveTo, stepItem } from "./item-moves";
import { moveInList, type BuilderAction, type RoutineDraft } from "./routine-draft";
import { RoutineItem } from "./routine-item";
import { SortableSection } from "./sortable-section";

// Pointer drags are announced by the builder's own live region, in words, once they land: dnd-kit's defaults
// would read out internal ids ("Draggable item u15 was moved over droppable area u7").
const silent: Announcements = {
  onDragStart: () => undefined,
  onDragMove: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};
const accessibility = {
  announcements: silent,
  screenReaderInstructions: { draggable: "Use the Move up and Move down buttons to move it from the keyboard." },
};

type Props = {
  draft: RoutineDraft;
  exercises: Record<number, ExerciseCard>;
  errors: Record<string, string[] | undefined>;
  collapsed: ReadonlySet<string>;
  activeUid: string;
  dispatch: Dispatch<BuilderAction>;
  announce: (text: string) => void;
  onActivate: (sectionUid: string) => void;
  onToggle: (sectionUid: string) => void;
  /** Focus this element id once the move has rendered (an item crossing sections is a new element). */
  focusAfterRender: (id: string, fallbackId?: string) => void;
};

/** The routine's sections and their exercises: collapse, reorder by button or drag, each move said in words. */
export function RoutineSections({
  draft,
  exercises,
  errors,
  collapsed,
  activeUid,
  dispatch,
  announce,
  onActivate,
  onToggle,
  focusAfterRender,
}: Props) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));
  const sections = draft.sections;
  const nameOf = (exerciseId: number) => exercises[exerciseId]?.name ?? "Exercise";
  const sectionOptions = sections.map((s) => ({ uid: s.uid, title: s.title }));

  const step = (itemUid: string, exerciseId: number, direction: "up" | "down") => {
    const moved = stepItem(sections, itemUid, direction);
    if (!moved) return announce(describeNoMove(nameOf(exerciseId), direction));
    dispatch({ type: "stepItem", itemUid, direction });
    onActivate(moved.to.sectionUid);
    announce(describeItemMove(nameOf(exerciseId), moved.sections, moved.from, moved.to));
    const other = direction === "up" ? "down" : "up";
    focusAfterRender(`item-${direction}-${itemUid}`, `item-${other}-${itemUid}`);
  };

  const moveTo = (sectionUid: string, index: number, toSectionUid: string) => {
    const item = sections.find((s) => s.uid === sectionUid)?.items[index];
    if (!item) return;
    const after = sections.map((s) =>
      s.uid === sectionUid
        ? { ...s, items: s.items.filter((_, i) => i !== index) }
        : s.uid === toSectionUid
          ? { ...s, items: [...s.items, item] }
          : s,
    );
    const to = placeAfterMoveTo(after, toSectionUid);
    dispatch({ type: "moveItem", sectionUid, index, toSectionUid });
    if (to) announce(describeItemMove(nameOf(item.exerciseId), after, { sectionUid, index }, to));
    onActivate(toSectionUid);
  };

  const moveSection = (from: number, to: number) => {
    const section = sections[from];
    if (!section || to < 0 || to >= sections.length) return;
    dispatch({ type: "moveSection", from, to });
    announce(describeSectionMove(moveInList(sections, from, to), to));
  };

  const onSectionDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    moveSection(
      sections.findIndex((s) => s.uid === active.id),
      sections.findIndex((s) => s.uid === over.id),
    );
  };
  const onItemDragEnd =
    (sectionUid: string) =>
    ({ active, over }: DragEndEvent) => {
      if (!over || active.id === over.id) return;
      const section = sections.find((s) => s.uid === sectionUid);
      if (!section) return;
      const from = section.items.findIndex((i) => i.uid === active.id);
      const to = section.items.findIndex((i) => i.uid === over.id);
      if (from < 0 || to < 0) return;
      dispatch({ type: "reorderItems", sectionUid, from, to });
      const after = sections.map((s) => (s.uid === sectionUid ? { ...s, items: moveInList(s.items, from, to) } : s));
      announce(describeItemMove(nameOf(section.items[from]!.exerciseId), after, { sectionUid, index: from }, { sectionUid, index: to }));
    };

  let number = 0;
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onSectionDragEnd} accessibility={accessibility}>
      <SortableContext items={sections.map((s) => s.uid)} strategy={verticalListSortingStrategy}>
        {sections.map((section, s) => (
          <SortableSection
            key={section.uid}
            uid={section.uid}
            title={section.title}
            count={section.items.length}
            position={s}
            total={sections.length}
            collapsed={collapsed.has(section.uid)}
            active={section.uid === activeUid}
            canRemove={sections.length > 1 && section.items.length === 0}
            onToggle={() => onToggle(section.uid)}
            onFocusWithin={() => onActivate(section.uid)}
            onMove={(direction) => {
              const to = direction === "up" ? s - 1 : s + 1;
              moveSection(s, to);
              focusAfterRender(`section-${direction}-${section.uid}`, `section-${direction === "up" ? "down" : "up"}-${section.uid}`);
            }}
            onRemove={() => dispatch({ type: "removeSection", sectionUid: section.uid })}
          >
            <div className="section-rename">
              <label htmlFor={`section-${section.uid}`}>Section heading</label>
              <input
                id={`section-${section.uid}`}
                value={section.title}
                onChange={(e) => dispatch({ type: "renameSection", sectionUid: section.uid, title: e.target.value })}
              />
            </div>
            <DndContext
              sensors={sensors}
              collisionDetection={closestCenter}
              onDragEnd={onItemDragEnd(section.uid)}
              accessibility={accessibility}
            >
              <SortableContext items={section.items.map((i) => i.uid)} strategy={verticalListSortingStrategy}>
                <ol className="items">
                  {section.items.map((item, i) => (
                    <RoutineItem
                      key={item.uid}
                      item={item}
                      number={++number}
                      exercise={exercises[item.exerciseId]}
                      sections={sectionOptions}
                      sectionUid={section.uid}
                      errors={errors[`sections.${s}.items.${i}`]}
                      fieldErrors={(path) => errors[`sections.${s}.items.${i}.${path}`]}
                      canStep={{ up: i > 0 || s > 0, down: i < section.items.length - 1 || s < sections.length - 1 }}
                      onStep={(direction) => step(item.uid, item.exerciseId, direction)}
                      onChange={(next) => dispatch({ type: "changeItem", sectionUid: section.uid, index: i, item: next })}
                      onDuplicate={() => dispatch({ type: "duplicateItem", sectionUid: section.uid, index: i })}
                      onRemove={() => dispatch({ type: "removeItem", sectionUid: section.uid, index: i })}
                      onMove={(to) => moveTo(section.uid, i, to)}
                    />
                  ))}
                </ol>
              </SortableContext>
            </DndContext>
            {section.items.length === 0 && <p className="muted">Empty: add exercises from the picker, or move some here.</p>}
          </SortableSection>
        ))}
      </SortableContext>
    </DndContext>
  );
}
