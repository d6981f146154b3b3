import { describe, expect, it } from "vitest";
import { describeItemMove, describeNoMove, describeSectionMove, stepItem } from "@/components/routines/item-moves";
import { builderReducer, type SectionDraft } from "@/components/routines/routine-draft";

const item = (uid: string) => ({ uid, exerciseId: 0, dose: {} as never, note: "" });
const sections = (...list: [string, string[]][]): SectionDraft[] =>
  list.map(([title, uids]) => ({ uid: title, title, items: uids.map(item) }));
const layout = (list: SectionDraft[]) => Object.fromEntries(list.map((s) => [s.title, s.items.map((i) => i.uid)]));

const routine = sections(["Warm-up", ["a", "b"]], ["Mobility", ["c", "d", "e", "f"]], ["Rest", []], ["Strength", ["g", "h"]]);

describe("moving an item one step with the keyboard", () => {
  it("moves within its section in the direction asked, never the other way", () => {
    const down = stepItem(routine, "d", "down")!;
    expect(layout(down.sections).Mobility).toEqual(["c", "e", "d", "f"]);
    expect(down.to).toEqual({ sectionUid: "Mobility", index: 2 });
    const up = stepItem(routine, "d", "up")!;
    expect(layout(up.sections).Mobility).toEqual(["d", "c", "e", "f"]);
    expect(up.from).toEqual({ sectionUid: "Mobility", index: 1 });
    expect(up.to).toEqual({ sectionUid: "Mobility", index: 0 });
  });

  it("crosses into the section above (landing last) and below (landing first)", () => {
    const up = stepItem(routine, "c", "up")!;
    expect(layout(up.sections)).toMatchObject({ "Warm-up": ["a", "b", "c"], Mobility: ["d", "e", "f"] });
    expect(up.to).toEqual({ sectionUid: "Warm-up", index: 2 });
    const down = stepItem(routine, "b", "down")!;
    expect(layout(down.sections)).toMatchObject({ "Warm-up": ["a"], Mobility: ["b", "c", "d", "e", "f"] });
    expect(down.to).toEqual({ sectionUid: "Mobility", index: 0 });
  });

  it("stops at an empty section rather than jumping over it, in both directions", () => {
    const down = stepItem(routine, "f", "down")!;
    expect(layout(down.sections)).toMatchObject({ Mobility: ["c", "d", "e"], Rest: ["f"], Strength: ["g", "h"] });
    const again = stepItem(down.sections, "f", "down")!;
    expect(layout(again.sections)).toMatchObject({ Rest: [], Strength: ["f", "g", "h"] });
    const up = stepItem(routine, "g", "up")!;
    expect(layout(up.sections)).toMatchObject({ Rest: ["g"], Strength: ["h"] });
  });

  it("does nothing at the routine's first and last place, or for an item that is not there", () => {
    expect(stepItem(routine, "a", "up")).toBeNull();
    expect(stepItem(routine, "h", "down")).toBeNull();
    expect(stepItem(routine, "zz", "up")).toBeNull();
    expect(stepItem(sections(["Only", ["x"]]), "x", "down")).toBeNull();
  });

  it("keeps every item exactly once, whatever the sequence of steps", () => {
    let list = routine;
    for (const [uid, direction] of [
      ["a", "down"],
      ["a", "down"],
      ["a", "down"],
      ["h", "up"],
      ["h", "up"],
      ["e", "up"],
    ] as const) {
      list = stepItem(list, uid, direction)?.sections ?? list;
    }
    expect(list.flatMap((s) => s.items.map((i) => i.uid)).sort()).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
    expect(layout(list)).toEqual({ "Warm-up": ["b"], Mobility: ["c", "a", "e", "d", "f"], Rest: ["h"], Strength: ["g"] });
  });

  it("is the builder's stepItem action too, and a move at the edge leaves the state as it was", () => {
    const state = { draft: { title: "", instructions: "", startDate: "", reviewDate: "", sections: routine }, removed: null, dirty: false };
    const moved = builderReducer(state, { type: "stepItem", itemUid: "b", direction: "down" });
    expect(layout(moved.draft.sections).Mobility).toEqual(["b", "c", "d", "e", "f"]);
    expect(moved.dirty).toBe(true);
    expect(builderReducer(state, { type: "stepItem", itemUid: "a", direction: "up" })).toBe(state);
  });
});

describe("what a screen reader hears", () => {
  it("says the position and section in words, and names the new section first when it changed", () => {
    const within = stepItem(routine, "d", "down")!;
    expect(describeItemMove("Cat-Cow", within.sections, within.from, within.to)).toBe("Cat-Cow moved to position 3 of 4 in Mobility.");
    const across = stepItem(routine, "b", "down")!;
    expect(describeItemMove("Cat-Cow", across.sections, across.from, across.to)).toBe("Cat-Cow moved to Mobility, position 1 of 5.");
    const intoEmpty = stepItem(routine, "f", "down")!;
    expect(describeItemMove("Cat-Cow", intoEmpty.sections, intoEmpty.from, intoEmpty.to)).toBe("Cat-Cow moved to Rest, position 1 of 1.");
  });

  it("names an untitled section, the routine's edges, and section moves", () => {
    const untitled = sections(["", ["x"]], ["B", ["y"]]).map((s, i) => ({ ...s, uid: `s${i}` }));
    const up = stepItem(untitled, "y", "up")!;
    expect(describeItemMove("Bridge", up.sections, up.from, up.to)).toBe("Bridge moved to Untitled section, position 2 of 2.");
    expect(describeNoMove("Bridge", "up")).toBe("Bridge is already first in the routine.");
    expect(describeNoMove("Bridge", "down")).toBe("Bridge is already last in the routine.");
    expect(describeSectionMove(routine, 1)).toBe("Section Mobility moved to position 2 of 4.");
  });
});
