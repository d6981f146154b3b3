import { z } from "zod";
import { illustrationInput } from "@/lib/illustrations/schema";
import { doseInput } from "./dose";
import { bodyRegions, difficulties, equipmentKinds, exerciseCategories, exerciseStatuses, startingPositions } from "./vocabulary";

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

/** An exercise as a clinician writes it (create, edit, import). */
export const exerciseInput = z.object({
  name: text(120).min(2, "Give the exercise a name."),
  summary: text(300).default(""),
  steps: z.array(text(600).min(1, "A step cannot be empty.")).min(1, "Add at least one step.").max(20, "Use at most 20 steps."),
  cues: text(1500).default(""),
  precautions: text(1500).default(""),
  category: z.enum(exerciseCategories, { error: "Pick a category." }),
  bodyRegions: z.array(z.enum(bodyRegions, { error: "Unknown body region." })).min(1, "Pick at least one body region."),
  equipment: z.array(z.enum(equipmentKinds, { error: "Unknown equipment." })).default([]),
  position: z.enum(startingPositions, { error: "Pick a starting position." }),
  difficulty: z.enum(difficulties, { error: "Pick a difficulty." }),
  tags: z.array(text(40).toLowerCase().min(1)).max(20, "Use at most 20 tags.").default([]),
  defaultDose: doseInput,
  status: z.enum(exerciseStatuses, { error: "Pick a status." }),
  // null removes the drawing; absent (an older export, a CSV row) leaves the stored one as it is.
  illustration: illustrationInput.nullable().optional(),
});
export type ExerciseInput = z.infer<typeof exerciseInput>;

/** The fields an edit can change, in the order a person reads them (used for diffs and history). */
export const exerciseFields = [
  "name",
  "summary",
  "steps",
  "cues",
  "precautions",
  "category",
  "bodyRegions",
  "equipment",
  "position",
  "difficulty",
  "tags",
  "defaultDose",
  "status",
  "illustration",
] as const satisfies readonly (keyof ExerciseInput)[];

export const exerciseFieldLabels: Record<(typeof exerciseFields)[number], string> = {
  name: "Name",
  summary: "Summary",
  steps: "Steps",
  cues: "Cues",
  precautions: "Precautions",
  category: "Category",
  bodyRegions: "Body regions",
  equipment: "Equipment",
  position: "Starting position",
  difficulty: "Difficulty",
  tags: "Tags",
  defaultDose: "Default dose",
  status: "Status",
  illustration: "Illustration",
};

export const exerciseKey = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes (e.g. cat-cow).")
  .max(80);

/** What the list page can ask for; every value comes from the URL, so each is validated and defaulted. */
export const exerciseQuery = z.object({
  q: z.string().trim().max(200).catch(""),
  category: z.enum(exerciseCategories).optional().catch(undefined),
  region: z.enum(bodyRegions).optional().catch(undefined),
  equipment: z.enum(equipmentKinds).optional().catch(undefined),
  position: z.enum(startingPositions).optional().catch(undefined),
  // "active" = draft + published (the default view); archived ones only when asked for.
  status: z.enum([...exerciseStatuses, "active", "all"]).catch("active"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ExerciseQuery = z.infer<typeof exerciseQuery>;
