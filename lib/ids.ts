import { z } from "zod";
import { AppError } from "./errors";

/**
 * A row id: a positive safe integer, given as a number or as a string of digits (a form field, a route
 * segment). Stricter than `Number()` or `z.coerce.number()`, which also take " 12", "1e3" and "0x10".
 */
export const idInput = z
  .union(
    [
      z.number(),
      z
        .string()
        .regex(/^\d{1,16}$/, "Not a valid id.")
        .transform(Number),
    ],
    { message: "Not a valid id." },
  )
  .pipe(
    z
      .number({ message: "Not a valid id." })
      .int("Not a valid id.")
      .positive("Not a valid id.")
      .max(Number.MAX_SAFE_INTEGER, "Not a valid id."),
  );

/** The id, or null when the value is not one. */
export function parseId(value: unknown): number | null {
  const parsed = idInput.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * A route or page segment such as `[id]` as an id; anything else is the 404 of the thing it names
 * (`what`: "exercise", "routine"), thrown as an AppError so route wrappers and pages answer alike.
 */
export function idParam(params: { id: string }, what: string): number {
  const id = parseId(params.id);
  if (id === null) throw new AppError("not_found", `That ${what} does not exist.`);
  return id;
}
