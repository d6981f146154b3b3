import { doseFromDraft, doseToDraft, type DoseDraft } from "@/components/exercises/dose-fields";
import type { Dose } from "@/lib/exercises/dose";
import type { RoutineContent } from "@/lib/routines/schemas";
import { stepItem } from "./item-moves";

/** The builder's working copy: stable ids for drag and drop, text for every box so nothing typed is lost. */
export type ItemDraft = { uid: string; exerciseId: number; dose: DoseDraft; note: string };
export type SectionDraft = { uid: string; title: string; items: ItemDraft[] };
export type RoutineDraft = { title: string; instructions: string; startDate: string; reviewDate: string; sections: SectionDraft[] };

let counter = 0;
// Not crypto.randomUUID: that needs a secure context, and a clinic may serve over plain HTTP on its LAN.
export const newUid = () => `u${++counter}`;

export function newItem(exerciseId: number, dose: Dose, note = ""): ItemDraft {
  return { uid: newUid(), exerciseId, dose: doseToDraft(dose), note };
}

/**
 * Ids by position for what was saved: the server's render and the browser's hydration must agree on them (ids
 * and option values in the page come from them). What the browser adds later takes newUid's "u" ids.
 */
export function toRoutineDraft(content: RoutineContent): RoutineDraft {
  return {
    title: content.title,
    instructions: content.instructions,
    startDate: content.startDate ?? "",
    reviewDate: content.reviewDate ?? "",
    sections: content.sections.map((s, si) => ({
      uid: `s${si}`,
      title: s.title,
      items: s.items.map((i, ii) => ({ ...newItem(i.exerciseId, i.dose, i.note), uid: `s${si}i${ii}` })),
    })),
  };
}

/** The shape the server validates (it re-checks everything). */
export function fromRoutineDraft(draft: RoutineDraft): unknown {
  return {
    title: draft.title,
    instructions: draft.instructions,
    startDate: draft.startDate || null,
    reviewDate: draft.reviewDate || null,
    sections: draft.sections.map((s) => ({
      title: s.title,
      items: s.items.map((i) => ({ exerciseId: i.exerciseId, dose: doseFromDraft(i.dose), note: i.note })),
    })),
  };
}

/** The dose as saved, for the sentence shown beside each item (unparseable boxes are left out). */
export function previewDose(dose: DoseDraft): Dose {
  const raw = doseFromDraft(dose);
  return Object.fromEntries(Object.entries(raw).filter(([key, v]) => typeof v === "number" || key === "side" || key === "load")) as Dose;
}

/** Moves one element of a list to another index (what a drag or an arrow key does), without changing the rest. */
export function moveInList<T>(list: T[], from: number, to: number): T[] {
  if (from < 0 || to < 0 || from >= list.length || to >= list.length || from === to) return list;
  const next = [...list];
  next.splice(to, 0, ...next.splice(from, 1));
  return next;
}

export type DraftField = "title" | "instructions" | "startDate" | "reviewDate";

/** Everything the builder changes, as plain data: the draft, the last removal (for Undo) and unsaved changes. */
export type BuilderState = { draft: RoutineDraft; removed: { item: ItemDraft; sectionUid: string; index: number } | null; dirty: boolean };

export type BuilderAction =
  | { type: "edit"; field: DraftField; value: string }
  | { type: "addSection" }
  | { type: "renameSection"; sectionUid: string; title: string }
  | { type: "removeSection"; sectionUid: string }
  | { type: "moveSection"; from: number; to: number }
  | { type: "addItem"; sectionUid: string; exerciseId: number; dose: Dose }
  | { type: "changeItem"; sectionUid: string; index: number; item: ItemDraft }
  | { type: "duplicateItem"; sectionUid: string; index: number }
  | { type: "removeItem"; sectionUid: string; index: number }
  | { type: "undoRemove" }
  | { type: "moveItem"; sectionUid: string; index: number; toSectionUid: string }
  | { type: "reorderItems"; sectionUid: string; from: number; to: number }
  | { type: "stepItem"; itemUid: string; direction: "up" | "down" }
  | { type: "saved" }
  | { type: "replaceDraft"; draft: RoutineDraft };

