import type { Dose } from "@/lib/exercises/dose";
import type { BodyRegion, Difficulty, Equipment, ExerciseCategory, StartingPosition } from "@/lib/exercises/vocabulary";

/** One exercise of the starter library. `key` is its stable identity: never rename a shipped key. */
export type SeedExercise = {
  key: string;
  name: string;
  summary: string;
  steps: string[];
  cues: string;
  precautions: string;
  category: ExerciseCategory;
  bodyRegions: BodyRegion[];
  equipment: Equipment[];
  position: StartingPosition;
  difficulty: Difficulty;
  tags: string[];
  defaultDose: Dose;
};

export type SeedTemplate = {
  key: string;
  title: string;
  instructions: string;
  sections: { title: string; items: { exerciseKey: string; dose?: Dose; note?: string }[] }[];
};
