import "server-only";
import type { Db } from "@/db/client";
import type { Illustration } from "@/lib/illustrations/schema";
import { toPatientRoutine } from "@/lib/routines/patient-routine";
import { loadExerciseCards } from "@/lib/routines/queries";
import { flattenItems, readLatestRevision } from "./shared-routine";

/**
 * The drawing the patient's page shows for the item at `position` of the routine's newest revision (mirrored
 * to its dose's side), or null when that item shows none. Read through toPatientRoutine, as the page is.
 */
export async function getSharedDrawing(db: Db, routineId: number, position: number): Promise<Illustration | null> {
  const latest = await readLatestRevision(db, routineId);
  if (!latest) return null;
  const item = flattenItems(latest.content).find((i) => i.position === position);
  if (!item) return null;
  const routine = toPatientRoutine(latest.content, await loadExerciseCards(db, [item.exerciseId]));
  return routine.sections.flatMap((s) => s.items).find((i) => i.position === position)?.illustration ?? null;
}
