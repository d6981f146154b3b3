// The fixed vocabularies an exercise is described with. Shared by the schema, forms, filters and seed.
export const exerciseCategories = ["warm-up", "mobility", "stretch", "strengthening", "foam-rolling", "yoga-pilates"] as const;
export type ExerciseCategory = (typeof exerciseCategories)[number];

// The whole body, head to foot (values are stored in exercises, so add new ones and never rename).
export const bodyRegions = [
  "neck",
  "shoulders",
  "upper-back",
  "mid-back",
  "lower-back",
  "chest",
  "core",
  "arms",
  "elbows",
  "wrists",
  "hands",
  "hips",
  "thighs",
  "knees",
  "calves",
  "ankles",
  "feet",
] as const;
export type BodyRegion = (typeof bodyRegions)[number];

export const equipmentKinds = ["chair", "wall", "doorway", "mat", "foam-roller", "resistance-band", "dumbbells", "towel"] as const;
export type Equipment = (typeof equipmentKinds)[number];

export const startingPositions = ["standing", "seated", "lying-on-back", "lying-on-front", "side-lying", "all-fours", "kneeling"] as const;
export type StartingPosition = (typeof startingPositions)[number];

export const difficulties = ["easy", "moderate", "hard"] as const;
export type Difficulty = (typeof difficulties)[number];

export const exerciseStatuses = ["draft", "published", "archived"] as const;
export type ExerciseStatus = (typeof exerciseStatuses)[number];

export const sides = ["both", "left", "right", "each"] as const;
export type Side = (typeof sides)[number];

const labels: Record<string, string> = {
  "warm-up": "Warm-up",
  mobility: "Mobility",
  stretch: "Stretch",
  strengthening: "Strengthening",
  "foam-rolling": "Foam rolling",
  "yoga-pilates": "Yoga / Pilates",
  "upper-back": "Upper back",
  "mid-back": "Mid back",
  "lower-back": "Lower back",
  "foam-roller": "Foam roller",
  "resistance-band": "Resistance band",
  "lying-on-back": "Lying on back",
  "lying-on-front": "Lying on front",
  "side-lying": "Side-lying",
  "all-fours": "On all fours",
};

/** A human label for any vocabulary value ("upper-back" → "Upper back"). */
export function labelOf(value: string): string {
  return labels[value] ?? value.charAt(0).toUpperCase() + value.slice(1).replaceAll("-", " ");
}
