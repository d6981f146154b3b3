"use client";
import { useEffect, useRef } from "react";

/**
 * Lets the handout and link forms beside the builder act on what is on screen: while the builder has unsaved
 * changes it registers how to save them, and those forms save first (the same version check: a conflict is
 * shown in the builder and nothing is printed or shared) before they print or share.
 */
const savers = new Map<number, () => Promise<boolean>>();

/** The builder's side: registered while there are unsaved changes. */
export function useOnScreenSave(routineId: number, dirty: boolean, save: () => Promise<boolean>): void {
  const latest = useRef(save);
  useEffect(() => {
    latest.current = save;
  });
  useEffect(() => {
    if (!dirty) return;
    const saver = () => latest.current();
    savers.set(routineId, saver);
    return () => {
      if (savers.get(routineId) === saver) savers.delete(routineId);
    };
  }, [routineId, dirty]);
}

export const hasUnsavedWork = (routineId: number) => savers.has(routineId);

/** Saves what is on screen if anything is unsaved; false when the save was refused (the builder says why). */
export async function saveWhatIsOnScreen(routineId: number): Promise<boolean> {
  const saver = savers.get(routineId);
  if (!saver) return true;
  const saved = await saver();
  if (saved) savers.delete(routineId);
  return saved;
}

/** Starts a download in this tab without leaving the page (an <a download>, which no leave-guard stops). */
export function downloadFrom(href: string): void {
  const link = document.createElement("a");
  link.href = href;
  link.download = "";
  document.body.append(link);
  link.click();
  link.remove();
}
