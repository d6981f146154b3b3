import { doseFromDraft, doseToDraft, type DoseDraft } from "@/components/exercises/dose-fields";
import type { Dose } from "@/lib/exercises/dose";
import type { RoutineContent } from "@/lib/routines/schemas";

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

export function toRoutineDraft(content: RoutineContent): RoutineDraft {
  return {
    title: content.title,
    instructions: content.instructions,
    startDate: content.startDate ?? "",
    reviewDate: content.reviewDate ?? "",
    sections: content.sections.map((s) => ({ uid: newUid(), title: s.title, items: s.items.map((i) => newItem(i.exerciseId, i.dose, i.note)) })),
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
