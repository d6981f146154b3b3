import { z } from "zod";
import { sides } from "./vocabulary";

const count = (max: number) =>
  z
    .number({ error: "Enter a whole number." })
    .int("Enter a whole number.")
    .min(1, "Use 1 or more, or leave it empty.")
    .max(max, `Use at most ${max}.`);

/**
 * How much of an exercise to do. Every field is optional: a stretch may only have a hold, a walk only a
 * duration. Ranges ("5–10 reps", "hold 30–60 s") use the *Max fields.
 */
export const doseInput = z
  .object({
    sets: count(20).optional(),
    reps: count(200).optional(),
    repsMax: count(200).optional(),
    holdSeconds: count(600).optional(),
    holdSecondsMax: count(600).optional(),
    restSeconds: count(600).optional(),
    side: z.enum(sides).optional(),
    timesPerDay: count(12).optional(),
    daysPerWeek: count(7).optional(),
    durationSeconds: count(7200).optional(),
    load: z.string().trim().max(60).optional(),
  })
  .refine((d) => d.repsMax === undefined || (d.reps !== undefined && d.repsMax > d.reps), {
    message: "The upper end of the reps range must be above the lower end.",
    path: ["repsMax"],
  })
  .refine((d) => d.holdSecondsMax === undefined || (d.holdSeconds !== undefined && d.holdSecondsMax > d.holdSeconds), {
    message: "The upper end of the hold range must be above the lower end.",
    path: ["holdSecondsMax"],
  });

export type Dose = z.infer<typeof doseInput>;
