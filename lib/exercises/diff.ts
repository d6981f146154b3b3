import { exerciseFields, type ExerciseInput } from "./schemas";

export type FieldChange = { from: unknown; to: unknown };
export type ExerciseChanges = Partial<Record<(typeof exerciseFields)[number], FieldChange>>;

// Key order is not meaning: a dose stored as {reps, side} equals {side, reps}.
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === "object"
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(canonical(a ?? null)) === JSON.stringify(canonical(b ?? null));

/** The fields that differ between two versions of an exercise, old and new value each (for the audit trail). */
export function diffExercise(before: Partial<ExerciseInput>, after: Partial<ExerciseInput>): ExerciseChanges {
  const changes: ExerciseChanges = {};
  for (const field of exerciseFields) {
    if (after[field] !== undefined && !sameValue(before[field], after[field])) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}
