import type { Illustration } from "./schema";

/** The alt text an illustration starts with: "Start and finish positions of Cat-Cow". Editable after. */
export function defaultAlt(exerciseName: string, frames: Illustration["frames"]["length"]): string {
  if (frames <= 1) return `Position for ${exerciseName}`;
  if (frames === 2) return `Start and finish positions of ${exerciseName}`;
  return `Start, middle and finish positions of ${exerciseName}`;
}
