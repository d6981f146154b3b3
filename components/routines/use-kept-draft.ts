"use client";
import { useCallback, useEffect, useState } from "react";
import { clearDrafts, findDraft, keepDraft, type KeptDraft } from "@/lib/routines/draft-storage";
import type { ExerciseCard } from "@/lib/routines/queries";
import { differsFrom, toStoredDraft } from "./kept-draft";
import type { RoutineDraft } from "./routine-draft";

const store = () => (typeof window === "undefined" ? null : window.localStorage);

type Options = {
  routineId: number;
  baseVersion: number;
  draft: RoutineDraft;
  dirty: boolean;
  exercises: Record<number, ExerciseCard>;
  /** The cards the page came with: only the others are kept (the page brings these again). */
  initialExercises: Record<number, ExerciseCard>;
};

/**
 * Keeps unsaved work in the browser as it is typed (a moment after the last change), and on opening the
 * builder finds work kept earlier that differs from the page: the offer the builder shows ("Restore…?").
 */
export function useKeptDraft({ routineId, baseVersion, draft, dirty, exercises, initialExercises }: Options) {
  const [offer, setOffer] = useState<KeptDraft<ExerciseCard> | null>(null);

  // Once, on opening: what a reload, a crash or a closed tab left behind.
  useEffect(() => {
    const storage = store();
    if (!storage) return;
    const found = findDraft<ExerciseCard>(storage, routineId);
    // The browser's storage exists only after hydration: the offer cannot be part of the server's HTML.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (found && differsFrom(found.draft, draft)) setOffer(found);
    else if (found) clearDrafts(storage, routineId);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only what the page opened with
  }, [routineId]);

  useEffect(() => {
    const storage = store();
    // While an offer is open the old work stays as it was, until the user restores or discards it.
    if (!storage || !dirty || offer) return;
    const timer = window.setTimeout(() => {
      const ids = new Set(draft.sections.flatMap((s) => s.items.map((i) => i.exerciseId)));
      const cards = Object.fromEntries([...ids].filter((id) => !initialExercises[id] && exercises[id]).map((id) => [id, exercises[id]!]));
      keepDraft(storage, { routineId, baseVersion, savedAt: new Date().toISOString(), draft: toStoredDraft(draft), cards });
    }, 300);
    return () => window.clearTimeout(timer);
  }, [routineId, baseVersion, draft, dirty, offer, exercises, initialExercises]);

  const forget = useCallback(() => {
    const storage = store();
    if (storage) clearDrafts(storage, routineId);
  }, [routineId]);

  const takeOffer = useCallback(() => {
    const taken = offer;
    setOffer(null);
    return taken;
  }, [offer]);

  const discardOffer = useCallback(() => {
    setOffer(null);
    forget();
  }, [forget]);

  return { offer, takeOffer, discardOffer, forget };
}
