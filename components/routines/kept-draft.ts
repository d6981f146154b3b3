import type { StoredDraft } from "@/lib/routines/draft-storage";
import type { DoseDraft } from "@/components/exercises/dose-fields";
import { newUid, type RoutineDraft } from "./routine-draft";

/** The builder's working copy without its drag-and-drop ids: what is kept in the browser. */
export function toStoredDraft(draft: RoutineDraft): StoredDraft {
  return {
    title: draft.title,
    instructions: draft.instructions,
    startDate: draft.startDate,
    reviewDate: draft.reviewDate,
    sections: draft.sections.map((s) => ({
      title: s.title,
      items: s.items.map((i) => ({ exerciseId: i.exerciseId, dose: { ...i.dose }, note: i.note })),
    })),
  };
}

/** Kept work back as a working copy, with fresh ids (the old ones may clash with this page's). */
export function fromStoredDraft(stored: StoredDraft): RoutineDraft {
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    title: text(stored.title),
    instructions: text(stored.instructions),
    startDate: text(stored.startDate),
    reviewDate: text(stored.reviewDate),
    sections: stored.sections.map((s) => ({
      uid: newUid(),
      title: text(s.title),
      items: (Array.isArray(s.items) ? s.items : [])
        .filter((i) => typeof i?.exerciseId === "number")
        .map((i) => ({ uid: newUid(), exerciseId: i.exerciseId, dose: { ...i.dose } as DoseDraft, note: text(i.note) })),
    })),
  };
}

/** Whether kept work differs from what the page shows (then it is worth offering back). */
export function differsFrom(stored: StoredDraft, draft: RoutineDraft): boolean {
  return JSON.stringify(stored) !== JSON.stringify(toStoredDraft(draft));
}
