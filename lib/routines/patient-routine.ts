import type { Dose } from "@/lib/exercises/dose";
import { illustrationForSide } from "@/lib/illustrations/mirror";
import type { Illustration } from "@/lib/illustrations/schema";
import { describeDose } from "./dose-sentence";

/** Tick boxes per day, on paper and on the phone: the dose's times a day, 1 to 3. */
export function sessionsPerDay(dose: Pick<Dose, "timesPerDay">): number {
  return Math.min(3, Math.max(1, dose.timesPerDay ?? 1));
}

/** What the patient calls each of the day's sessions: nothing for one, else a time of day. */
export function sessionNames(sessions: number): string[] {
  return sessions === 1 ? ["Today"] : sessions === 2 ? ["Morning", "Evening"] : ["Morning", "Midday", "Evening"];
}

/** What the patient is shown of one exercise of the library (ExerciseCard fits). */
export type PatientExerciseSource = {
  name: string;
  steps: string[];
  cues: string;
  precautions: string;
  image: { url: string; alt: string } | null;
  illustration?: Illustration | null;
};

/** The routine's content as saved, or the builder's unsaved draft (RoutineContent fits). */
export type PatientRoutineSource = {
  title: string;
  instructions: string;
  sections: { title: string; items: { exerciseId: number; dose: Dose; note: string }[] }[];
};

export type PatientItem = {
  /** The item's place in the routine across sections, counted before anything is left out: how a tick names it. */
  position: number;
  /** The number the patient reads, 1, 2, 3… */
  number: number;
  exerciseId: number;
  name: string;
  steps: string[];
  /** The dose as the one sentence the patient reads everywhere. */
  dose: string;
  /** Tick boxes per day on paper: the dose's times a day, 1 to 3. */
  ticksPerDay: number;
  /** Seconds to hold each time, for the page's hold timer; null when the exercise has no hold. */
  holdSeconds: number | null;
  /** Days a week, for calendar reminders; null when the dose does not say. */
  daysPerWeek: number | null;
  cues: string;
  precautions: string;
  note: string;
  /** The one main picture: the drawing (mirrored to the dose's side), or the uploaded photo. */
  image: { url: string; alt: string } | null;
  illustration: Illustration | null;
};

/** What the patient sees of a routine, on the phone, on paper and in the builder's preview. */
export type PatientRoutine = {
  title: string;
  instructions: string;
  sections: { title: string; items: PatientItem[] }[];
  itemCount: number;
};

/**
 * The one mapping from a routine to what the patient sees. An item whose exercise is not in `exercises` is
 * left out (a routine's exercises cannot be deleted, so only an unsaved draft can meet one) but keeps its
 * position, so ticks stay keyed to the same items.
 */
export function toPatientRoutine(
  routine: PatientRoutineSource,
  exercises: Record<number, PatientExerciseSource | undefined>,
): PatientRoutine {
  let position = 0;
  let number = 0;
  const sections = routine.sections.map((section) => ({
    title: section.title,
    items: section.items.flatMap((item): PatientItem[] => {
      const at = position++;
      const exercise = exercises[item.exerciseId];
      if (!exercise) return [];
      return [
        {
          position: at,
          number: ++number,
          exerciseId: item.exerciseId,
          name: exercise.name,
          steps: exercise.steps,
          dose: describeDose(item.dose),
          ticksPerDay: sessionsPerDay(item.dose),
          holdSeconds: item.dose.holdSeconds ?? null,
          daysPerWeek: item.dose.daysPerWeek ?? null,
          cues: exercise.cues,
          precautions: exercise.precautions,
          note: item.note,
          ...mainPicture(exercise, item.dose.side),
        },
      ];
    }),
  }));
  return { title: routine.title, instructions: routine.instructions, sections, itemCount: number };
}

/** The drawing is the main picture unless the clinician chose the uploaded photo (and there is one). */
function mainPicture(exercise: PatientExerciseSource, side: Dose["side"]): Pick<PatientItem, "image" | "illustration"> {
  const drawing = exercise.illustration;
  if (drawing && !(drawing.photoFirst && exercise.image)) return { image: null, illustration: illustrationForSide(drawing, side) };
  return { image: exercise.image, illustration: null };
}
