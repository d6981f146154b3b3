import { z } from "zod";
import { isoDay as isoDate } from "@/lib/dates/parse";
import { doseInput } from "@/lib/exercises/dose";
import { idInput } from "@/lib/ids";

export const routineItemInput = z.object({
  exerciseId: z.number().int().positive(),
  dose: doseInput,
  note: z.string().trim().max(500, "Keep the note under 500 characters.").default(""),
});

export const routineSectionInput = z.object({
  title: z.string().trim().min(1, "Give the section a heading.").max(60, "Use at most 60 characters."),
  items: z.array(routineItemInput).max(60, "A section holds at most 60 exercises."),
});

/** Everything the builder edits and a revision snapshots: saved whole, every time. */
export const routineContent = z
  .object({
    title: z.string().trim().min(1, "Give the routine a title.").max(120, "Use at most 120 characters."),
    instructions: z.string().trim().max(4000, "Use at most 4,000 characters.").default(""),
    startDate: isoDate.nullable().default(null),
    reviewDate: isoDate.nullable().default(null),
    sections: z.array(routineSectionInput).min(1, "Keep at least one section.").max(12, "Use at most 12 sections."),
  })
  .refine((r) => !r.startDate || !r.reviewDate || r.reviewDate >= r.startDate, {
    message: "The review date comes after the start date.",
    path: ["reviewDate"],
  });
export type RoutineContent = z.infer<typeof routineContent>;

/** The parts of a routine a save can change, labelled for a conflict message ("changed: Title, Exercises"). */
export const routineFieldLabels = {
  title: "Title",
  instructions: "Instructions",
  startDate: "Start date",
  reviewDate: "Review date",
  sections: "Exercises",
} as const;
export type RoutineField = keyof typeof routineFieldLabels;

export const newRoutineInput = z.object({
  patientId: idInput.nullable(),
  templateId: idInput.nullable(),
  title: z.string().trim().max(120).optional(),
});
