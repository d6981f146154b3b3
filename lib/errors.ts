import type { z } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;

/** Every AppError code and the HTTP status a route answers it with: the one table (lib/auth/route.ts uses it). */
export const httpStatusOf = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
} as const;

export type AppErrorCode = keyof typeof httpStatusOf;

/** An error a person can act on: its message is safe to show, and fieldErrors point at the form fields. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors: FieldErrors = {},
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** A refused action. `values` echoes what a form sent (never passwords); `conflict` is a conflict's payload. */
export type ActionFailure<C = never> = {
  ok: false;
  error: string;
  fieldErrors: FieldErrors;
  values?: Record<string, string>;
  conflict?: C;
};

/** The one shape every server action returns. */
export type ActionResult<T extends object = object, C = never> = ({ ok: true } & T) | ActionFailure<C>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The JSON answer for an AppError, with its status from the table (and Retry-After when rate limited). */
export function appErrorResponse(error: AppError): Response {
  const headers: Record<string, string> = { "Cache-Control": "private, no-store" };
  const retryAfterMs = (error.details as { retryAfterMs?: number } | undefined)?.retryAfterMs;
  if (error.code === "rate_limited" && retryAfterMs) headers["Retry-After"] = String(Math.ceil(retryAfterMs / 1000));
  const fieldErrors = Object.keys(error.fieldErrors).length > 0 ? { fieldErrors: error.fieldErrors } : {};
  return Response.json({ error: error.message, ...fieldErrors }, { status: httpStatusOf[error.code], headers });
}

/** The field errors under one key of a nested input (`content.title` → `title`), for the form that edits it. */
export function fieldErrorsUnder(fieldErrors: FieldErrors, key: string): FieldErrors {
  const prefix = `${key}.`;
  return Object.fromEntries(
    Object.entries(fieldErrors).flatMap(([path, messages]) => (path.startsWith(prefix) ? [[path.slice(prefix.length), messages]] : [])),
  );
}