export function initialBuilderState(content: RoutineContent): BuilderState {
  return { draft: toRoutineDraft(content), removed: null, dirty: false };
}

const withSection = (draft: RoutineDraft, uid: string, change: (s: SectionDraft) => SectionDraft): RoutineDraft => ({
  ...draft,
  sections: draft.sections.map((s) => (s.uid === uid ? change(s) : s)),
});

function applyToDraft(
  state: BuilderState,
  action: Exclude<BuilderAction, { type: "saved" | "removeItem" | "undoRemove" | "replaceDraft" }>,
): RoutineDraft {
  const { draft } = state;
  switch (action.type) {
    case "edit":
      return { ...draft, [action.field]: action.value };
    case "addSection":
      return { ...draft, sections: [...draft.sections, { uid: newUid(), title: "New section", items: [] }] };
    case "renameSection":
      return withSection(draft, action.sectionUid, (s) => ({ ...s, title: action.title }));
    case "removeSection":
      // A routine keeps one section, and a section with exercises in it is emptied first, never dropped with them.
      if (draft.sections.length === 1 || draft.sections.some((s) => s.uid === action.sectionUid && s.items.length > 0)) return draft;
      return { ...draft, sections: draft.sections.filter((s) => s.uid !== action.sectionUid) };
    case "moveSection":
      return { ...draft, sections: moveInList(draft.sections, action.from, action.to) };
    case "addItem":
      return withSection(draft, action.sectionUid, (s) => ({ ...s, items: [...s.items, newItem(action.exerciseId, action.dose)] }));
    case "changeItem":
      return withSection(draft, action.sectionUid, (s) => ({
        ...s,
        items: s.items.map((it, i) => (i === action.index ? action.item : it)),
      }));
    case "duplicateItem":
      return withSection(draft, action.sectionUid, (s) => {
        const item = s.items[action.index];
        return item
          ? { ...s, items: [...s.items.slice(0, action.index + 1), { ...item, uid: newUid() }, ...s.items.slice(action.index + 1)] }
          : s;
      });
    case "moveItem": {
      const item = draft.sections.find((s) => s.uid === action.sectionUid)?.items[action.index];
      if (!item || action.sectionUid === action.toSectionUid || !draft.sections.some((s) => s.uid === action.toSectionUid)) return draft;
      return {
        ...draft,
        sections: draft.sections.map((s) =>
          s.uid === action.sectionUid
            ? { ...s, items: s.items.filter((_, i) => i !== action.index) }
            : s.uid === action.toSectionUid
              ? { ...s, items: [...s.items, item] }
              : s,
        ),
      };
    }
    case "reorderItems":
      return withSection(draft, action.sectionUid, (s) => ({ ...s, items: moveInList(s.items, action.from, action.to) }));
    case "stepItem": {
      const step = stepItem(draft.sections, action.itemUid, action.direction);
      return step ? { ...draft, sections: step.sections } : draft;
    }
  }
}

/** The builder's state changes, one pure function so each can be tested without a browser. */
export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  switch (action.type) {
    case "saved":
      return { ...state, dirty: false };
    case "replaceDraft":
      // Work kept in the browser, put back: unsaved until the user saves it.
      return { draft: action.draft, removed: null, dirty: true };
    case "removeItem": {
      const item = state.draft.sections.find((s) => s.uid === action.sectionUid)?.items[action.index];
      if (!item) return state;
      const draft = withSection(state.draft, action.sectionUid, (s) => ({ ...s, items: s.items.filter((_, i) => i !== action.index) }));
      return { draft, removed: { item, sectionUid: action.sectionUid, index: action.index }, dirty: true };
    }
    case "undoRemove": {
      const { removed } = state;
      if (!removed) return state;
      const draft = withSection(state.draft, removed.sectionUid, (s) => ({
        ...s,
        items: [...s.items.slice(0, removed.index), removed.item, ...s.items.slice(removed.index)],
      }));
      return { draft, removed: null, dirty: true };
    }
    default: {
      const draft = applyToDraft(state, action);
      return draft === state.draft ? state : { ...state, draft, dirty: true };
    }
  }
}
