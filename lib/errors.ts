import type { z } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;

/** An error a person can act on: its message is safe to show, and fieldErrors point at the form fields. */
export class AppError extends Error {
  constructor(
    readonly code: "validation" | "conflict" | "forbidden" | "not_found" | "rate_limited",
    message: string,
    readonly fieldErrors: FieldErrors = {},
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export type ActionResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; error: string; fieldErrors: FieldErrors };

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function invalid(error: z.ZodError): { ok: false; error: string; fieldErrors: FieldErrors } {
  return { ok: false, error: "Some fields need a look before this can be saved.", fieldErrors: fieldErrorsOf(error) };
}

/** Turns an AppError into a form result; anything else is a bug and keeps propagating. */
export function failure(error: unknown): { ok: false; error: string; fieldErrors: FieldErrors } {
  if (error instanceof AppError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
  throw error;
}
