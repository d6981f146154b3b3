import { describe, expect, it } from "vitest";
import { clearDrafts, draftKey, draftMaxAgeMs, findDraft, keepDraft, type DraftStore, type KeptDraft } from "@/lib/routines/draft-storage";
import { differsFrom, fromStoredDraft, toStoredDraft } from "@/components/routines/kept-draft";
import { builderReducer, initialBuilderState } from "@/components/routines/routine-draft";
import type { RoutineContent } from "@/lib/routines/schemas";

/** localStorage's interface over a Map, optionally refusing writes as a full or private-mode storage does. */
function memoryStore(refuse = false): DraftStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (refuse) throw new DOMException("full", "QuotaExceededError");
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

const content: RoutineContent = {
  title: "Knee plan",
  instructions: "Twice a day.",
  startDate: "2026-12-01",
  reviewDate: null,
  sections: [{ title: "Strength", items: [{ exerciseId: 7, dose: { sets: 3, reps: 15 }, note: "slowly" }] }],
};
const kept = (over: Partial<KeptDraft> = {}): KeptDraft => ({
  routineId: 4,
  baseVersion: 2,
  savedAt: new Date("2026-12-01T14:02:00Z").toISOString(),
  draft: toStoredDraft(initialBuilderState(content).draft),
  cards: {},
  ...over,
});
const now = Date.parse("2026-12-01T15:00:00Z");

describe("the draft kept in the browser", () => {
  it("is found again by routine, under a key of routine and base version, and cleared on save", () => {
    const store = memoryStore();
    expect(keepDraft(store, kept())).toBe(true);
    expect([...store.map.keys()]).toEqual([draftKey(4, 2)]);
    expect(findDraft(store, 4, now)).toEqual(kept());
    expect(findDraft(store, 5, now)).toBeNull();
    clearDrafts(store, 4);
    expect(findDraft(store, 4, now)).toBeNull();
    expect(store.map.size).toBe(0);
  });

  it("keeps one entry per routine: newer work on a newer base replaces the old, other routines are untouched", () => {
    const store = memoryStore();
    keepDraft(store, kept());
    keepDraft(store, kept({ routineId: 9 }));
    keepDraft(store, kept({ baseVersion: 3, savedAt: new Date(now - 1000).toISOString() }));
    expect([...store.map.keys()].sort()).toEqual([draftKey(4, 3), draftKey(9, 2)].sort());
    expect(findDraft(store, 4, now)?.baseVersion).toBe(3);
  });

  it("throws away what is a week old or unreadable, and survives a storage that refuses to write", () => {
    const store = memoryStore();
    keepDraft(store, kept({ savedAt: new Date(now - draftMaxAgeMs - 1).toISOString() }));
    expect(findDraft(store, 4, now)).toBeNull();
    expect(store.map.size).toBe(0);
    store.map.set(draftKey(4, 1), "{not json");
    store.map.set(draftKey(4, 5), JSON.stringify({ routineId: 4 }));
    expect(findDraft(store, 4, now)).toBeNull();
    expect(store.map.size).toBe(0);
    expect(keepDraft(memoryStore(true), kept())).toBe(false);
  });

  it("holds the routine's text and exercises but no patient name, and comes back exactly as typed", () => {
    const state = initialBuilderState(content);
    const section = state.draft.sections[0]!;
    const typed = builderReducer(state, {
      type: "changeItem",
      sectionUid: section.uid,
      index: 0,
      item: { ...section.items[0]!, dose: { ...section.items[0]!.dose, reps: "2o" } }, // half-typed: kept as text
    });
    const stored = toStoredDraft(typed.draft);
    expect(JSON.stringify(stored)).not.toMatch(/"uid"/);
    expect(Object.keys(stored).sort()).toEqual(["instructions", "reviewDate", "sections", "startDate", "title"]);

    const back = fromStoredDraft(JSON.parse(JSON.stringify(stored)));
    expect(toStoredDraft(back)).toEqual(stored);
    expect(back.sections[0]!.items[0]!.dose.reps).toBe("2o");
    // Fresh drag-and-drop ids: never those of the page that kept it.
    expect(back.sections[0]!.uid).not.toBe(section.uid);
    expect(differsFrom(stored, state.draft)).toBe(true);
    expect(differsFrom(toStoredDraft(state.draft), state.draft)).toBe(false);

    const restored = builderReducer(state, { type: "replaceDraft", draft: back });
    expect(restored.dirty).toBe(true);
    expect(restored.draft).toBe(back);
  });
});
