import { describe, expect, it } from "vitest";
import {
  builderReducer,
  fromRoutineDraft,
  initialBuilderState,
  moveInList,
  type BuilderAction,
  type BuilderState,
} from "@/components/routines/routine-draft";
import { routineContent } from "@/lib/routines/schemas";

const content = routineContent.parse({
  title: "Week 1",
  instructions: "Once a day.",
  sections: [
    {
      title: "Warm-up",
      items: [
        { exerciseId: 1, dose: { reps: 10 } },
        { exerciseId: 2, dose: { sets: 2, reps: 8 }, note: "Slowly" },
      ],
    },
    { title: "Stretches", items: [{ exerciseId: 3, dose: { holdSeconds: 30 } }] },
    { title: "Cool-down", items: [] },
  ],
});

const run = (...actions: BuilderAction[]): BuilderState => actions.reduce(builderReducer, initialBuilderState(content));
const start = initialBuilderState(content);
const uid = (s: number) => start.draft.sections[s]!.uid;
const ids = (state: BuilderState) => state.draft.sections.map((s) => s.items.map((i) => i.exerciseId));
const titles = (state: BuilderState) => state.draft.sections.map((s) => s.title);
// Each run builds fresh uids: act on the state the uids came from.
const act = (...actions: BuilderAction[]) => actions.reduce(builderReducer, start);

describe("the routine builder's state", () => {
  it("starts clean and round-trips the saved content", () => {
    expect(start.dirty).toBe(false);
    expect(start.removed).toBeNull();
    expect(routineContent.parse(fromRoutineDraft(start.draft))).toEqual(content);
    expect(run().draft.title).toBe("Week 1");
    // The server's render and the browser's hydration build the same ids (they end up in ids and option values).
    expect(initialBuilderState(content).draft).toEqual(start.draft);
  });

  it("edits the routine's own fields and marks the draft unsaved", () => {
    const state = act({ type: "edit", field: "title", value: "Week 2" }, { type: "edit", field: "reviewDate", value: "2027-01-15" });
    expect(state.draft).toMatchObject({ title: "Week 2", reviewDate: "2027-01-15", instructions: "Once a day." });
    expect(state.dirty).toBe(true);
    expect(builderReducer(state, { type: "saved" }).dirty).toBe(false);
  });

  it("adds an exercise at the end of the chosen section with the exercise's default dose", () => {
    const state = act({ type: "addItem", sectionUid: uid(1), exerciseId: 9, dose: { sets: 3, reps: 12 } });
    expect(ids(state)).toEqual([[1, 2], [3, 9], []]);
    expect(routineContent.parse(fromRoutineDraft(state.draft)).sections[1]!.items[1]).toEqual({
      exerciseId: 9,
      dose: { sets: 3, reps: 12 },
      note: "",
    });
  });

  it("duplicates an item right after itself, with a new id for drag and drop", () => {
    const state = act({ type: "duplicateItem", sectionUid: uid(0), index: 1 });
    expect(ids(state)).toEqual([[1, 2, 2], [3], []]);
    const [, original, copy] = state.draft.sections[0]!.items;
    expect(copy!.uid).not.toBe(original!.uid);
    expect(copy!.note).toBe("Slowly");
  });

  it("removes an item and Undo puts it back where it was", () => {
    const removed = act({ type: "removeItem", sectionUid: uid(0), index: 0 });
    expect(ids(removed)).toEqual([[2], [3], []]);
    expect(removed.removed).toMatchObject({ sectionUid: uid(0), index: 0, item: { exerciseId: 1 } });
    const undone = builderReducer(removed, { type: "undoRemove" });
    expect(ids(undone)).toEqual([[1, 2], [3], []]);
    expect(undone.removed).toBeNull();
    expect(builderReducer(undone, { type: "undoRemove" })).toBe(undone);
  });

  it("moves an item to the end of another section, and reorders within one", () => {
    expect(ids(act({ type: "moveItem", sectionUid: uid(0), index: 0, toSectionUid: uid(2) }))).toEqual([[2], [3], [1]]);
    expect(ids(act({ type: "reorderItems", sectionUid: uid(0), from: 1, to: 0 }))).toEqual([[2, 1], [3], []]);
    // Moving to its own section or to one that is gone changes nothing.
    expect(act({ type: "moveItem", sectionUid: uid(0), index: 0, toSectionUid: uid(0) })).toBe(start);
    expect(act({ type: "moveItem", sectionUid: uid(0), index: 0, toSectionUid: "gone" })).toBe(start);
  });

  it("adds, renames, moves and removes sections, but never drops exercises or the last section", () => {
    const state = act(
      { type: "addSection" },
      { type: "renameSection", sectionUid: uid(2), title: "Rest" },
      { type: "moveSection", from: 2, to: 0 },
    );
    expect(titles(state)).toEqual(["Rest", "Warm-up", "Stretches", "New section"]);
    expect(titles(builderReducer(state, { type: "removeSection", sectionUid: uid(2) }))).toEqual(["Warm-up", "Stretches", "New section"]);
    // A section with exercises in it stays.
    expect(builderReducer(state, { type: "removeSection", sectionUid: uid(0) })).toBe(state);
    const onlyOne = act(
      { type: "removeItem", sectionUid: uid(0), index: 0 },
      { type: "removeItem", sectionUid: uid(0), index: 0 },
      { type: "removeItem", sectionUid: uid(1), index: 0 },
      { type: "removeSection", sectionUid: uid(0) },
      { type: "removeSection", sectionUid: uid(1) },
    );
    expect(titles(onlyOne)).toEqual(["Cool-down"]);
    expect(builderReducer(onlyOne, { type: "removeSection", sectionUid: uid(2) })).toBe(onlyOne);
  });

  it("changes an item's dose and note as typed, keeping text that is not a number yet", () => {
    const item = start.draft.sections[0]!.items[0]!;
    const state = act({
      type: "changeItem",
      sectionUid: uid(0),
      index: 0,
      item: { ...item, note: "Gently", dose: { ...item.dose, sets: "3", reps: "1o" } },
    });
    expect(state.draft.sections[0]!.items[0]).toMatchObject({ note: "Gently", dose: { sets: "3", reps: "1o" } });
    expect(state.draft.sections[0]!.items[1]).toBe(start.draft.sections[0]!.items[1]);
  });

  it("moves list elements like a drag does, and ignores moves out of range", () => {
    expect(moveInList(["a", "b", "c", "d"], 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveInList(["a", "b", "c", "d"], 3, 1)).toEqual(["a", "d", "b", "c"]);
    const list = ["a", "b"];
    expect(moveInList(list, 0, 2)).toBe(list);
    expect(moveInList(list, -1, 0)).toBe(list);
  });
});
